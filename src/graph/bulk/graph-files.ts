// The graph `kg ingest` writes, as CSV files for `neo4j-admin database import`.
//
// The rows come from the writer's own row model (GraphBatch, rows.ts) and the roll-ups from its
// own contributions (rollups.ts), so the rules of the graph live in one place; this module only
// decides what the writer's MERGEs decide: the first row of a key makes the node, later rows of the
// same key add mentions (and aliases), relationships that are MERGEd appear once.
// Reports come in chunks; their own rows (report, mentions, figures) are written at once, and the
// shared nodes (places, programmes, laws, firms, people, roll-ups) at the end.
import { join } from "node:path";
import { GraphBatch, NAMED_LABELS, type EntityRow, type JurisdictionRow, type MentionRow, type NamedLabel, type UnlinkedPlaceRow } from "../rows.js";
import { COUNT_FIELD, contributionsOfBatch, deltaRows } from "../rollups.js";
import { primaryInputs, provenanceProps } from "../provenance.js";
import type { ReportInput } from "../writer.js";
import { CsvFile, type CsvValue } from "./csv.js";

/** One input of the import: a node file with its labels, or a relationship file with its type. */
export interface ImportFile {
  kind: "nodes" | "relationships";
  /** label(s) joined by ':' for nodes, the type for relationships */
  name: string;
  path: string;
  rows: number;
  multiline: boolean;
}

type DeltaRow = ReturnType<typeof deltaRows>[number];
interface RollupRow {
  row: DeltaRow;
  reports: number;
  minYear: number | null;
  maxYear: number | null;
}

// Report properties as the writer sets them (ReportRow.props, provenance, ingestedAt). A property
// the row model gains and this list lacks stops the import (see checkColumns), rather than vanish.
const REPORT_NUMBERS = ["year", "textLength"];
const REPORT_STRINGS = [
  "title", "publishedAt", "publisher", "subjectCode", "subjectName", "provinceCode", "cityCode", "districtCode", "townshipCode",
  "text", "sourcePath", "sourceUrl", "sourceFormat", "sourceEncoding", "sourceTitle", "sourcePublishedAt", "sourceCanonicalUrl",
];
const REPORT_PROPS = [...REPORT_NUMBERS, ...REPORT_STRINGS];

// A figure's properties (MetricRow but its report-side fields, subject and id).
const METRIC_NUMBERS = ["value", "baseValue", "year", "start", "end"];
const METRIC_STRINGS = ["key", "unit", "baseUnit", "kind", "qualifier", "sentence"];
const METRIC_PROPS = [...METRIC_NUMBERS, ...METRIC_STRINGS];

const ROLLUP_CODES = ["provinceCode", "cityCode", "districtCode", "townshipCode"] as const;
const COUNT_FIELDS = Object.values(COUNT_FIELD);
const ALIAS_LABEL: Partial<Record<NamedLabel, "ProgramAlias" | "LawAlias">> = { Program: "ProgramAlias", Law: "LawAlias" };
const MENTIONED = ["Jurisdiction", ...NAMED_LABELS, "UnlinkedPlace"] as const;

// As the writer's: the last three order an entity's reports newest first (009_mention_order.cypher).
const MENTION_COLUMNS = ["count:double", "sentences:string[]", "starts:double[]", "ends:double[]", "target", "newest:double", "report"];
const mentionValues = (m: MentionRow, target: string, year: number | null): CsvValue[] => [m.count, m.sentences, m.starts, m.ends, target, -(year ?? 0), m.report];

// What a Source keeps of the file read from its path (provenance.ts records the same).
const SOURCE_PROPS = ["format", "encoding", "title", "publishedAt", "canonicalUrl", "url"];
function sourceFile(input: ReportInput): CsvValue[] {
  const p = provenanceProps(input);
  return [p.sourceFormat, p.sourceEncoding, p.sourceTitle, p.sourcePublishedAt, p.sourceCanonicalUrl, input.provenance?.url ?? null];
}

function checkColumns(what: string, actual: string[], expected: string[]): void {
  const missing = actual.filter((k) => !expected.includes(k));
  if (missing.length) throw new Error(`bulk import: the ${what} rows have properties the bulk path does not write: ${missing.join(", ")} (src/graph/bulk/graph-files.ts)`);
}

