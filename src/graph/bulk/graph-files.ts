// The graph `kg ingest` writes, as CSV files for `neo4j-admin database import`.
//
// Each report's own rows arrive as CSV text made in the extraction workers (report-rows.ts) and
// are appended to their files at once, so they are not kept. What stays in memory until the end
// is what a key's first row decides and later rows add to, as the writer's MERGEs do: the shared
// nodes (places, programmes, laws, firms, people, unlinked places, each once with its aliases),
// the pairs of MERGEd relationships (PART_OF, WORKS_AT), the report counts the roll-ups are summed
// from, the paths read (a Source per path), and per report id whether it has a URL (a later file
// of the same text may bring one; see add). These grow with the distinct keys, not with the text.
import { join } from "node:path";
import { NAMED_LABELS, type NamedLabel } from "../rows.js";
import { COUNT_FIELD, deltaRows, type Contribution } from "../rollups.js";
import { firstPerReport } from "../provenance.js";
import { CsvFile, csvField, type CsvValue } from "./csv.js";
import { REPORT_FILES, sharedRows, type EntityNode, type FileKind, type PlaceNode, type ReportRows, type SharedRows, type UnlinkedPlaceNode } from "./report-rows.js";

/** One input of the import: a node file with its labels, or a relationship file with its type. */
export interface ImportFile {
  kind: FileKind;
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

const ROLLUP_CODES = ["provinceCode", "cityCode", "districtCode", "townshipCode"] as const;
const COUNT_FIELDS = Object.values(COUNT_FIELD);
const ALIAS_LABEL: Partial<Record<NamedLabel, "ProgramAlias" | "LawAlias">> = { Program: "ProgramAlias", Law: "LawAlias" };

export class GraphFiles {
  private readonly files = new Map<string, { file: CsvFile; kind: FileKind }>();
  /** per report id written: whether its Report has a URL (one without may take a later file's) */
  private readonly reportUrl = new Map<string, boolean>();
  private readonly sourcePaths = new Set<string>();
  private readonly places = new Map<string, PlaceNode>();
  private readonly partOf = new Set<string>();
  private readonly named: Record<NamedLabel, Map<string, EntityNode>> = { Program: new Map(), Law: new Map(), LawFirm: new Map(), Person: new Map() };
  private readonly unlinked = new Map<string, UnlinkedPlaceNode>();
  private readonly worksAt = new Set<string>();
  /**
   * Per programme, reports per subject place chain and year: the roll-ups are summed from these at
   * the end, one programme at a time (there are far fewer of them than roll-up nodes, counting one
   * is cheap, and a programme's roll-ups depend on its own counts only).
   */
  private readonly contributions = new Map<string, Map<string, CountedContribution>>();
  /** URLs that files read after a report's row was written brought it */
  private readonly urlFills = new Map<string, string>();

  private constructor(private readonly dir: string) {}

  /** Opens the files of the per-report rows in `dir` (which must exist and be empty of them). */
  static async create(dir: string): Promise<GraphFiles> {
    const files = new GraphFiles(dir);
    for (const [name, { kind, columns }] of Object.entries(REPORT_FILES)) await files.open(name, kind, columns);
    return files;
  }

  private async open(name: string, kind: FileKind, columns: string[]): Promise<CsvFile> {
    const file = await CsvFile.create(join(this.dir, `${kind}-${name}.csv`), columns);
    this.files.set(name, { file, kind });
    return file;
  }

  private file(name: string): CsvFile {
    return this.files.get(name)!.file;
  }

  /**
   * Adds a chunk of reports, in listing order; returns how many were new. A text seen before is
   * skipped, as the writer leaves it unchanged; of several files with one text, the first in
   * listing order is the report's source, and the first URL among them its URL
   * (src/graph/provenance.ts). Every file read becomes a Source of its text's report.
   */
  add(chunk: ReportRows[]): number {
    const primary = firstPerReport(chunk, (r) => r.id, (r) => r.path);
    const firstWithUrl = firstPerReport(chunk.filter((r) => r.url), (r) => r.id, (r) => r.path);
    const ingestedAt = csvField(new Date().toISOString(), "ingestedAt");
    let added = 0;
    for (const rows of chunk) {
      if (rows.path !== null && !this.sourcePaths.has(rows.path)) {
        this.sourcePaths.add(rows.path);
        for (const [name, text] of rows.source) this.file(name).append(text);
      }
      const url = firstWithUrl.get(rows.id)?.url ?? null;
      const hasUrl = this.reportUrl.get(rows.id);
      if (hasUrl !== undefined) {
        if (url && !hasUrl && !this.urlFills.has(rows.id)) this.urlFills.set(rows.id, url);
        continue;
      }
      const first = primary.get(rows.id)!;
      const sourceUrl = first.url ?? url;
      this.reportUrl.set(rows.id, sourceUrl !== null);
      const report = this.file("Report");
      report.append(first.report);
      report.appendText(`,${csvField(sourceUrl, "sourceUrl")},${ingestedAt}\n`);
      for (const [name, text] of rows.files) this.file(name).append(text);
      const shared = sharedRows(rows);
      this.addShared(shared);
      if (shared.contribution) this.countContribution(shared.contribution);
      added++;
    }
    return added;
  }

