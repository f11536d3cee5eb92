// The explorer end to end: the built `kg serve` on a real Neo4j holding the example reports, the
// API its graph view needs over HTTP, and the app itself in headless Chromium. Every browser
// test saves a screenshot (under .screenshots/) and checks that CJK text was really drawn.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { extractReport } from "../../src/extract/index.js";
import { deleteReport } from "../../src/graph/delete.js";
import { writeReports } from "../../src/graph/writer.js";
import { openTestDatabase } from "../support/db.js";
import { emptyTestGraph, loadExamplesIntoEmptyGraph } from "../support/examples.js";
import { startService, type RunningService } from "../support/api.js";
import { cjkRendering, launchBrowser, waitForView } from "../support/browser.js";

const SHOTS = ".screenshots";
let service: RunningService;
let origin: string;
let browser: Browser;
let downloads: string;

beforeAll(async () => {
  await loadExamplesIntoEmptyGraph();
  service = await startService({ NEO4J_URI: inject("neo4jUri"), KG_PAGE_DEFAULT: "20", KG_PAGE_MAX: "100" });
  origin = service.url.replace(/\/graphql$/, "");
  ({ browser, downloads } = await launchBrowser());
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
  await emptyTestGraph();
});

async function data(query: string, variables?: Record<string, unknown>) {
  const response = await service.gql(query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

const globalId = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString("base64url");
const FENGQIAO_EXPERIENCE = globalId("Program", "枫桥经验");
const FENGQIAO_TOWN = globalId("Jurisdiction", "330681109");

describe("API for graph views", () => {
  it("neighborhood: a programme's reports at one step, the places that wrote them at two, edges named", async () => {
    const query = `query ($id: ID!, $depth: Int!, $first: Int!) {
      neighborhood(id: $id, depth: $depth, first: $first) { truncated center { label } nodes { id type label depth } edges { type source target sentence } } }`;
    const one = (await data(query, { id: FENGQIAO_EXPERIENCE, depth: 1, first: 100 })).neighborhood;
    expect(one.center.label).toBe("枫桥经验");
    expect(one.nodes.filter((n: any) => n.depth === 1).map((n: any) => n.type)).toEqual(Array(6).fill("Report"));
    expect(one.edges).toHaveLength(6);
    for (const e of one.edges) {
      expect(e).toMatchObject({ type: "MENTIONS", target: FENGQIAO_EXPERIENCE });
      expect(e.sentence).toContain("枫桥经验");
    }
    expect(one.truncated).toBe(false);

    const two = (await data(query, { id: FENGQIAO_EXPERIENCE, depth: 2, first: 300 })).neighborhood;
    const places = two.nodes.filter((n: any) => n.type === "Jurisdiction" && n.depth === 2).map((n: any) => n.label);
    // the five bodies whose reports mention it
    expect(places).toEqual(expect.arrayContaining(["枫桥镇", "翠苑街道", "文新街道", "湖塘镇", "西湖区"]));
    expect(two.edges.filter((e: any) => e.type === "ABOUT").length).toBe(6);
    const ids = new Set(two.nodes.map((n: any) => n.id));
    for (const e of two.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it("neighborhood: bounded by first, filtered by types, null for a missing entity, refuses a depth of 3", async () => {
    const small = (await data(`{ neighborhood(id: "${FENGQIAO_TOWN}", depth: 2, first: 5) { truncated nodes { type } } }`)).neighborhood;
    expect(small.nodes).toHaveLength(5);
    expect(small.truncated).toBe(true);
    const onlyPrograms = (await data(`{ neighborhood(id: "${FENGQIAO_TOWN}", depth: 2, types: [Report, Program], first: 100) { nodes { type depth } } }`)).neighborhood;
    expect(new Set(onlyPrograms.nodes.filter((n: any) => n.depth > 0).map((n: any) => n.type))).toEqual(new Set(["Report", "Program"]));
    expect(onlyPrograms.nodes.filter((n: any) => n.type === "Program")).toHaveLength(14);
    expect((await data(`{ neighborhood(id: "${globalId("Program", "没有这个项目")}") { truncated } }`)).neighborhood).toBeNull();
    const refused = await service.gql(`{ neighborhood(id: "${FENGQIAO_TOWN}", depth: 3) { truncated } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const tooMany = await service.gql(`{ neighborhood(id: "${FENGQIAO_TOWN}", first: 501) { truncated } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("programTimeline: place × year report counts at a level, earliest first, within a region", async () => {
    const query = `query ($level: Level!, $within: String) { programTimeline(name: "新时代枫桥经验", level: $level, within: $within, first: 50) {
      totalCount edges { node { jurisdiction { name } firstYear years { year reports } } } } }`;
    const rows = (d: any) => d.programTimeline.edges.map((e: any) => [e.node.jurisdiction.name, e.node.firstYear, e.node.years.map((y: any) => `${y.year}:${y.reports}`).join(" ")]);
    expect(rows(await data(query, { level: "DISTRICT" }))).toEqual([
      ["西湖区", 2022, "2022:2 2023:2"],
      ["诸暨市", 2022, "2022:1"],
      ["武进区", 2023, "2023:1"],
    ]);
    expect(rows(await data(query, { level: "TOWNSHIP", within: "330106" }))).toEqual([
      ["翠苑街道", 2022, "2022:1 2023:1"],
      ["文新街道", 2022, "2022:1"],
    ]);
  });

  it("evidence for each link: a place's programmes and advisers, and the reports that mention an entity", async () => {
    const { jurisdiction } = await data(`{ jurisdiction(code: "330681109") {
      programs(first: 50) { edges { node { program { name } evidence { sentence } } } }
      lawFirms { lawFirm { name } sentence }
      mentions(first: 5) { totalCount edges { node { evidence { sentence } } } } } }`);
    const fengqiao = jurisdiction.programs.edges.find((e: any) => e.node.program.name === "枫桥经验");
    expect(fengqiao.node.evidence.sentence).toContain("“枫桥经验”发源地");
    expect(jurisdiction.lawFirms[0]).toMatchObject({ lawFirm: { name: "浙江砺岩律师事务所" } });
    expect(jurisdiction.lawFirms[0].sentence).toContain("浙江砺岩律师事务所");
    expect(jurisdiction.mentions.totalCount).toBe(1);
    const { lawFirm } = await data(`{ lawFirm(name: "浙江澄衡律所") { mentions(first: 10) { totalCount edges { node { evidence { sentence } } } } } }`);
    expect(lawFirm.mentions.totalCount).toBe(3);
    for (const e of lawFirm.mentions.edges) expect(e.node.evidence[0].sentence).toContain("浙江澄衡律师事务所");
  });
});

describe("the explorer in a browser", () => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    page.on("pageerror", (error) => console.error("page error:", error));
  });

  async function expectCjkDrawn(selector: string, shot: string) {
    await page.screenshot({ path: join(SHOTS, `${shot}.png`) });
    const drawn = await cjkRendering(page, selector);
    expect(drawn.characters, drawn.text).toBeGreaterThanOrEqual(2);
    expect(drawn.inkPixels, `ink of ${selector}`).toBeGreaterThan(200);
    expect(drawn.distinctGlyphs, `distinct glyphs of ${drawn.text}`).toBe(drawn.characters);
  }

  it("serves the app at / with only its own files, and GraphiQL at /graphiql", async () => {
    const home = await service.get("/");
    expect(home.type).toContain("text/html");
    expect(home.body).toContain("/explorer/app.js");
    expect(home.body).not.toMatch(/https?:\/\//);
    expect((await service.get("/explorer/app.js")).status).toBe(200);
    expect((await service.get("/explorer/../package.json")).status).toBe(404);
    expect((await service.get("/graphiql")).body).toContain("GraphiQL");

    const requested: string[] = [];
    page.on("request", (request) => void requested.push(request.url()));
    await page.goto(`${origin}/`);
    await waitForView(page);
    expect(await page.$eval("h1", (e) => e.textContent)).toContain("法治政府建设年度报告");
    await expectCjkDrawn("h1", "home");
    expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"))).toEqual([]);
  });

  it("search → programme → its places in the graph → a place → its programme with the evidence → CSV of the rows shown", async () => {
    // search
    await page.goto(`${origin}/`);
    await waitForView(page);
    await page.type("#search", "枫桥");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.hash.startsWith("#/search"));
    await waitForView(page);
    const groups = await page.$$eval("[data-table^=search-]", (sections) => sections.map((s) => s.getAttribute("data-table")));
    expect(groups).toEqual(["search-Jurisdiction", "search-Program"]);
    await expectCjkDrawn("#results", "1-search");

    // open the programme
    await page.click("[data-table=search-Program] a[data-type=Program]");
    await page.waitForFunction(() => location.hash.startsWith("#/e/"));
    await waitForView(page);
    expect(await page.$eval("#entity-name", (e) => e.textContent)).toContain("枫桥经验");
    const graphPlaces: string[] = await page.evaluate(() =>
      (window as any).explorer.cy.nodes("[type = 'Jurisdiction']").map((n: any) => n.data("label")),
    );
    expect(graphPlaces).toEqual(expect.arrayContaining(["枫桥镇", "翠苑街道", "文新街道", "湖塘镇", "西湖区"]));
    await page.waitForSelector("#heatmap canvas");
    await expectCjkDrawn("#entity-name", "2-programme");

    // click 枫桥镇 in the graph, where it is drawn
    const point = await page.evaluate(() => {
      const cy = (window as any).explorer.cy;
      const node = cy.nodes().filter((n: any) => n.data("label") === "枫桥镇")[0];
      cy.center(node); // in view even when the ring is wide
      const box = cy.container().getBoundingClientRect();
      const at = node.renderedPosition();
      return { x: box.left + at.x, y: box.top + at.y };
    });
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction((id) => location.hash === `#/e/${id}`, {}, FENGQIAO_TOWN);
    await waitForView(page);
    expect(await page.$eval("#entity-name", (e) => e.textContent)).toContain("枫桥镇");

    // the place lists the programme, with the sentence and the programme marked in it
    const row = await page.$$eval("[data-table=programmes] tbody tr", (rows) =>
      rows.map((r) => ({ cells: [...r.querySelectorAll("td")].map((td) => td.textContent), marked: [...r.querySelectorAll("mark")].map((m) => m.textContent) })).find((r) => r.cells[0] === "枫桥经验"),
    );
    expect(row?.cells[2]).toContain("以“枫桥经验”发源地的责任担当推进法治政府建设");
    expect(row?.marked).toEqual(["枫桥经验"]);
    await expectCjkDrawn("[data-table=programmes]", "3-place");

    // the CSV holds exactly the rows shown
    const shown = await page.$$eval("[data-table=programmes] tbody tr", (rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    const before = new Set(readdirSync(downloads));
    await page.click("[data-table=programmes] button.csv");
    const file = await waitForDownload(downloads, before);
    const bytes = readFileSync(join(downloads, file));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file).toBe("枫桥镇-programmes.csv");
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe("programme,reports,evidence");
    expect(lines.slice(1).map(parseCsvLine)).toEqual(shown);
  });

  it("programme timeline and recurring programmes keep their filters in the URL", async () => {
    await page.goto(`${origin}/#/recurring?level=TOWNSHIP&within=330106&year=2022`);
    await waitForView(page);
    expect(await page.$eval("#filters [name=within]", (e) => (e as HTMLInputElement).value)).toBe("330106");
    const names = await page.$$eval("[data-table=recurring] tbody tr td:first-child", (cells) => cells.map((c) => c.textContent));
    expect(names).toContain("枫桥经验");
    const recurring = (await data(`{ recurringPrograms(level: TOWNSHIP, within: "330106", year: 2022, first: 100) { totalCount } }`)).recurringPrograms;
    expect(names).toHaveLength(recurring.totalCount);
    await expectCjkDrawn("[data-table=recurring]", "4-recurring");

    await page.goto(`${origin}/#/e/${FENGQIAO_EXPERIENCE}?level=TOWNSHIP`);
    await waitForView(page);
    await page.waitForSelector("[data-table=timeline] tbody tr");
    const timeline = await page.$$eval("[data-table=timeline] tbody tr", (rows) => rows.map((r) => [...r.querySelectorAll("td")].slice(0, 3).map((td) => td.textContent)));
    expect(timeline).toEqual([
      ["翠苑街道", "330106005", "2022"],
      ["文新街道", "330106013", "2022"],
      ["枫桥镇", "330681109", "2022"],
      ["湖塘镇", "320412100", "2023"],
    ]);

    await page.goto(`${origin}/#/e/${FENGQIAO_EXPERIENCE}?level=TOWNSHIP&within=330106`);
    await waitForView(page);
    await page.waitForSelector("[data-table=timeline] tbody tr");
    const within = await page.$$eval("[data-table=timeline] tbody tr td:first-child", (cells) => cells.map((c) => c.textContent));
    expect(within).toEqual(["翠苑街道", "文新街道"]);
    expect(await page.$eval("#within", (e) => (e as HTMLInputElement).value)).toBe("330106");
  });

  it("figures side by side: one chart per unit, never two units on one axis", async () => {
    await page.goto(`${origin}/#/figures?key=${encodeURIComponent("率")}`);
    await waitForView(page);
    const units = await page.$$eval("[data-unit]", (charts) => charts.map((c) => c.getAttribute("data-unit")));
    const tableUnits = await page.$$eval("[data-table=figures] tbody tr td:nth-child(5)", (cells) => cells.map((c) => c.textContent));
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units).size).toBe(units.length);
    expect(new Set(units)).toEqual(new Set(tableUnits));
    await page.waitForSelector("[data-unit] canvas");
    await expectCjkDrawn("[data-table=figures]", "5-figures");
  });

  it("search shows a place name without a division code, with its level, that it has no code, and the place whose report names it", async () => {
    // A sentence written for this test: 青溪湾社区 is no division, so the name stays unlinked.
    const text = "杭州市西湖区北山街道2023年法治政府建设年度报告\n2023年，街道在青溪湾社区等地开展普法宣传。\n";
    const db = openTestDatabase();
    try {
      await writeReports(db, [{ extraction: extractReport(text), source: null }]);
      const { search } = await data(`{ search(text: "青溪湾", types: [UnlinkedPlace]) { node { ... on UnlinkedPlace { name level candidateCodes within { name } } } } }`);
      expect(search.map((hit: any) => hit.node)).toEqual([{ name: "青溪湾社区", level: "COMMUNITY", candidateCodes: [], within: { name: "北山街道" } }]);

      await page.goto(`${origin}/#/search?q=${encodeURIComponent("青溪湾")}`);
      await waitForView(page);
      const groups = await page.$$eval("[data-table^=search-]", (sections) => sections.map((s) => s.getAttribute("data-table")));
      expect(groups).toContain("search-UnlinkedPlace");
      const rows = await page.$$eval("[data-table=search-UnlinkedPlace] tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
      expect(rows).toEqual([["青溪湾社区", "no division code 无区划代码 · community 村社区 · named in a report of 北山街道"]]);
      // no page of its own to link to; the place whose report names it is a link
      expect(await page.$$eval("[data-table=search-UnlinkedPlace] a", (links) => links.map((a) => a.textContent))).toEqual(["北山街道"]);
      await expectCjkDrawn("[data-table=search-UnlinkedPlace]", "6-search-unlinked");
    } finally {
      await deleteReport(db, extractReport(text).textHash);
      await db.close();
    }
  });
});

async function waitForDownload(dir: string, before: Set<string>): Promise<string> {
  // A generous bound: a loaded machine may take seconds to write a small file.
  for (let i = 0; i < 600; i++) {
    const done = readdirSync(dir).filter((f) => !before.has(f) && !f.endsWith(".crdownload"));
    if (done.length) return done[0]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no download within 60 s");
}

/** One CSV record (the test's own reading, independent of the app's writer). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") cells.push(cell), (cell = "");
    else cell += c;
  }
  cells.push(cell);
  return cells;
}