export class GraphFiles {
  private readonly files = new Map<string, { file: CsvFile; kind: ImportFile["kind"] }>();
  private readonly reportIds = new Set<string>();
  /** per source path: the report read from it and what was read (Source's properties) */
  private readonly sources = new Map<string, { id: string; file: CsvValue[] }>();
  private readonly places = new Map<string, JurisdictionRow>();
  private readonly partOf = new Set<string>();
  private readonly named: Record<NamedLabel, Map<string, EntityRow>> = { Program: new Map(), Law: new Map(), LawFirm: new Map(), Person: new Map() };
  private readonly unlinked = new Map<string, UnlinkedPlaceRow>();
  private readonly worksAt = new Set<string>();
  private readonly rollups = new Map<string, RollupRow>();
  /** reports written without a URL, and the URL a later file of the same text brought them */
  private readonly withoutUrl = new Set<string>();
  private readonly urlFills = new Map<string, string>();
  private checked = false;
  private metricsChecked = false;

  private constructor(private readonly dir: string) {}

  /** Opens the files of the per-report rows in `dir` (which must exist and be empty of them). */
  static async create(dir: string): Promise<GraphFiles> {
    const files = new GraphFiles(dir);
    await files.open("Report", "nodes", ["id:ID(Report)", ...REPORT_NUMBERS.map((p) => `${p}:double`), ...REPORT_STRINGS, "ingestedAt:datetime"]);
    await files.open("Metric", "nodes", ["id:ID(Metric)", ...METRIC_NUMBERS.map((p) => `${p}:double`), ...METRIC_STRINGS]);
    for (const label of MENTIONED) await files.open(`MENTIONS-${label}`, "relationships", [":START_ID(Report)", `:END_ID(${label})`, ...MENTION_COLUMNS]);
    await files.open("ABOUT", "relationships", [":START_ID(Report)", ":END_ID(Jurisdiction)"]);
    await files.open("STATES", "relationships", [":START_ID(Report)", ":END_ID(Metric)"]);
    await files.open("OF-Metric", "relationships", [":START_ID(Metric)", ":END_ID(Jurisdiction)"]);
    await files.open("ADVISES", "relationships", [":START_ID(LawFirm)", ":END_ID(Jurisdiction)", "report", "year:double"]);
    return files;
  }

  private async open(name: string, kind: "nodes" | "relationships", columns: string[]): Promise<CsvFile> {
    const file = await CsvFile.create(join(this.dir, `${kind}-${name}.csv`), columns);
    this.files.set(name, { file, kind });
    return file;
  }

  private file(name: string): CsvFile {
    return this.files.get(name)!.file;
  }