  /** The shared nodes a report names: the first row of a key makes the node, later ones add aliases. */
  private addShared(rows: SharedRows): void {
    for (const place of rows.places) {
      if (!this.places.has(place.code)) this.places.set(place.code, place);
      if (place.parentCode) this.partOf.add(`${place.code}\u0000${place.parentCode}`);
    }
    for (const e of rows.entities) {
      const known = this.named[e.label];
      const stored = known.get(e.key);
      if (!stored) known.set(e.key, e);
      else for (const alias of e.aliases) if (!stored.aliases.includes(alias)) stored.aliases.push(alias);
    }
    for (const u of rows.unlinked) if (!this.unlinked.has(u.key)) this.unlinked.set(u.key, u);
    for (const w of rows.worksAt) this.worksAt.add(`${w.person}\u0000${w.firm}`);
  }

  private countContribution(c: Contribution): void {
    const chain = `${c.year}\u0000${c.places.join(",")}`;
    for (const program of c.programs) {
      let counted = this.contributions.get(program);
      if (!counted) this.contributions.set(program, (counted = new Map()));
      const known = counted.get(chain);
      if (known) known.reports++;
      else counted.set(chain, { contribution: { programs: [program], year: c.year, places: c.places }, reports: 1 });
    }
  }

  /** Every programme's roll-up nodes, one programme at a time, so that only one programme's sums are in memory. */
  private *rollupRows(): Generator<CsvValue[]> {
    for (const counted of this.contributions.values()) yield* rollupRows(rollupSums(counted));
  }

  get reports(): number {
    return this.reportUrl.size;
  }

  /** URLs that files read after a report's row was written brought it (set after the import). */
  sourceUrlFills(): { id: string; url: string }[] {
    return [...this.urlFills].map(([id, url]) => ({ id, url }));
  }

  /** Resolves once the files have written out what they were handed (so that rows do not pile up in memory). */
  async drained(): Promise<void> {
    await Promise.all([...this.files.values()].map(({ file }) => file.drained()));
  }

  /** Closes every file without finishing them (after an error). */
  async abort(): Promise<void> {
    await Promise.allSettled([...this.files.values()].map(({ file }) => file.close()));
  }

  /** Writes the shared nodes, closes every file and lists them for neo4j-admin. */
  async finish(migrationIds: string[]): Promise<ImportFiles> {
    const write = async (name: string, kind: FileKind, columns: string[], rows: Iterable<CsvValue[]>) => {
      const file = await this.open(name, kind, columns);
      let n = 0;
      for (const row of rows) {
        file.row(row);
        if (++n % 10_000 === 0) await file.drained();
      }
    };
    const nodes = (name: string, columns: string[], rows: Iterable<CsvValue[]>) => write(name, "nodes", columns, rows);
    const relationships = (name: string, columns: string[], rows: Iterable<CsvValue[]>) => write(name, "relationships", columns, rows);
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
    await nodes("ProgramRollup", ROLLUP_COLUMNS, this.rollupRows());
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

interface CountedContribution {
  /** one programme's contribution */
  contribution: Contribution;
  reports: number;
}

/** A programme's roll-up sums, from its counted contributions: each one's rows (rollups.ts) weighted by its reports. */
function rollupSums(counted: Map<string, CountedContribution>): Map<string, RollupRow> {
  const rollups = new Map<string, RollupRow>();
  for (const { contribution, reports } of counted.values()) {
    for (const delta of deltaRows([contribution], 1)) {
      const sum = rollups.get(delta.id);
      if (!sum) {
        rollups.set(delta.id, { row: delta, reports, minYear: delta.minYear, maxYear: delta.maxYear });
        continue;
      }
      sum.reports += reports;
      if (delta.minYear !== null) sum.minYear = sum.minYear === null ? delta.minYear : Math.min(sum.minYear, delta.minYear);
      if (delta.maxYear !== null) sum.maxYear = sum.maxYear === null ? delta.maxYear : Math.max(sum.maxYear, delta.maxYear);
    }
  }
  return rollups;
}

// Numbers the writer sends from JavaScript are stored as floats, counts included.
const ROLLUP_COLUMNS = ["id:ID(ProgramRollup)", "program", "code", "level", "year:double", "reports:double", "firstYear:double", "lastYear:double", ...COUNT_FIELDS.map((f) => `${f}:double`), ...ROLLUP_CODES];

/**
 * The roll-up nodes as the writer leaves them after adding every report: a row's place counts are
 * the rows of that level present at or below it (applyContributions' presence changes, summed).
 */
function* rollupRows(rollups: Map<string, RollupRow>): Generator<CsvValue[]> {
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
  for (const { row, reports, minYear, maxYear } of rollups.values()) {
    if (reports <= 0) continue;
    const p = row.props;
    // A year's row is its own first and last year; the all-years row spans its reports' years.
    const first = p.year > 0 ? p.year : minYear;
    const last = p.year > 0 ? p.year : maxYear;
    const c = counts.get(row.id);
    yield [row.id, p.program, p.code, p.level, p.year, reports, first, last, ...COUNT_FIELDS.map((f) => c?.[f] ?? 0), ...ROLLUP_CODES.map((k) => p[k])];
  }
}
