// Every read statement of src/graph/read/ finds its rows through an index: each read function is
// called (with every kind of filter and a cursor) on a real graph, each statement it sends is
// EXPLAINed, and no plan may scan all nodes or all nodes of a label the graph holds many of.
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/graph/driver.js";
import * as firms from "../../src/graph/read/firms.js";
import * as lookups from "../../src/graph/read/lookups.js";
import * as metrics from "../../src/graph/read/metrics.js";
import * as neighborhood from "../../src/graph/read/neighborhood.js";
import * as places from "../../src/graph/read/places.js";
import * as programs from "../../src/graph/read/programs.js";
import type { JurisdictionRecord, PageWindow } from "../../src/graph/read/records.js";
import * as reports from "../../src/graph/read/reports.js";
import * as rollups from "../../src/graph/read/rollups.js";
import * as search from "../../src/graph/read/search.js";
import * as timeline from "../../src/graph/read/timeline.js";
import * as unlinked from "../../src/graph/read/unlinked.js";
import { ingest } from "../../src/ingest/ingest.js";
import { listSources } from "../../src/ingest/sources.js";
import { openTestDatabase } from "../support/db.js";
import { clearGraph } from "../support/graph.js";

/** Labels of which a graph holds many nodes: reading all of them is what indexes are for. */
const BIG_LABELS = ["Report", "Metric", "Jurisdiction", "ProgramRollup"];
const SCANS = ["NodeByLabelScan", "AllNodesScan"];

let db: Database;
const statements = new Map<string, Record<string, unknown>>();

/** The test database, recording every statement the read functions send (then running it). */
function recording(real: Database): Database {
  const driver = new Proxy(real.driver, {
    get(target, property, receiver) {
      if (property !== "executeQuery") return Reflect.get(target, property, receiver);
      return (cypher: string, params: Record<string, unknown>, config: unknown) => {
        statements.set(cypher, params ?? {});
        return target.executeQuery(cypher, params, config as never);
      };
    },
  }) as Driver;
  const read: Database["read"] = (cypher, params, options) => {
    statements.set(cypher, params ?? {});
    return real.read(cypher, params, options);
  };
  return { ...real, driver, read };
}

beforeAll(async () => {
  db = openTestDatabase();
  await clearGraph(db);
  await ingest(db, await listSources([resolve("examples/reports")]), { workers: 0, batchSize: 10 });
});
afterAll(async () => {
  await clearGraph(db);
  await db.close();
});

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function scansOfBigLabels(plan: PlanNode): string[] {
  const found: string[] = [];
  const visit = (node: PlanNode) => {
    const operator = node.operatorType.split("@")[0]!;
    const details = String(node.arguments["Details"] ?? "");
    if (operator === "AllNodesScan" || (SCANS.includes(operator) && BIG_LABELS.some((l) => details.includes(`:${l}`)))) {
      found.push(`${operator} ${details}`);
    }
    node.children.forEach(visit);
  };
  visit(plan);
  return found;
}

/** Operators that sort rows (what an index read in order makes unnecessary). */
function sortsOf(plan: PlanNode): string[] {
  const found: string[] = [];
  const visit = (node: PlanNode) => {
    const operator = node.operatorType.split("@")[0]!;
    if (/^(Sort|Top|PartialSort|PartialTop)$/.test(operator)) found.push(`${operator} ${String(node.arguments["Details"] ?? "")}`);
    node.children.forEach(visit);
  };
  visit(plan);
  return found;
}

