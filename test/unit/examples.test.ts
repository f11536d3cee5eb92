// The extractor against the project's own example reports (examples/reports) and their hand
// annotations (examples/expected), compared exactly, type by type, with the matching rules of the
// scorer (shared/corpus/ANNOTATION.md, "Matching"): nothing may be missing and nothing spurious.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractReport } from "../../src/extract/index.js";
import type { Entity, ReportExtraction } from "../../src/extract/index.js";

const EXAMPLES = new URL("../../examples/", import.meta.url);

interface Named {
  name: string;
  /** people: the firm that tells two of one name apart */
  org?: string | null;
  code?: string | null;
  aliases?: string[];
}
interface GoldMetric {
  key: string;
  value: number;
  unit: string;
}
interface Gold {
  report: { year: number | null; subject: string | null; publishedAt: string | null };
  Jurisdiction: Named[];
  Community: Named[];
  LawFirm: Named[];
  Person: Named[];
  Program: { required: Named[]; acceptable: Named[] };
  Law: { required: Named[]; acceptable: Named[] };
  Metric: GoldMetric[];
}

// ---------------------------------------------------------------- the scorer's normal forms

const strip = (s: string | null | undefined) =>
  String(s ?? "")
    .normalize("NFKC")
    .replace(/[\s"'“”‘’「」『』《》〈〉<>()（）]/g, "");
const normCode = (code: string) => code.replace(/0+$/, "");
const normFirm = (s: string) => strip(s).replace(/律所$/, "律师事务所");
const normTerm = (s: string) => strip(s).replace(/^新时代/, "");

/** Both sides of a comparison, as lists of readable labels: what gold has that we lack, and the reverse. */
interface Difference {
  missed: string[];
  spurious: string[];
}

/** One-to-one matching of gold entries to predictions under `same`. */
function compare<G, P>(
  gold: G[],
  predicted: P[],
  same: (g: G, p: P) => boolean,
  label: { gold: (g: G) => string; predicted: (p: P) => string },
): Difference {
  const used = new Set<number>();
  const missed: string[] = [];
  for (const g of gold) {
    const k = predicted.findIndex((p, i) => !used.has(i) && same(g, p));
    if (k >= 0) used.add(k);
    else missed.push(label.gold(g));
  }
  const spurious = predicted.filter((_, i) => !used.has(i)).map(label.predicted);
  return { missed, spurious };
}

/** The predictions of a type, one per identity (the scorer counts an entity once however often it is written). */
function entitiesOf(result: ReportExtraction, type: Entity["type"], identity: (e: Entity) => string): Entity[] {
  const seen = new Set<string>();
  return result.entities.filter((e) => {
    if (e.type !== type || seen.has(identity(e))) return false;
    seen.add(identity(e));
    return true;
  });
}

const byName = { gold: (g: Named) => g.name, predicted: (p: Entity) => p.name };

function comparePlaces(gold: Named[], result: ReportExtraction, type: "Jurisdiction" | "Community"): Difference {
  const identity = (e: Entity) => (e.code ? "c" + normCode(e.code) : "n" + strip(e.name));
  const same = (g: Named, p: Entity) => (g.code && p.code ? normCode(g.code) === normCode(p.code) : strip(g.name) === strip(p.name));
  return compare(gold, entitiesOf(result, type, identity), same, {
    gold: (g) => `${g.name} ${g.code ?? ""}`.trim(),
    predicted: (p) => `${p.name} ${p.code ?? ""}`.trim(),
  });
}

function compareNames(gold: Named[], result: ReportExtraction, type: "LawFirm" | "Person", norm: (s: string) => string): Difference {
  // a person is the name with the firm: two of one name at two firms are two
  const identity = (e: Entity) => (type === "Person" ? `${norm(e.name)}@${e.org ?? ""}` : norm(e.name));
  const predicted = entitiesOf(result, type, identity);
  const sameOrg = (g: Named, p: Entity) => type !== "Person" || !g.org?.includes("律师事务所") || g.org === p.org;
  return compare(gold, predicted, (g, p) => norm(g.name) === norm(p.name) && sameOrg(g, p), byName);
}

/** Programmes and laws: every required entry found, and every prediction required or acceptable. */
function compareTerms(gold: { required: Named[]; acceptable: Named[] }, result: ReportExtraction, type: "Program" | "Law"): Difference {
  const predicted = entitiesOf(result, type, (e) => normTerm(e.name));
  const names = (g: Named) => [g.name, ...(g.aliases ?? [])].map(normTerm);
  const matches = (g: Named, p: Entity) => names(g).includes(normTerm(p.name));
  const { missed, spurious } = compare(gold.required, predicted, matches, byName);
  const notAcceptable = spurious.filter((name) => !gold.acceptable.some((g) => names(g).includes(normTerm(name))));
  return { missed, spurious: notAcceptable };
}

/** Metrics: same value (to 0.01), same unit, key phrases that overlap; one prediction per gold figure. */
function compareMetrics(gold: GoldMetric[], result: ReportExtraction): Difference {
  const overlap = (a: string, b: string) => {
    const x = strip(a);
    const y = strip(b);
    if (x.includes(y) || y.includes(x)) return true;
    for (let i = 0; i + 2 <= x.length; i++) if (y.includes(x.slice(i, i + 2))) return true;
    return false;
  };
  // the same quantity: a leading 万 or 亿 on a unit is a multiplier (5.2 万件 is 52000 件)
  const canonical = (value: number, written: string): [number, string] => {
    const u = strip(written).toLowerCase();
    const m = /^(万|亿)(.+)$/.exec(u);
    return m ? [value * (m[1] === "万" ? 1e4 : 1e8), m[2]!] : [value, u];
  };
  const sameQuantity = (g: GoldMetric, p: { value: number; unit: string }) => {
    const [gv, gu] = canonical(g.value, g.unit);
    const [pv, pu] = canonical(p.value, p.unit);
    return gu === pu && Math.abs(gv - pv) < Math.max(0.01, Math.abs(gv) * 1e-6);
  };
  return compare(
    gold,
    result.metrics,
    (g, p) => sameQuantity(g, p) && overlap(g.key, p.name),
    { gold: (g) => `${g.key}=${g.value}${g.unit}`, predicted: (p) => `${p.name}=${p.value}${p.unit}` },
  );
}

const exact: Difference = { missed: [], spurious: [] };

// ---------------------------------------------------------------- one describe per example report

// reports/ are the ingestable set; cases/ hold reports made to exercise what stays unresolved
const reportFiles = ["reports/", "cases/"].flatMap((dir) => readdirSync(new URL(dir, EXAMPLES)).map((f) => dir + f))
  .filter((f) => f.endsWith(".txt"))
  .sort();

it("finds the seven example reports", () => {
  expect(reportFiles).toHaveLength(7);
});

for (const file of reportFiles) {
  describe(file, () => {
    const text = readFileSync(new URL(file, EXAMPLES), "utf8");
    const gold = JSON.parse(readFileSync(new URL(`expected/${file.replace(/^\w+\//, "").replace(/\.txt$/, ".json")}`, EXAMPLES), "utf8")) as Gold;
    const result = extractReport(text);

    it("report year, subject and publication date", () => {
      const subject = result.report.subject?.code;
      expect({
        year: result.report.year,
        subject: subject ? normCode(subject) : null,
        publishedAt: result.report.publishedAt,
      }).toEqual({
        year: gold.report.year,
        subject: gold.report.subject ? normCode(gold.report.subject) : null,
        publishedAt: gold.report.publishedAt,
      });
    });

    // an unresolved subject keeps the name as written, and no guess at a code
    if (gold.report.subject === null && gold.Jurisdiction.length) {
      it("an unresolved subject keeps its name", () => {
        expect(result.report.subject).toBeNull();
        expect(result.report.subjectName).toBe(gold.Jurisdiction[0]!.name);
        expect(result.report.subjectCandidates.length).toBeGreaterThan(1);
      });
    }

    it("Jurisdiction", () => expect(comparePlaces(gold.Jurisdiction, result, "Jurisdiction")).toEqual(exact));
    it("Community", () => expect(comparePlaces(gold.Community, result, "Community")).toEqual(exact));
    it("LawFirm", () => expect(compareNames(gold.LawFirm, result, "LawFirm", normFirm)).toEqual(exact));
    it("Person", () => expect(compareNames(gold.Person, result, "Person", strip)).toEqual(exact));
    it("Program", () => expect(compareTerms(gold.Program, result, "Program")).toEqual(exact));
    it("Law", () => expect(compareTerms(gold.Law, result, "Law")).toEqual(exact));
    it("Metric", () => {
      expect(compareMetrics(gold.Metric, result)).toEqual(exact);
      expect(result.metrics).toHaveLength(gold.Metric.length);
    });
  });
}