  /**
   * Adds a chunk of reports, in listing order. A text seen before is skipped, as the writer leaves
   * it unchanged; of several files with one text, the first in listing order is the report's
   * source, and the first URL among them its URL (src/graph/provenance.ts).
   */
  add(inputs: ReportInput[]): void {
    const primary = primaryInputs(inputs);
    const firstWithUrl = primaryInputs(inputs.filter((i) => i.provenance?.url));
    const batch = new GraphBatch();
    for (const input of inputs) {
      const id = input.extraction.textHash;
      if (input.source) this.sources.set(input.source, { id, file: sourceFile(input) });
      const url = firstWithUrl.get(id)?.provenance?.url;
      if (this.reportIds.has(id)) {
        if (url && this.withoutUrl.delete(id)) this.urlFills.set(id, url);
        continue;
      }
      batch.add(input.extraction, input.source);
    }
    const ingestedAt = new Date().toISOString();
    // The year of each report of the chunk: its mentions are ordered by it.
    const years = new Map<string, number | null>();
    for (const r of batch.reports()) {
      years.set(r.id, r.props.year);
      const props: Record<string, unknown> = { ...r.props, ...provenanceProps(primary.get(r.id)) };
      props.sourceUrl ??= firstWithUrl.get(r.id)?.provenance?.url ?? null;
      if (props.sourceUrl === null) this.withoutUrl.add(r.id);
      if (!this.checked) {
        checkColumns("Report", Object.keys(props), REPORT_PROPS);
        this.checked = true;
      }
      this.reportIds.add(r.id);
      this.file("Report").row([r.id, ...REPORT_PROPS.map((p) => props[p] as CsvValue), ingestedAt]);
    }

    for (const place of batch.jurisdictions()) {
      if (!this.places.has(place.code)) this.places.set(place.code, place);
      if (place.parentCode) this.partOf.add(`${place.code}\u0000${place.parentCode}`);
      this.mentions("Jurisdiction", place.code, place.mentions, years);
    }
    for (const label of NAMED_LABELS) {
      const known = this.named[label];
      for (const e of batch.entities(label)) {
        const stored = known.get(e.key);
        if (!stored) known.set(e.key, { ...e, aliases: [...e.aliases], mentions: [] });
        else for (const alias of e.aliases) if (!stored.aliases.includes(alias)) stored.aliases.push(alias);
        this.mentions(label, e.key, e.mentions, years);
      }
    }
    for (const u of batch.unlinkedPlaces()) {
      if (!this.unlinked.has(u.key)) this.unlinked.set(u.key, { ...u, mentions: [] });
      this.mentions("UnlinkedPlace", u.key, u.mentions, years);
    }
    for (const w of batch.worksAt()) this.worksAt.add(`${w.person}\u0000${w.firm}`);

    for (const facts of batch.reportFacts()) {
      if (facts.subject) this.file("ABOUT").row([facts.id, facts.subject]);
      for (const m of facts.metrics) {
        if (!this.metricsChecked) {
          checkColumns("Metric", Object.keys(m).filter((k) => k !== "id" && k !== "subject"), METRIC_PROPS);
          this.metricsChecked = true;
        }
        const props = m as unknown as Record<string, CsvValue>;
        this.file("Metric").row([m.id, ...METRIC_PROPS.map((p) => props[p])]);
        this.file("STATES").row([facts.id, m.id]);
        if (m.subject) this.file("OF-Metric").row([m.id, m.subject]);
      }
      // MERGE (firm)-[:ADVISES {report}]->(place): once per firm, place and report; the year of the first.
      const advised = new Set<string>();
      for (const a of facts.advises) {
        const key = `${a.firm}\u0000${a.code}`;
        if (advised.has(key) || !this.named.LawFirm.has(a.firm)) continue;
        advised.add(key);
        this.file("ADVISES").row([a.firm, a.code, facts.id, a.year]);
      }
    }

    for (const delta of deltaRows(contributionsOfBatch(batch), 1)) {
      const sum = this.rollups.get(delta.id);
      if (!sum) {
        this.rollups.set(delta.id, { row: delta, reports: delta.delta, minYear: delta.minYear, maxYear: delta.maxYear });
        continue;
      }
      sum.reports += delta.delta;
      if (delta.minYear !== null) sum.minYear = sum.minYear === null ? delta.minYear : Math.min(sum.minYear, delta.minYear);
      if (delta.maxYear !== null) sum.maxYear = sum.maxYear === null ? delta.maxYear : Math.max(sum.maxYear, delta.maxYear);
    }
  }

  private mentions(label: (typeof MENTIONED)[number], id: string, mentions: MentionRow[], years: Map<string, number | null>): void {
    const file = this.file(`MENTIONS-${label}`);
    for (const m of mentions) file.row([m.report, id, ...mentionValues(m, id, years.get(m.report) ?? null)]);
  }

  get reports(): number {
    return this.reportIds.size;
  }

  /** URLs that files read after a report's row was written brought it (set after the import). */
  sourceUrlFills(): { id: string; url: string }[] {
    return [...this.urlFills].map(([id, url]) => ({ id, url }));
  }

  /** Writes out what the last chunks buffered. */
  async flush(): Promise<void> {
    await Promise.all([...this.files.values()].map(({ file }) => file.flush()));
  }

  /** Closes every file without finishing them (after an error). */
  async abort(): Promise<void> {
    await Promise.allSettled([...this.files.values()].map(({ file }) => file.close()));
  }