describe("query plans of the read layer", () => {
  // Each statement shape is planned once, cold: some 70 plans, slow on a loaded machine.
  it("call every read function, with every filter and a cursor", { timeout: 180_000 }, async () => {
    const rdb = recording(db);
    const first: PageWindow = { limit: 5, after: null };
    const [street] = (await places.jurisdictionsByCode(rdb, ["330106005"])) as JurisdictionRecord[];
    const [district] = (await places.jurisdictionsByCode(rdb, ["330106"])) as JurisdictionRecord[];
    expect(street && district).toBeTruthy();
    const program = (await programs.programByName(rdb, "枫桥经验"))!;
    expect(program).toBeTruthy();
    await programs.programByName(rdb, "no such programme");

    // Each list once from the start and once from a cursor, so that both statement shapes are planned.
    async function paged<T>(read: (w: PageWindow) => Promise<{ keys: (string | number)[][] }>) {
      const page = await read(first);
      await read({ limit: 5, after: page.keys[0] ?? ["0", "0", "0", "0"].slice(0, 1) });
    }
    const calls: Record<string, () => Promise<unknown>> = {
      "places.jurisdictionsByCode": () => places.jurisdictionsByCode(rdb, ["330106", "33", "000000"]),
      "programs.programByName": () => programs.programByName(rdb, "“枫桥经验”"),
      "places.jurisdictionsByName": () => places.jurisdictionsByName(rdb, "西湖区"),
      "places.listJurisdictions": async () => {
        for (const filter of [{ level: null, within: null }, { level: "TOWNSHIP" as const, within: null }, { level: null, within: "33" }, { level: "COMMUNITY" as const, within: "330106005" }]) {
          await paged((w) => places.listJurisdictions(rdb, filter, w));
          await places.countJurisdictions(rdb, filter);
        }
      },
      "places.childrenOf": () => paged(async (w) => (await places.childrenOf(rdb, ["330106"], w))[0]!),
      "places.countChildren": () => places.countChildren(rdb, "330106"),
      "places.communitiesWithin": () => paged((w) => places.communitiesWithin(rdb, district, w)),
      "places.countCommunitiesWithin": () => places.countCommunitiesWithin(rdb, district),
      "places.reportsWithin": async () => {
        await paged((w) => places.reportsWithin(rdb, district, null, w));
        await paged((w) => places.reportsWithin(rdb, street, 2023, w));
      },
      "places.countReportsWithin": async () => {
        await places.countReportsWithin(rdb, district, null);
        await places.countReportsWithin(rdb, street, 2023);
      },
      "places.advisersOf": () => places.advisersOf(rdb, ["330106005"], 50),
      "programs.programsByKey": () => programs.programsByKey(rdb, [program.key]),
      "programs.reportsMentioning": async () => {
        for (const label of ["Program", "Law", "LawFirm", "Person"] as const) {
          await paged(async (w) => (await programs.reportsMentioning(rdb, label, [program.key], null, w))[0]!);
          await programs.reportsMentioning(rdb, label, [program.key], 2023, first);
        }
      },
      "programs.countReportsMentioning": async () => {
        for (const label of ["Program", "Law", "LawFirm", "Person"] as const) {
          await programs.countReportsMentioning(rdb, label, program.key, null);
          await programs.countReportsMentioning(rdb, label, program.key, 2023);
        }
      },
      "programs.mentionsOf": () => paged((w) => programs.mentionsOf(rdb, "Program", program.key, w)),
      "programs.evidenceOfPrograms": async () => {
        await programs.evidenceOfPrograms(rdb, [{ key: program.key, codes: ["330106"] }], "DISTRICT", null);
        await programs.evidenceOfPrograms(rdb, [{ key: program.key, codes: ["330106005"] }], "TOWNSHIP", 2023);
      },
      "rollups.recurringPrograms": async () => {
        for (const filter of [
          { level: "DISTRICT" as const, year: null, within: null, min: 2 },
          { level: "TOWNSHIP" as const, year: 2023, within: "33", min: 1 },
        ]) {
          await paged((w) => rollups.recurringPrograms(rdb, filter, w));
          await rollups.countRecurringPrograms(rdb, filter);
          await paged(async (w) => (await rollups.recurringProgramsCounted(rdb, filter, w)).page);
        }
      },
      "rollups.placesOfPrograms": async () => {
        for (const filter of [{ level: "DISTRICT" as const, year: null, within: null }, { level: "TOWNSHIP" as const, year: 2022, within: "330106" }]) {
          await paged(async (w) => (await rollups.placesOfPrograms(rdb, [program.key], filter, w))[0]!);
          await rollups.countPlacesOfProgram(rdb, program.key, filter);
          await rollups.placeCodesOfPrograms(rdb, [program.key], filter, 10);
        }
      },
      "rollups.programsWithin": () => paged(async (w) => (await rollups.programsWithin(rdb, ["330106"], w))[0]!),
      "rollups.countProgramsWithin": () => rollups.countProgramsWithin(rdb, "330106"),
      "rollups.sharedPrograms": () => rollups.sharedPrograms(rdb, "330106", "330681"),
      "timeline.programTimeline": async () => {
        for (const filter of [{ level: "DISTRICT" as const, within: null }, { level: "TOWNSHIP" as const, within: "33" }]) {
          await paged((w) => timeline.programTimeline(rdb, program.key, filter, w));
          await timeline.countTimelinePlaces(rdb, program.key, filter);
        }
      },
      "programs.countMentions": async () => {
        await programs.countMentions(rdb, "Program", program.key);
        await programs.countMentions(rdb, "Jurisdiction", "330106");
        await paged((w) => programs.mentionsOf(rdb, "Jurisdiction", "330106", w));
      },
      "neighborhood.neighborhood": async () => {
        for (const depth of [1, 2]) {
          await neighborhood.neighborhood(rdb, { label: "Program", key: program.key }, { depth, labels: [...neighborhood.NEIGHBOR_LABELS], limit: 50 });
          await neighborhood.neighborhood(rdb, { label: "Jurisdiction", key: "330106" }, { depth, labels: ["Program", "LawFirm"], limit: 20 });
        }
      },
      "rollups.countReportsMentioningProgram": () => rollups.countReportsMentioningProgram(rdb, program.key, 2023),
      "firms.lawFirmsByKey": () => firms.lawFirmsByKey(rdb, ["浙江澄衡律师事务所"]),
      "firms.lawFirmByName": () => firms.lawFirmByName(rdb, "浙江澄衡律所"),
      "firms.listLawFirms": async () => {
        await paged((w) => firms.listLawFirms(rdb, null, w));
        await paged((w) => firms.listLawFirms(rdb, "330106", w));
      },
      "firms.countLawFirms": async () => {
        await firms.countLawFirms(rdb, null);
        await firms.countLawFirms(rdb, "33");
      },
      "firms.adviceGivenBy": () => firms.adviceGivenBy(rdb, ["浙江澄衡律师事务所"], 50),
      "firms.lawyersOf": () => firms.lawyersOf(rdb, ["浙江澄衡律师事务所"]),
      "firms.personsByKey": () => firms.personsByKey(rdb, ["林晓蕾"]),
      "firms.firmsOfPersons": () => firms.firmsOfPersons(rdb, ["林晓蕾"]),
      "firms.lawsByKey": () => firms.lawsByKey(rdb, ["宪法"]),
      "firms.lawByName": () => firms.lawByName(rdb, "中华人民共和国宪法"),
      "metrics.findMetrics": async () => {
        await paged((w) => metrics.findMetrics(rdb, { key: "出庭应诉率", year: null, jurisdictions: null, years: null }, w));
        await paged((w) => metrics.findMetrics(rdb, { key: "出庭应诉率", year: 2023, jurisdictions: ["330106005"], years: null }, w));
        await paged((w) => metrics.findMetrics(rdb, { key: null, year: null, jurisdictions: ["330106005"], years: [2022, 2023] }, w));
        await paged((w) => metrics.findMetrics(rdb, { key: null, kinds: ["legal-consultations"], year: null, jurisdictions: null, years: null }, w));
      },
      "unlinked.unlinkedPlacesByKey": async () => {
        await unlinked.unlinkedPlacesByKey(rdb, ["某某社区@330106005", "某某社区@report:0"]);
        await programs.reportsMentioning(rdb, "UnlinkedPlace", ["某某社区@330106005"], null, first);
      },
      "metrics.figuresToCompare": async () => {
        const places = { codes: ["3301", "330106", "330106005"], within: true };
        await metrics.figuresToCompare(rdb, { key: null, kinds: ["legal-consultations"], years: null, ...places }, 50);
        await metrics.figuresToCompare(rdb, { key: "出庭应诉率", kinds: null, years: [2022, 2023], ...places }, 50);
        await metrics.figuresToCompare(rdb, { key: null, kinds: ["court-appearance-rate"], years: [2023], codes: ["330106005"], within: false }, 50);
      },
      "metrics.countMetrics": async () => {
        await metrics.countMetrics(rdb, { key: "出庭应诉率", year: null, jurisdictions: null, years: null });
        await metrics.countMetrics(rdb, { key: null, year: 2023, jurisdictions: ["330106005"], years: null });
      },
      "reports.listReports": async () => {
        for (const filter of [
          { year: null, subject: null, within: null },
          { year: 2023, subject: null, within: null },
          { year: null, subject: "330106005", within: null },
          { year: 2022, subject: null, within: "32" },
        ]) {
          await paged((w) => reports.listReports(rdb, filter, w));
          await reports.countReports(rdb, filter);
        }
      },
      "reports.reportsById": async () => {
        const page = await reports.listReports(rdb, { year: null, subject: null, within: null }, first);
        const ids = page.items.map((r) => r.id);
        await reports.reportsById(rdb, ids);
        await reports.contentsOfReports(rdb, ids);
        await reports.textsOfReports(rdb, ids);
        const figures = (await reports.metricsOfReports(rdb, ids)).flat();
        await reports.metricsById(rdb, figures.slice(0, 3).map((m) => m.id));
      },
      "search.searchEntities": () => search.searchEntities(rdb, "枫桥", ["Program", "Jurisdiction"], 5),
      "lookups.jurisdictionWith": async () => {
        const everything = { ancestors: true, advisers: 50, programs: [first, { limit: 5, after: [1, "a"] }] };
        await lookups.jurisdictionWith(rdb, "330106005", everything);
        await lookups.jurisdictionWith(rdb, "330106", { ancestors: false, advisers: null, programs: [] });
      },
      "lookups.programWith": async () => {
        const places = [
          { filter: { level: "DISTRICT" as const, year: null, within: null }, window: first },
          { filter: { level: "TOWNSHIP" as const, year: 2023, within: "33" }, window: { limit: 5, after: ["330106005"] } },
        ];
        const reports = [{ year: null, window: first }, { year: 2023, window: { limit: 5, after: [2023, "a"] } }];
        await lookups.programWith(rdb, "枫桥经验", { places, reports });
        await lookups.programWith(rdb, "no such programme", { places: [], reports: [] });
      },
      "lookups.lawFirmWith": async () => {
        await lookups.lawFirmWith(rdb, "浙江澄衡律所", { advice: 50, lawyers: true });
        await lookups.lawFirmWith(rdb, "浙江澄衡律师事务所", { advice: null, lawyers: false });
      },
    };
    for (const [name, call] of Object.entries(calls)) {
      await expect(call(), name).resolves.not.toThrow();
    }

    // Every database-reading function of every module is called above (a new one must be added).
    const modules = { firms, lookups, metrics, neighborhood, places, programs, reports, rollups, search, timeline, unlinked };
    const files = readdirSync(resolve("src/graph/read")).filter((f) => f.endsWith(".ts")).map((f) => f.replace(/\.ts$/, ""));
    for (const file of files.filter((f) => !["run", "keyset", "records"].includes(f))) expect(Object.keys(modules)).toContain(file);
    const bodies = Object.values(calls).map((c) => c.toString()).join("\n");
    const reads = Object.entries(modules).flatMap(([module, exports]) =>
      Object.entries(exports)
        .filter(([, value]) => typeof value === "function" && value.constructor.name === "AsyncFunction")
        .map(([name]) => ({ module, name })),
    );
    const missing = reads.filter(({ name }) => !bodies.includes(`.${name}(`)).map(({ module, name }) => `${module}.${name}`);
    expect(missing).toEqual([]);
    expect(statements.size).toBeGreaterThan(40);
  });

  it("a programme's places come in the order of an index, stopped at the page, not sorted", async () => {
    const program = (await programs.programByName(db, "枫桥经验"))!;
    const sent: [string, Record<string, unknown>][] = [];
    const watched: Database = { ...db, read: (cypher, params, options) => (sent.push([cypher, params ?? {}]), db.read(cypher, params, options)) };
    const first = await rollups.placesOfPrograms(watched, [program.key], { level: "DISTRICT", year: null, within: null }, { limit: 1, after: null });
    await rollups.placesOfPrograms(watched, [program.key], { level: "TOWNSHIP", year: 2023, within: null }, { limit: 1, after: first[0]!.keys[0] ?? ["0"] });
    expect(sent.length).toBe(2);
    for (const [cypher, params] of sent) {
      const { summary } = await db.driver.executeQuery(`EXPLAIN ${cypher}`, params, { database: db.database });
      expect(sortsOf(summary.plan as unknown as PlanNode), cypher).toEqual([]);
    }
  });

  it("the check sees a scan where there is one", async () => {
    const { summary } = await db.driver.executeQuery("EXPLAIN MATCH (r:Report) WHERE r.title = $t RETURN r", { t: "x" }, { database: db.database });
    expect(scansOfBigLabels(summary.plan as unknown as PlanNode)).toEqual(["NodeByLabelScan r:Report"]);
  });

  it("no statement scans all nodes, or all Report, Metric, Jurisdiction or ProgramRollup nodes", async () => {
    expect(statements.size).toBeGreaterThan(0);
    const offenders: string[] = [];
    for (const [cypher, params] of statements) {
      const { summary } = await db.driver.executeQuery(`EXPLAIN ${cypher}`, params, { database: db.database });
      const scans = scansOfBigLabels(summary.plan as unknown as PlanNode);
      if (scans.length) offenders.push(`${scans.join("; ")}\n    in: ${cypher.replace(/\s+/g, " ").slice(0, 300)}`);
    }
    expect(offenders).toEqual([]);
  });
});
