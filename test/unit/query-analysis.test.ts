// The query analysis (src/api/guard/analysis.ts) on the published schema: what is refused,
// why, and that refusing stays linear in the size of the query.
import { readFileSync } from "node:fs";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { checkQuery, QueryTooComplex, type AnalysisLimits } from "../../src/api/guard/analysis.js";
import { LIST_BOUNDS, unpagedListFields } from "../../src/api/guard/list-bounds.js";
import { cpuTimed } from "../support/cpu-time.js";

const schema = buildSchema(readFileSync("schema/schema.graphql", "utf8"));
const limits: AnalysisLimits = { maxTokens: 5000, maxDepth: 12, maxCost: 20000, maxRootFields: 20, maxAliases: 50, defaultPage: 20, maxPage: 100 };

/** The refusal's message, or null when the query may run. */
function refusal(query: string, variables: Record<string, unknown> = {}, overrides: Partial<AnalysisLimits> = {}): string | null {
  try {
    checkQuery(schema, query, variables, undefined, { ...limits, ...overrides });
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(QueryTooComplex);
    return (error as Error).message;
  }
}

/** fragment F0 { ...leaf } fragment Fk { ...F(k-1) ...F(k-1) }: 2^levels leaves from ~50 bytes a level. */
function fanOut(levels: number, leaf = "name"): string {
  const fragments = [`fragment F0 on Jurisdiction { ${leaf} }`];
  for (let k = 1; k <= levels; k++) fragments.push(`fragment F${k} on Jurisdiction { ...F${k - 1} ...F${k - 1} }`);
  return `{ jurisdiction(code: "33") { ...F${levels} } }\n${fragments.join("\n")}`;
}

describe("query analysis", () => {
  it("accepts the queries the README and the IDE show", () => {
    expect(refusal(`{ recurringPrograms(first: 3) { edges { node { program { name } jurisdictionCount } } } }`)).toBeNull();
    expect(refusal(`{ reports(first: 20) { edges { node { title metrics { key value unit } } } } }`)).toBeNull();
    expect(refusal(`{ compareMetrics(key: "出庭", jurisdictions: ["330106"]) { jurisdiction { name } year metrics { value unit qualifier sentence } } }`)).toBeNull();
  });

  it("refuses the 152-byte query that nested unpaged lists (Report.metrics / Metric.report)", () => {
    const query = `{ reports(first: 100) { edges { node { metrics { key report { metrics { key report { metrics { key report { metrics { key sentence } } } } } } } } } } }`;
    expect(query.length).toBeLessThanOrEqual(152);
    expect(refusal(query)).toMatch(/may resolve about \d+ fields; the limit is 20000/);
    // each unpaged list counts at its bound, so even one level below a page of reports counts
    expect(refusal(`{ reports(first: 100) { edges { node { metrics { key report { metrics { key } } } } } } }`)).toMatch(/the limit is 20000/);
  });

  it("counts compareMetrics by the places and years it lists (three base units each), else at its bound", () => {
    const rows = `jurisdiction { name } year baseUnit total withinTotal metrics { value unit baseValue kind { id } }
      within { jurisdiction { name } total inTotal metrics { unit } }`;
    expect(refusal(`{ compareMetrics(kind: "legal-consultations", jurisdictions: ["330106", "330681"], years: [2022, 2023]) { ${rows} } }`)).toBeNull();
    expect(refusal(`query($p: [String!]!) { compareMetrics(kind: "fines", jurisdictions: $p, years: [2023]) { ${rows} } }`, { p: ["33"] })).toBeNull();
    // without years (every year found) the rows are not known in advance: counted at 100
    expect(refusal(`{ compareMetrics(kind: "legal-consultations", jurisdictions: ["330106"]) { ${rows} } }`)).toMatch(/the limit is 20000/);
  });

  it("counts lists of lawFirms, advises and lawyers at their bounds", () => {
    const query = `{ lawFirms(first: 100) { edges { node { advises { jurisdiction { lawFirms { lawFirm { lawyers { name } } } } } } } } }`;
    expect(refusal(query)).toMatch(/the limit is 20000/);
  });

  it("refuses more than maxRootFields top-level fields, aliases included, also through fragments", () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: recurringPrograms(minJurisdictions: ${i}, first: 1) { totalCount }`).join(" ");
    expect(refusal(`{ ${aliases} }`, {}, { maxAliases: 10_000, maxTokens: 100_000 })).toMatch(/500 top-level fields; the limit is 20/);
    const viaFragment = `{ ...Q } fragment Q on Query { ${Array.from({ length: 21 }, (_, i) => `p${i}: program(name: "x") { name }`).join(" ")} }`;
    expect(refusal(viaFragment)).toMatch(/21 top-level fields/);
  });

  it("refuses more than maxAliases aliases anywhere in the query", () => {
    const nested = Array.from({ length: 60 }, (_, i) => `n${i}: name`).join(" ");
    expect(refusal(`{ jurisdiction(code: "33") { ${nested} } }`)).toMatch(/60 aliased fields; the limit is 50/);
  });

  it("refuses a 23-level fragment fan-out in linear time", () => {
    const query = fanOut(23);
    expect(query.length).toBeLessThan(1500);
    const { result, cpuMs } = cpuTimed(() => refusal(query));
    expect(result).toMatch(/may resolve about \d+ fields/);
    expect(cpuMs).toBeLessThan(500); // was 23.7 s of CPU
    // the same in a deep field: depth from a fragment summary, counted once
    expect(refusal(fanOut(60, "children { edges { node { name } } }"))).toMatch(/fields; the limit/);
  });

  it("refuses a query over the token limit without parsing all of it", () => {
    const huge = `{ ${Array.from({ length: 150_000 }, () => "__typename").join(" ")} }`; // 1.6 MB, 150k tokens
    const { result, cpuMs } = cpuTimed(() => refusal(huge));
    expect(result).toMatch(/more than 5000 tokens/);
    expect(cpuMs).toBeLessThan(1000);
  });

  it("refuses a query deeper than maxDepth", () => {
    const deep = `{ jurisdiction(code: "33") { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } } }`;
    expect(refusal(deep)).toMatch(/14 levels deep; the limit is 12/);
  });

  it("takes first from variables, and the largest page when a variable is not given", () => {
    const query = `query($n: Int) { reports(first: $n) { edges { node { subject { children(first: $n) { edges { node { children(first: $n) { totalCount } } } } } } } } }`;
    expect(refusal(query, { n: 5 })).toBeNull();
    expect(refusal(query, {})).toMatch(/the limit is 20000/);
  });

  it("counts fields inside fragments on a concrete type below an interface (node)", () => {
    const query = `{ node(id: "x") { ... on Report { metrics { report { metrics { report { metrics { key } } } } } } } }`;
    expect(refusal(query)).toMatch(/the limit is 20000/);
  });

  it("leaves queries that do not parse or name unknown fields to GraphQL's own errors", () => {
    expect(refusal(`{ reports(first: 1) {`)).toBeNull();
    expect(refusal(`{ nothing { here } }`)).toBeNull();
  });
});

describe("list bounds", () => {
  it("every list of objects without `first` has a bound of its own", () => {
    const unbounded = unpagedListFields(schema).filter((field) => !(field in LIST_BOUNDS));
    expect(unbounded).toEqual([]);
  });
});