  /** Writes the shared nodes, closes every file and lists them for neo4j-admin. */
  async finish(migrationIds: string[]): Promise<ImportFiles> {
    const nodes = async (name: string, columns: string[], rows: Iterable<CsvValue[]>) => {
      const file = await this.open(name, "nodes", columns);
      for (const row of rows) file.row(row);
    };
    const relationships = async (name: string, columns: string[], rows: Iterable<CsvValue[]>) => {
      const file = await this.open(name, "relationships", columns);
      for (const row of rows) file.row(row);
    };
    const pairs = (set: Set<string>) => [...set].map((p) => p.split("\u0000"));

    await nodes("Jurisdiction", ["code:ID(Jurisdiction)", "name", "level", ...ROLLUP_CODES], [...this.places.values()].map((j) => [j.code, j.name, j.level, ...ROLLUP_CODES.map((c) => j[c])]));
    await relationships("PART_OF", [":START_ID(Jurisdiction)", ":END_ID(Jurisdiction)"], pairs(this.partOf));
    for (const label of NAMED_LABELS) {
      const entities = [...this.named[label].values()];
      // aliasText as the writer builds it: each alias after a space.
      await nodes(label, [`key:ID(${label})`, "name", "category", "role", "aliases:string[]", "aliasText"], entities.map((e) => [e.key, e.name, e.category, e.role, e.aliases, e.aliases.map((a) => " " + a).join("")]));
      const aliasLabel = ALIAS_LABEL[label];
      if (!aliasLabel) continue;
      const names = new Set(entities.flatMap((e) => e.aliases));
      await nodes(aliasLabel, [`name:ID(${aliasLabel})`], [...names].map((n) => [n]));
      await relationships(`NAMES-${label}`, [`:START_ID(${aliasLabel})`, `:END_ID(${label})`], entities.flatMap((e) => e.aliases.map((a) => [a, e.key])));
    }
    await nodes("UnlinkedPlace", ["key:ID(UnlinkedPlace)", "name", "kind", "level", "within", "candidates:string[]"], [...this.unlinked.values()].map((u) => [u.key, u.name, u.kind, u.level, u.within, u.candidates]));
    await relationships("WORKS_AT", [":START_ID(Person)", ":END_ID(LawFirm)"], pairs(this.worksAt));
    await nodes("Source", ["path:ID(Source)", ...SOURCE_PROPS], [...this.sources].map(([path, { file }]) => [path, ...file]));
    await relationships("OF-Source", [":START_ID(Source)", ":END_ID(Report)"], [...this.sources].map(([path, { id }]) => [path, id]));
    await nodes("ProgramRollup", ROLLUP_COLUMNS, rollupRows(this.rollups));
    await nodes("GraphVersion", ["id:ID(GraphVersion)", "version:long"], [["graph", 1]]);
    const now = new Date().toISOString();
    await nodes("Migration", ["id:ID(Migration)", "appliedAt:datetime"], migrationIds.map((id) => [id, now]));

    await Promise.all([...this.files.values()].map(({ file }) => file.close()));
    // Files of one type with different end labels are named TYPE-LABEL.
    return [...this.files.entries()].map(([name, { file, kind }]) => ({
      kind,
      name: name.split("-")[0]!,
      path: file.path,
      rows: file.rows,
      multiline: file.multiline,
    }));
  }
}

export type ImportFiles = ImportFile[];

// Numbers the writer sends from JavaScript are stored as floats, counts included.
const ROLLUP_COLUMNS = ["id:ID(ProgramRollup)", "program", "code", "level", "year:double", "reports:double", "firstYear:double", "lastYear:double", ...COUNT_FIELDS.map((f) => `${f}:double`), ...ROLLUP_CODES];

/**
 * The roll-up nodes as the writer leaves them after adding every report: a row's place counts are
 * the rows of that level present at or below it (applyContributions' presence changes, summed).
 */
function rollupRows(rollups: Map<string, RollupRow>): CsvValue[][] {
  const counts = new Map<string, Record<string, number>>();
  for (const { row, reports } of rollups.values()) {
    if (reports <= 0 || row.level === "ALL") continue;
    const field = COUNT_FIELD[row.level];
    for (const id of [row.id, ...row.parents]) {
      if (!counts.has(id)) counts.set(id, {});
      const c = counts.get(id)!;
      c[field] = (c[field] ?? 0) + 1;
    }
  }
  const out: CsvValue[][] = [];
  for (const { row, reports, minYear, maxYear } of rollups.values()) {
    if (reports <= 0) continue;
    const p = row.props;
    // A year's row is its own first and last year; the all-years row spans its reports' years.
    const first = p.year > 0 ? p.year : minYear;
    const last = p.year > 0 ? p.year : maxYear;
    const c = counts.get(row.id);
    out.push([row.id, p.program, p.code, p.level, p.year, reports, first, last, ...COUNT_FIELDS.map((f) => c?.[f] ?? 0), ...ROLLUP_CODES.map((k) => p[k])]);
  }
  return out;
}
