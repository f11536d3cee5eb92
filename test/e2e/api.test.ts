// The GraphQL API end to end: the built `kg serve` over HTTP, on a real Neo4j holding the
// example reports (ingested here: kg serve loads them only into the embedded graph).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { extractReport } from "../../src/extract/index.js";
import { deleteReport } from "../../src/graph/delete.js";
import { writeReports } from "../../src/graph/writer.js";
import { openTestDatabase } from "../support/db.js";
import { emptyTestGraph, loadExamplesIntoEmptyGraph } from "../support/examples.js";
import { startProxy, type CuttableProxy } from "../support/proxy.js";
import { startService, type RunningService } from "../support/api.js";

const KEY = "test-key";
let service: RunningService;
let proxy: CuttableProxy;

beforeAll(async () => {
  await loadExamplesIntoEmptyGraph();
  // The service reaches Neo4j through a relay the tests can cut.
  proxy = await startProxy(inject("neo4jUri"));
  service = await startService({ NEO4J_URI: proxy.uri, KG_API_KEY: KEY, KG_PAGE_DEFAULT: "20", KG_PAGE_MAX: "100" });
});

afterAll(async () => {
  await service?.stop();
  await proxy?.close();
  await emptyTestGraph();
});

/** The data of a query that must succeed. */
async function data(query: string, variables?: Record<string, unknown>) {
  const response = await service.gql(query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

async function errorCode(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const response = await service.gql(query, variables, headers);
  return response.errors?.map((e) => e.extensions?.code);
}

const names = (list: { name: string }[]) => list.map((x) => x.name);

describe("analyst questions on the examples", () => {
  it("recurringPrograms: programmes in two or more districts, with places and years", async () => {
    const { recurringPrograms } = await data(`{
      recurringPrograms(level: DISTRICT, minJurisdictions: 2, first: 50) {
        totalCount
        edges { node { program { name } jurisdictionCount jurisdictions { code } firstYear lastYear evidence { sentence } } }
      }
    }`);
    const rows = recurringPrograms.edges.map((e: any) => e.node);
    const inAllThree = rows.filter((r: any) => r.jurisdictionCount === 3).map((r: any) => r.program.name).sort();
    // 民主法治示范村 and 民主法治示范社区 are two programmes: neither is in all three districts
    expect(inAllThree).toEqual(["12345热线", "八五普法", "枫桥经验", "法律明白人", "行政执法三项制度", "谁执法谁普法"].sort());
    const byName = Object.fromEntries(rows.map((r: any) => [r.program.name, r]));
    expect(byName["一网通办"]).toMatchObject({ jurisdictionCount: 2, jurisdictions: [{ code: "320412" }, { code: "330106" }], firstYear: 2022, lastYear: 2023 });
    expect(byName["最多跑一次"]).toMatchObject({ jurisdictionCount: 2, jurisdictions: [{ code: "330106" }, { code: "330681" }] });
    expect(byName["枫桥经验"].evidence).toHaveLength(3);
    expect(byName["枫桥经验"].evidence.every((e: any) => e.sentence.includes("枫桥经验"))).toBe(true);
    expect(recurringPrograms.totalCount).toBe(rows.length);
    expect(rows.every((r: any) => r.jurisdictionCount >= 2)).toBe(true);
  });

  it("recurringPrograms reads a page and its total in one statement, the same as each alone", async () => {
    const args = `level: TOWNSHIP, minJurisdictions: 1, within: "33", first: 2`;
    const both = await service.gql(`{ recurringPrograms(${args}) { totalCount edges { cursor node { program { name } jurisdictionCount firstYear lastYear } } } }`);
    expect(both.extensions!.cypherRoundTrips).toBe(1);
    const page = await data(`{ recurringPrograms(${args}) { edges { cursor node { program { name } jurisdictionCount firstYear lastYear } } } }`);
    const total = await data(`{ recurringPrograms(${args}) { totalCount } }`);
    expect(both.data!.recurringPrograms.edges).toEqual(page.recurringPrograms.edges);
    expect(both.data!.recurringPrograms.totalCount).toBe(total.recurringPrograms.totalCount);
    expect(total.recurringPrograms.totalCount).toBeGreaterThan(2);
  });

  it("recurringPrograms rolls up by level and filters by region and year", async () => {
    const { zhejiang, y2023, townships } = await data(`{
      zhejiang: recurringPrograms(level: DISTRICT, minJurisdictions: 2, within: "33", first: 50) { edges { node { program { name } jurisdictions { code } } } }
      y2023: recurringPrograms(level: DISTRICT, minJurisdictions: 2, year: 2023, first: 50) { edges { node { program { name } jurisdictionCount } } }
      townships: recurringPrograms(level: TOWNSHIP, minJurisdictions: 4, first: 50) { edges { node { program { name } jurisdictionCount } } }
    }`);
    for (const e of zhejiang.edges) expect(e.node.jurisdictions.every((j: any) => j.code.startsWith("33"))).toBe(true);
    expect(zhejiang.edges.map((e: any) => e.node.program.name)).not.toContain("一网通办"); // Jiangsu + one Zhejiang district only
    // 2023 reports: 翠苑街道 and 西湖区 (both 西湖区) and 湖塘镇 (武进区)
    expect(y2023.edges.every((e: any) => e.node.jurisdictionCount === 2)).toBe(true);
    // Four townships wrote reports: 翠苑, 文新, 枫桥, 湖塘
    expect(townships.edges.map((e: any) => e.node.jurisdictionCount)).toEqual(townships.edges.map(() => 4));
    expect(townships.edges.map((e: any) => e.node.program.name)).toContain("枫桥经验");
  });

  it("jurisdiction: a street with its parents, reports, programmes, firms and communities", async () => {
    const { jurisdiction } = await data(`{
      jurisdiction(code: "330106005") {
        name level code
        parent { name }
        ancestors { name level }
        reports { totalCount edges { node { year publishedAt } } }
        programs(first: 100) { totalCount edges { node { program { name } reports } } }
        lawFirms { lawFirm { name } year }
        communities(first: 100) { totalCount edges { node { name code level } } }
        metrics(key: "出庭应诉率") { edges { node { value unit year } } }
      }
    }`);
    expect(jurisdiction).toMatchObject({ name: "翠苑街道", level: "TOWNSHIP", code: "330106005", parent: { name: "西湖区" } });
    expect(jurisdiction.ancestors).toEqual([
      { name: "浙江省", level: "PROVINCE" },
      { name: "杭州市", level: "CITY" },
      { name: "西湖区", level: "DISTRICT" },
    ]);
    expect(jurisdiction.reports).toEqual({ totalCount: 2, edges: [{ node: { year: 2023, publishedAt: "2024-02-05" } }, { node: { year: 2022, publishedAt: "2023-02-16" } }] });
    const programs = Object.fromEntries(jurisdiction.programs.edges.map((e: any) => [e.node.program.name, e.node.reports]));
    expect(programs["枫桥经验"]).toBe(2);
    expect(jurisdiction.lawFirms).toEqual([
      { lawFirm: { name: "浙江澄衡律师事务所" }, year: 2022 },
      { lawFirm: { name: "浙江澄衡律师事务所" }, year: 2023 },
    ]);
    const communities = jurisdiction.communities.edges.map((e: any) => e.node);
    expect(communities.every((c: any) => c.level === "COMMUNITY" && c.code.startsWith("330106005"))).toBe(true);
    expect(names(communities)).toEqual(expect.arrayContaining(["宋江苑社区", "塘苗社区", "保亭社区", "九莲社区"]));
    expect(jurisdiction.metrics.edges.map((e: any) => e.node)).toEqual([
      { value: 100, unit: "%", year: 2022 },
      { value: 100, unit: "%", year: 2023 },
    ]);
  });

  it("jurisdiction by name, and a district counting its streets' reports", async () => {
    const { jurisdiction } = await data(`{ jurisdiction(name: "西湖区") { code children(first: 10) { totalCount } reports { totalCount } } }`);
    expect(jurisdiction).toEqual({ code: "330106", children: { totalCount: 5 }, reports: { totalCount: 4 } });
  });

  it("program: found by any alias, with its places at a level and its evidence", async () => {
    const { program } = await data(`{
      program(name: "新时代“枫桥经验”") {
        name
        districts: jurisdictions(level: DISTRICT) { totalCount edges { node { jurisdiction { code } reports firstYear lastYear } } }
        inWestLake: jurisdictions(level: TOWNSHIP, within: "330106") { edges { node { jurisdiction { name } } } }
        reports { totalCount }
        mentions(first: 10) { totalCount edges { node { report { reportId } count evidence { sentence start end } } } }
      }
    }`);
    expect(program.name).toBe("枫桥经验");
    expect(program.districts.totalCount).toBe(3);
    expect(program.districts.edges.map((e: any) => e.node)).toEqual([
      { jurisdiction: { code: "320412" }, reports: 1, firstYear: 2023, lastYear: 2023 },
      { jurisdiction: { code: "330106" }, reports: 4, firstYear: 2022, lastYear: 2023 },
      { jurisdiction: { code: "330681" }, reports: 1, firstYear: 2022, lastYear: 2022 },
    ]);
    expect(names(program.inWestLake.edges.map((e: any) => e.node.jurisdiction)).sort()).toEqual(["文新街道", "翠苑街道"].sort());
    expect(program.reports.totalCount).toBe(6);
    // Offsets point into the report text as published.
    const texts = new Map<string, string>();
    const { reports } = await data(`{ reports(first: 10) { edges { node { reportId title } } } }`);
    for (const file of ["2022-xihu-cuiyuan", "2022-xihu-wenxin", "2022-zhuji-fengqiao", "2023-wujin-hutang", "2023-xihu-cuiyuan", "2023-xihu-quzhengfu"]) {
      const text = readFileSync(`examples/reports/${file}.txt`, "utf8");
      const report = reports.edges.find((e: any) => text.includes(e.node.title));
      texts.set(report.node.reportId, text);
    }
    for (const edge of program.mentions.edges) {
      const text = texts.get(edge.node.report.reportId)!;
      for (const ev of edge.node.evidence) {
        expect(text.slice(ev.start, ev.end).replace(/[“”"]/g, "")).toMatch(/枫桥经验/);
        expect(ev.sentence).toContain(text.slice(ev.start, ev.end));
      }
    }
  });

  it("lawFirm and lawFirms: whom a firm advises, its lawyers, its reports", async () => {
    const { lawFirm, lawFirms } = await data(`{
      lawFirm(name: "浙江澄衡律所") { name lawyers { name role lawFirm { name } } advises { jurisdiction { name } year } reports { totalCount } }
      lawFirms(within: "330106") { totalCount edges { node { name } } }
    }`);
    expect(lawFirm.name).toBe("浙江澄衡律师事务所");
    expect(lawFirm.lawyers.map((l: any) => [l.name, l.role, l.lawFirm.name])).toEqual([
      ["林晓蕾", "lawyer", "浙江澄衡律师事务所"],
      ["陈思远", "lawyer", "浙江澄衡律师事务所"],
    ]);
    expect(lawFirm.advises).toEqual([
      { jurisdiction: { name: "翠苑街道" }, year: 2022 },
      { jurisdiction: { name: "翠苑街道" }, year: 2023 },
      { jurisdiction: { name: "文新街道" }, year: 2022 },
    ]);
    expect(lawFirm.reports.totalCount).toBe(3);
    expect(lawFirms).toEqual({ totalCount: 1, edges: [{ node: { name: "浙江澄衡律师事务所" } }] });
  });

  it("metrics and compareMetrics: figures side by side with unit, qualifier and sentence", async () => {
    const { metrics, compareMetrics } = await data(`{
      metrics(key: "出庭应诉率", first: 50) { totalCount edges { node { key value unit qualifier year sentence jurisdiction { code } report { year } } } }
      compareMetrics(key: "出庭应诉率", jurisdictions: ["330106005", "330681109"], years: [2022, 2023]) {
        jurisdiction { name } year metrics { value unit qualifier }
      }
    }`);
    expect(metrics.totalCount).toBeGreaterThanOrEqual(6);
    for (const { node } of metrics.edges) {
      expect(node.key).toContain("出庭应诉率");
      expect(node.sentence).toContain("出庭应诉率");
      expect(node.report.year).toBe(node.year);
    }
    expect(compareMetrics).toEqual([
      { jurisdiction: { name: "翠苑街道" }, year: 2022, metrics: [{ value: 100, unit: "%", qualifier: "exact" }] },
      { jurisdiction: { name: "翠苑街道" }, year: 2023, metrics: [{ value: 100, unit: "%", qualifier: "exact" }] },
      { jurisdiction: { name: "枫桥镇" }, year: 2022, metrics: [{ value: 100, unit: "%", qualifier: "exact" }] },
      { jurisdiction: { name: "枫桥镇" }, year: 2023, metrics: [] },
    ]);
  });

  it("compareMetrics by kind: 法律咨询 of a district rolls up its streets, one base unit per row", async () => {
    const { compareMetrics } = await data(`{
      compareMetrics(kind: "legal-consultations", jurisdictions: ["330106", "330681109"], years: [2022, 2023]) {
        jurisdiction { name } year baseUnit measure mixedUnits total withinTotal
        metrics { value unit baseValue kind { id } }
        within { jurisdiction { name } total inTotal metrics { unit } }
      }
    }`);
    expect(compareMetrics).toEqual([
      {
        jurisdiction: { name: "西湖区" }, year: 2022, baseUnit: "件", measure: "count", mixedUnits: false, total: null, withinTotal: 601, metrics: [],
        within: [
          { jurisdiction: { name: "翠苑街道" }, total: 386, inTotal: true, metrics: [{ unit: "件" }] },
          { jurisdiction: { name: "文新街道" }, total: 215, inTotal: true, metrics: [{ unit: "件" }] },
        ],
      },
      // the district states 1.86 万人次 itself, a street counts 件: two rows, never one sum
      {
        jurisdiction: { name: "西湖区" }, year: 2023, baseUnit: "人次", measure: "count", mixedUnits: true, total: 18600, withinTotal: null,
        metrics: [{ value: 1.86, unit: "万人次", baseValue: 18600, kind: { id: "legal-consultations" } }],
        within: [],
      },
      {
        jurisdiction: { name: "西湖区" }, year: 2023, baseUnit: "件", measure: "count", mixedUnits: true, total: null, withinTotal: 412, metrics: [],
        within: [{ jurisdiction: { name: "翠苑街道" }, total: 412, inTotal: true, metrics: [{ unit: "件" }] }],
      },
      {
        jurisdiction: { name: "枫桥镇" }, year: 2022, baseUnit: "件", measure: "count", mixedUnits: false, total: 265, withinTotal: null,
        metrics: [{ value: 265, unit: "件", baseValue: 265, kind: { id: "legal-consultations" } }],
        within: [],
      },
      { jurisdiction: { name: "枫桥镇" }, year: 2023, baseUnit: null, measure: null, mixedUnits: false, total: null, withinTotal: null, metrics: [], within: [] },
    ]);
    // a key phrase that is a kind's signal compares by that kind
    const { byKey, metricKinds } = await data(`{
      byKey: compareMetrics(key: "法律咨询", jurisdictions: ["330681109"], years: [2022]) { baseUnit total }
      metricKinds { id measure }
    }`);
    expect(byKey).toEqual([{ baseUnit: "件", total: 265 }]);
    // a place named twice counts once; within: false leaves the district's streets out; an unknown code is NOT_FOUND
    const { twice, ownOnly } = await data(`{
      twice: compareMetrics(kind: "legal-consultations", jurisdictions: ["330681109", "330681109"], years: [2022]) { total }
      ownOnly: compareMetrics(kind: "legal-consultations", jurisdictions: ["330106"], years: [2022], within: false) { total withinTotal within { total } }
    }`);
    expect(twice).toEqual([{ total: 265 }]);
    expect(ownOnly).toEqual([{ total: null, withinTotal: null, within: [] }]);
    expect(await errorCode(`{ compareMetrics(kind: "legal-consultations", jurisdictions: ["330106", "330199"]) { total } }`)).toEqual(["NOT_FOUND"]);
    expect(metricKinds).toEqual(expect.arrayContaining([{ id: "legal-consultations", measure: "count" }, { id: "court-appearance-rate", measure: "rate" }]));
  });

  it("search ranks entities by name and alias; sharedPrograms intersects two places", async () => {
    const { search, programsOnly, sharedPrograms } = await data(`{
      search(text: "枫桥") { node { __typename ... on Program { name } ... on Jurisdiction { name } } }
      programsOnly: search(text: "普法", types: [Program]) { node { __typename ... on Program { name } } }
      sharedPrograms(a: "330106005", b: "枫桥镇") { name }
    }`);
    expect(search.map((h: any) => [h.node.__typename, h.node.name])).toEqual(
      expect.arrayContaining([["Jurisdiction", "枫桥镇"], ["Program", "枫桥经验"]]),
    );
    expect(programsOnly.every((h: any) => h.node.__typename === "Program")).toBe(true);
    expect(programsOnly.map((h: any) => h.node.name)).toEqual(expect.arrayContaining(["八五普法", "谁执法谁普法"]));
    expect(names(sharedPrograms)).toEqual(expect.arrayContaining(["枫桥经验", "八五普法", "最多跑一次", "法律明白人"]));
    expect(names(sharedPrograms)).not.toContain("一网通办");
  });

  it("search reads its hits' entities in the same statement, as node(id) reads them", async () => {
    const fields = `__typename id ... on Jurisdiction { code name level } ... on Program { name aliases category } ... on LawFirm { name } ... on Law { name aliases } ... on Person { name role }`;
    const response = await service.gql(`{ search(text: "浙江 枫桥 律师事务所 宪法 林晓蕾", first: 20) { score node { ${fields} } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.extensions!.cypherRoundTrips).toBe(1);
    const hits = response.data!.search.map((h: any) => h.node);
    expect(new Set(hits.map((n: any) => n.__typename)).size).toBeGreaterThanOrEqual(4);
    const again = await service.gql(`{ ${hits.map((n: any, i: number) => `n${i}: node(id: "${n.id}") { ${fields} }`).join(" ")} }`);
    expect(hits).toEqual(hits.map((_: unknown, i: number) => again.data![`n${i}`]));
  });

  it("search accepts the short forms the lookups accept: 律所, quotes, 《》", async () => {
    const { short, bare, law } = await data(`{
      short: search(text: "澄衡律所") { node { ... on LawFirm { name } } }
      bare: search(text: "律所", types: [LawFirm]) { node { ... on LawFirm { name } } }
      law: search(text: "《民法典》", types: [Law]) { node { ... on Law { name } } }
    }`);
    expect(short[0]?.node.name).toBe("浙江澄衡律师事务所");
    expect(names(bare.map((h: any) => h.node))).toEqual(expect.arrayContaining(["浙江澄衡律师事务所", "浙江砺岩律师事务所"]));
    expect(law[0]?.node.name).toBe("民法典");
  });

  it("refuses COMMUNITY where reports are counted by level, and accepts it in jurisdictions", async () => {
    const response = await service.gql(`{
      recurringPrograms(level: COMMUNITY) { totalCount }
      program(name: "枫桥经验") { name jurisdictions(level: COMMUNITY) { totalCount } }
      jurisdictions(level: COMMUNITY, first: 1) { totalCount }
    }`);
    expect(response.data).toMatchObject({ recurringPrograms: null, program: { name: "枫桥经验", jurisdictions: null }, jurisdictions: { totalCount: expect.any(Number) } });
    expect(response.data!.jurisdictions.totalCount).toBeGreaterThan(0);
    expect(response.errors?.map((e: any) => [e.path.join("."), e.extensions?.code])).toEqual(
      expect.arrayContaining([
        ["recurringPrograms", "BAD_USER_INPUT"],
        ["program.jurisdictions", "BAD_USER_INPUT"],
      ]),
    );
    expect(response.errors![0]!.message).toMatch(/^level: reports are counted by TOWNSHIP, DISTRICT, CITY or PROVINCE/);
  });

  it("node(id) returns every entity type from its global ID", async () => {
    const { jurisdiction, program, lawFirm, law, reports } = await data(`{
      jurisdiction(code: "330681109") { id }
      program(name: "八五普法") { id }
      lawFirm(name: "浙江澄衡律师事务所") { id lawyers { id } }
      law(name: "中华人民共和国行政复议法") { id name }
      reports(first: 1) { edges { node { id metrics { id } } } }
    }`);
    expect(law.name).toBe("行政复议法");
    const ids = [jurisdiction.id, program.id, lawFirm.id, lawFirm.lawyers[0].id, law.id, reports.edges[0].node.id, reports.edges[0].node.metrics[0].id];
    const types: string[] = [];
    for (const id of ids) {
      const { node } = await data(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(node.id).toBe(id);
      types.push(node.__typename);
    }
    expect(types).toEqual(["Jurisdiction", "Program", "LawFirm", "Person", "Law", "Report", "Metric"]);
  });

  it("reports filter by year, subject and region", async () => {
    const { y2022, subject, jiangsu } = await data(`{
      y2022: reports(year: 2022) { totalCount }
      subject: reports(subject: "330106") { totalCount edges { node { subject { name } } } }
      jiangsu: reports(within: "32") { totalCount edges { node { subject { name } } } }
    }`);
    expect(y2022.totalCount).toBe(3);
    expect(subject).toEqual({ totalCount: 1, edges: [{ node: { subject: { name: "西湖区" } } }] });
    expect(jiangsu).toEqual({ totalCount: 1, edges: [{ node: { subject: { name: "湖塘镇" } } }] });
  });
});

describe("paging", () => {
  it("walks a list to its end without gaps or repeats", async () => {
    const { jurisdiction } = await data(`{ jurisdiction(code: "33") { communities(first: 100) { totalCount edges { node { code } } } } }`);
    const all = jurisdiction.communities.edges.map((e: any) => e.node.code);
    expect(all.length).toBe(jurisdiction.communities.totalCount);
    expect(all.length).toBeGreaterThan(10);
    const walked: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const { jurisdiction: j } = await data(
        `query($after: String) { jurisdiction(code: "33") { communities(first: 7, after: $after) { edges { node { code } } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      walked.push(...j.communities.edges.map((e: any) => e.node.code));
      if (!j.communities.pageInfo.hasNextPage) break;
      after = j.communities.pageInfo.endCursor;
    }
    expect(walked).toEqual(all);
    expect(new Set(walked).size).toBe(walked.length);
  });

  it("batches related lookups: 40+ places with parents and programmes in a handful of round trips", async () => {
    const response = await service.gql(`{
      jurisdictions(first: 50) {
        totalCount
        edges { node { name parent { name parent { name } } programs(first: 5) { edges { node { program { name } } } } } }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const places = response.data!.jurisdictions.edges.map((e: any) => e.node);
    expect(places.length).toBe(Math.min(50, response.data!.jurisdictions.totalCount));
    expect(places.length).toBeGreaterThanOrEqual(40);
    expect(places.filter((p: any) => p.programs.edges.length > 0).length).toBeGreaterThanOrEqual(10);
    // One for the list, one per division level for the programmes (each level has its own
    // roll-up index), and one per generation of parents: not one per place.
    expect(response.extensions!.cypherRoundTrips).toBeLessThanOrEqual(9);
  });

  it("reads a lookup and the nested lists it is asked for in one statement, the same answer as through the loaders", async () => {
    const placeFields = `name parent { name } ancestors { code }
      first: programs(first: 2) { edges { cursor node { program { name } reports } } pageInfo { hasNextPage } }
      ...more lawFirms { lawFirm { name } year reportId sentence }`;
    const more = `fragment more on Jurisdiction { second: programs(first: 5, after: null) { edges { node { program { name } } } } skipped: ancestors @skip(if: true) { code } }`;
    const programFields = `name
      jurisdictions(level: TOWNSHIP, within: "33", first: 3) { edges { cursor node { jurisdiction { code } reports firstYear lastYear } } }
      districts: jurisdictions(first: 2) { edges { node { jurisdiction { code } } } }
      reports(first: 3) { edges { cursor node { reportId year } } }
      recent: reports(first: 2, year: 2023) { edges { node { reportId } } }`;
    const firmFields = `name lawyers { name role } advises { jurisdiction { code name } year reportId sentence }`;
    const cases = [
      { lookup: `jurisdiction(code: "330106005") { id ${placeFields} }`, type: "Jurisdiction", fields: placeFields, fragments: more },
      { lookup: `program(name: "“枫桥经验”") { id ${programFields} }`, type: "Program", fields: programFields, fragments: "" },
      { lookup: `lawFirm(name: "浙江澄衡律所") { id ${firmFields} }`, type: "LawFirm", fields: firmFields, fragments: "" },
    ];
    for (const { lookup, type, fields, fragments } of cases) {
      const direct = await service.gql(`{ x: ${lookup} } ${fragments}`);
      expect(direct.errors, lookup).toBeUndefined();
      expect(direct.extensions!.cypherRoundTrips, lookup).toBe(1);
      // node(id) resolves the same fields through the loaders, a statement per list.
      const viaLoaders = await service.gql(`{ x: node(id: "${direct.data!.x.id}") { id ... on ${type} { ${fields} } } } ${fragments}`);
      expect(viaLoaders.extensions!.cypherRoundTrips, lookup).toBeGreaterThan(1);
      expect(direct.data, lookup).toEqual(viaLoaders.data);
    }
    const answer = (await service.gql(`{ ${cases[0]!.lookup} } ${more}`)).data!.jurisdiction;
    expect(answer.first.edges.length).toBe(2);
    expect(answer.second.edges.length).toBeGreaterThan(2);
    expect(answer.skipped).toBeUndefined();
    expect(answer.lawFirms.length).toBeGreaterThan(0);
  });
});

describe("errors", () => {
  it("gives BAD_USER_INPUT for bad arguments and NOT_FOUND for unknown names", async () => {
    expect(await errorCode(`{ jurisdiction(code: "12ab") { name } }`)).toEqual(["BAD_USER_INPUT"]);
    expect(await errorCode(`{ jurisdiction { name } }`)).toEqual(["BAD_USER_INPUT"]);
    expect(await errorCode(`{ reports(first: 1000) { totalCount } }`)).toEqual(["BAD_USER_INPUT"]);
    expect(await errorCode(`{ reports(after: "nonsense") { totalCount } }`)).toEqual(["BAD_USER_INPUT"]);
    expect(await errorCode(`{ node(id: "garbage") { id } }`)).toEqual(["BAD_USER_INPUT"]);
    expect(await errorCode(`{ jurisdiction(code: "999999") { name } }`)).toEqual(["NOT_FOUND"]);
    expect(await errorCode(`{ program(name: "不存在的工程") { name } }`)).toEqual(["NOT_FOUND"]);
    expect(await errorCode(`{ lawFirm(name: "无名律师事务所") { name } }`)).toEqual(["NOT_FOUND"]);
  });

  it("answers the rest when one lookup misses: null plus NOT_FOUND with its path", async () => {
    const response = await service.gql(`{
      here: jurisdiction(code: "330106013") { name }
      missing: program(name: "不存在的工程") { name }
      firm: lawFirm(name: "无名律师事务所") { name }
      law(name: "不存在的法") { name }
      reports(first: 1) { totalCount }
    }`);
    expect(response.data).toMatchObject({ here: { name: "文新街道" }, missing: null, firm: null, law: null, reports: { totalCount: expect.any(Number) } });
    // Root fields resolve concurrently, so their errors come in any order.
    expect(response.errors?.map((e: any) => [e.path, e.extensions?.code])).toEqual(
      expect.arrayContaining([
        [["missing"], "NOT_FOUND"],
        [["firm"], "NOT_FOUND"],
        [["law"], "NOT_FOUND"],
      ]),
    );
    expect(response.errors).toHaveLength(3);
  });

  it("fails only the field whose cursor is bad", async () => {
    const response = await service.gql(`{
      good: reports(first: 1) { totalCount }
      bad: reports(after: "nonsense") { totalCount }
      place: jurisdiction(code: "330106") { name reports(after: "nonsense") { totalCount } }
    }`);
    expect(response.data).toMatchObject({ good: { totalCount: expect.any(Number) }, bad: null, place: { name: "西湖区", reports: null } });
    expect(response.errors?.map((e: any) => [e.path, e.extensions?.code])).toEqual(
      expect.arrayContaining([
        [["bad"], "BAD_USER_INPUT"],
        [["place", "reports"], "BAD_USER_INPUT"],
      ]),
    );
    expect(response.errors).toHaveLength(2);
  });

  it("refuses a too-deep or too-costly query before touching the database", async () => {
    const deep = await service.gql(`{ jurisdiction(code: "33") { children { edges { node { children { edges { node { children { edges { node { children { edges { node { name } } } } } } } } } } } } } }`);
    expect(deep.errors?.[0]?.message).toMatch(/levels deep; the limit is 12/);
    expect(deep.data).toBeUndefined();
    const costly = await service.gql(`{ reports(first: 100) { edges { node { subject { children(first: 100) { edges { node { children(first: 100) { totalCount } } } } } } } } }`);
    expect(costly.errors?.[0]?.message).toMatch(/the limit is 20000/);
    expect(costly.extensions?.cypherRoundTrips ?? 0).toBe(0);
  });

  it("refuses mutations without the API key, and accepts them with it", async () => {
    const text = readFileSync("examples/reports/2022-xihu-wenxin.txt", "utf8") + "\n附:街道全年开展“法润万家”主题普法活动36场。\n";
    const ingest = `mutation($text: String!) { ingestReport(text: $text, source: "api-test") { status report { reportId year programs { name } } } }`;
    expect(await errorCode(ingest, { text })).toEqual(["UNAUTHENTICATED"]);
    expect(await errorCode(ingest, { text }, { authorization: "Bearer wrong" })).toEqual(["UNAUTHENTICATED"]);

    const auth = { authorization: `Bearer ${KEY}` };
    const first = await service.gql(ingest, { text }, auth);
    expect(first.errors).toBeUndefined();
    expect(first.data!.ingestReport.status).toBe("new");
    expect(first.data!.ingestReport.report.year).toBe(2022);
    expect(names(first.data!.ingestReport.report.programs)).toContain("法润万家");
    const again = await service.gql(ingest, { text }, auth);
    expect(again.data!.ingestReport.status).toBe("unchanged");

    const id = first.data!.ingestReport.report.reportId;
    const del = `mutation($id: ID!) { deleteReport(id: $id) }`;
    expect(await errorCode(del, { id })).toEqual(["UNAUTHENTICATED"]);
    expect((await service.gql(del, { id }, auth)).data).toEqual({ deleteReport: true });
    expect((await service.gql(del, { id }, auth)).data).toEqual({ deleteReport: false });
    expect(await errorCode(`{ program(name: "法润万家") { name } }`)).toEqual(["NOT_FOUND"]);
  });
});

describe("where reports came from", () => {
  it("shows each report's source, and its text around an evidence sentence, a page at a time", async () => {
    const { reports } = await data(`{ reports(subject: "330681109", first: 5) { edges { node { reportId textLength source { path url format encoding title }
      metrics { key start end sentence } } } } }`);
    const report = reports.edges[0].node;
    expect(report.source).toEqual({ path: expect.stringMatching(/examples\/reports\/2022-zhuji-fengqiao\.txt$/), url: null, format: "TEXT", encoding: "utf-8", title: null });
    const metric = report.metrics.find((m: any) => m.key.includes("调处"));
    const around = `query($id: ID!, $offset: Int!, $length: Int!) { node(id: $id) { ... on Report { text(offset: $offset, length: $length) { offset text totalLength hasMore } } } }`;
    const id = (await data(`{ reports(subject: "330681109", first: 1) { edges { node { id } } } }`)).reports.edges[0].node.id;
    const { node } = await data(around, { id, offset: metric.start, length: metric.end - metric.start });
    const original = readFileSync("examples/reports/2022-zhuji-fengqiao.txt", "utf8");
    expect(node.text).toEqual({ offset: metric.start, text: original.slice(metric.start, metric.end), totalLength: report.textLength, hasMore: true });
    expect(metric.sentence).toContain(node.text.text);
    const last = await data(around, { id, offset: report.textLength - 10, length: 100 });
    expect(last.node.text).toMatchObject({ text: original.slice(report.textLength - 10, report.textLength), hasMore: false });
    expect(await errorCode(around, { id, offset: 0, length: 20_001 })).toEqual(["BAD_USER_INPUT"]);
    expect(await errorCode(around, { id, offset: -1, length: 10 })).toEqual(["BAD_USER_INPUT"]);
  });

  it("ingestReport takes a file as base64 with its name, keeps its source, and refuses bad files in one line", async () => {
    const auth = { authorization: `Bearer ${KEY}` };
    const ingest = `mutation($content: String, $filename: String, $text: String, $url: String) {
      ingestReport(content: $content, filename: $filename, text: $text, sourceUrl: $url) {
        status report { reportId subject { code } source { path url format encoding title publishedAt canonicalUrl } text(length: 23) { text } } } }`;
    const page = readFileSync("test/fixtures/formats/fengqiao-gbk.html").toString("base64");
    const url = "https://www.zhuji.gov.cn/art/2023/1/13/art_1229_3999.html";
    const first = await service.gql(ingest, { content: page, filename: "fengqiao.html", url }, auth);
    expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
    const written = first.data!.ingestReport;
    expect(written.status).toBe("new");
    expect(written.report).toMatchObject({
      subject: { code: "330681109" },
      source: { path: "fengqiao.html", url, format: "HTML", encoding: "gb18030", title: "诸暨市枫桥镇2022年法治政府建设年度报告", publishedAt: "2023-01-13", canonicalUrl: url },
      text: { text: "诸暨市枫桥镇2022年法治政府建设年度报告\n\n" },
    });
    expect((await service.gql(`mutation($id: ID!) { deleteReport(id: $id) }`, { id: written.report.reportId }, auth)).data).toEqual({ deleteReport: true });

    const refused = async (variables: Record<string, unknown>) => {
      const response = await service.gql(ingest, variables, auth);
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
      return response.errors![0]!.message;
    };
    const scanned = readFileSync("test/fixtures/formats/scanned.pdf").toString("base64");
    expect(await refused({ content: scanned, filename: "scan.pdf" })).toMatch(/^scan\.pdf: a scanned PDF without a text layer/);
    expect(await refused({ content: "not base64!", filename: "a.txt" })).toBe("content: not base64");
    expect(await refused({ content: page })).toMatch(/^filename: needed with content/);
    expect(await refused({ content: page, filename: "a.html", text: "报告" })).toMatch(/not both/);
    expect(await refused({ content: page, filename: "a.html", url: "ftp://example.org/a" })).toMatch(/^sourceUrl: expected an http\(s\) URL/);
  });
});

describe("the answer cache", () => {
  /** Asks `query` until `done` holds for the answer; the bound only turns a hang into a message. */
  async function askUntil(query: string, done: (answer: Awaited<ReturnType<typeof service.gql>>) => boolean, what: string) {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const answer = await service.gql(query);
      if (done(answer)) return answer;
      if (Date.now() > deadline) throw new Error(`waited 120 s for ${what}; last answer: ${JSON.stringify(answer).slice(0, 300)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it("replays an answer until the graph changes, also when another process changes it", async () => {
    // Asked nowhere else (the alias makes the body unique), so the first answer cannot come from the cache.
    const query = `{ cacheProbe: reports(year: 2023) { totalCount } }`;
    const first = await service.gql(query);
    expect(first.extensions?.cached).toBeUndefined();
    // An answer is kept only once the server knows the graph's version; after the mutations of the
    // tests before, that takes one poll, so the replay is waited for rather than timed.
    const again = await askUntil(query, (a) => a.extensions?.cached === true, "a replayed answer");
    expect(again.data).toEqual(first.data);
    expect(again.extensions).toMatchObject({ cached: true, cypherRoundTrips: 0 });

    // Another process adds a 2023 report: the server notices at its next poll and answers afresh.
    const db = openTestDatabase();
    const text = "杭州市西湖区文新街道2023年法治政府建设年度报告\n全年调处矛盾纠纷88起。\n";
    try {
      await writeReports(db, [{ extraction: extractReport(text), source: null }]);
      const after = await askUntil(query, (a) => a.extensions?.cached === undefined, "an answer computed afresh");
      expect(after.data!.cacheProbe.totalCount).toBe(first.data!.cacheProbe.totalCount + 1);
    } finally {
      await deleteReport(db, extractReport(text).textHash);
      await db.close();
    }
  }, 300_000);
});

describe("HTTP caches", () => {
  it("are told not to keep answers, and no Server-Timing is sent unless KG_SERVER_TIMING is on", async () => {
    const response = await fetch(service.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ h1: jurisdiction(code: "330106") { name } }` }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("server-timing")).toBeNull();
  });
});

describe("when Neo4j goes away", () => {
  it("answers SERVICE_UNAVAILABLE, stays up, and recovers when Neo4j returns", async () => {
    proxy.cutAfter(0);
    try {
      expect(await errorCode(`{ jurisdiction(code: "330106") { name } }`)).toEqual(["SERVICE_UNAVAILABLE"]);
      const health = await service.get("/healthz");
      expect(health.status).toBe(503);
      expect(JSON.parse(health.body)).toMatchObject({ server: "up", database: "down" });
    } finally {
      proxy.restore();
    }
    // A background probe notices Neo4j is back; until then requests fail fast. The bound is far
    // above what even a loaded machine needs: it only stops a test that would otherwise hang.
    const deadline = Date.now() + 120_000;
    while ((await errorCode(`{ jurisdiction(code: "330106") { name } }`))?.[0] === "SERVICE_UNAVAILABLE" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await data(`{ jurisdiction(code: "330106") { name } }`)).toEqual({ jurisdiction: { name: "西湖区" } });
    expect((await service.get("/healthz")).status).toBe(200);
  }, 300_000);
});

describe("the IDE", () => {
  it("is served from the package at /graphiql, with its scripts, and no CDN", async () => {
    const page = await service.get("/graphiql");
    expect(page.status).toBe(200);
    expect(page.body).toContain("GraphiQL");
    expect(page.body).not.toMatch(/https?:\/\//);
    for (const asset of ["/ide/graphiql.js", "/ide/graphiql.css", "/ide/react.js", "/ide/react-dom.js"]) {
      const response = await service.get(asset);
      expect(response.status, asset).toBe(200);
      expect(response.body.length, asset).toBeGreaterThan(1000);
    }
  });
});
