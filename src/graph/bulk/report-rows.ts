// One report's share of the bulk import's CSV files, made where the report is extracted (a worker
// thread), so that the main thread only appends text and keeps each shared node once.
//
// A report's own rows (the report, its figures, its mentions, its advice, the file it was read
// from) are CSV text here already. The shared nodes it names (places, programmes, laws, firms,
// people, unlinked places) and its roll-up contribution come back as small records (SharedRows): which of them
// makes the node is decided in the main thread, where the first row of a key wins, as a MERGE does.
// The rows come from the writer's own row model (GraphBatch, rows.ts), so the rules of the graph
// live in one place.
import { GraphBatch, NAMED_LABELS, type EntityRow, type JurisdictionRow, type MentionRow, type NamedLabel, type UnlinkedPlaceRow } from "../rows.js";
import { contributionsOfBatch, type Contribution } from "../rollups.js";
import { provenanceProps } from "../provenance.js";
import type { ReportInput } from "../writer.js";
import { CsvLines, packCsv, type CsvBytes, type CsvText, type CsvValue } from "./csv.js";

export type FileKind = "nodes" | "relationships";

// Report properties as the writer sets them (ReportRow.props, provenance, ingestedAt). A property
// the row model gains and this list lacks stops the import (see checkColumns), rather than vanish.
// sourceUrl and ingestedAt come last: the main thread adds them (see ReportRows.report).
const REPORT_NUMBERS = ["year", "textLength"];
const REPORT_STRINGS = [
  "title", "publishedAt", "publisher", "subjectCode", "subjectName", "provinceCode", "cityCode", "districtCode", "townshipCode",
  "text", "sourcePath", "sourceFormat", "sourceEncoding", "sourceTitle", "sourcePublishedAt", "sourceCanonicalUrl",
];
const REPORT_PROPS = [...REPORT_NUMBERS, ...REPORT_STRINGS];
const REPORT_OPEN_COLUMNS = ["sourceUrl", "ingestedAt:datetime"];

// A figure's properties (MetricRow but its report-side fields, subject and id).
const METRIC_NUMBERS = ["value", "baseValue", "year", "start", "end"];
const METRIC_STRINGS = ["key", "unit", "baseUnit", "kind", "qualifier", "sentence"];
const METRIC_PROPS = [...METRIC_NUMBERS, ...METRIC_STRINGS];

const MENTIONED = ["Jurisdiction", ...NAMED_LABELS, "UnlinkedPlace"] as const;
// As the writer's: the last three order an entity's reports newest first (009_mention_order.cypher).
const MENTION_COLUMNS = ["count:double", "sentences:string[]", "starts:double[]", "ends:double[]", "target", "newest:double", "report"];
const mentionValues = (m: MentionRow, target: string, year: number | null): CsvValue[] => [m.count, m.sentences, m.starts, m.ends, target, -(year ?? 0), m.report];

// What a Source keeps of the file read from its path (provenance.ts records the same).
const SOURCE_COLUMNS = ["path:ID(Source)", "format", "encoding", "title", "publishedAt", "canonicalUrl", "url"];

/** The files every report writes rows to, with their headers. A file of one relationship type per end label is named TYPE-LABEL. */
export const REPORT_FILES: Record<string, { kind: FileKind; columns: string[] }> = {
  Report: { kind: "nodes", columns: ["id:ID(Report)", ...REPORT_NUMBERS.map((p) => `${p}:double`), ...REPORT_STRINGS, ...REPORT_OPEN_COLUMNS] },
  Metric: { kind: "nodes", columns: ["id:ID(Metric)", ...METRIC_NUMBERS.map((p) => `${p}:double`), ...METRIC_STRINGS] },
  ...Object.fromEntries(
    MENTIONED.map((label) => [`MENTIONS-${label}`, { kind: "relationships", columns: [":START_ID(Report)", `:END_ID(${label})`, ...MENTION_COLUMNS] }]),
  ),
  ABOUT: { kind: "relationships", columns: [":START_ID(Report)", ":END_ID(Jurisdiction)"] },
  STATES: { kind: "relationships", columns: [":START_ID(Report)", ":END_ID(Metric)"] },
  "OF-Metric": { kind: "relationships", columns: [":START_ID(Metric)", ":END_ID(Jurisdiction)"] },
  ADVISES: { kind: "relationships", columns: [":START_ID(LawFirm)", ":END_ID(Jurisdiction)", "report", "year:double"] },
  Source: { kind: "nodes", columns: SOURCE_COLUMNS },
  "OF-Source": { kind: "relationships", columns: [":START_ID(Source)", ":END_ID(Report)"] },
};

/** A named entity as the first report naming it makes it (its mentions are CSV rows already). */
export type EntityNode = Omit<EntityRow, "mentions"> & { label: NamedLabel };
export type PlaceNode = Omit<JurisdictionRow, "mentions">;
export type UnlinkedPlaceNode = Omit<UnlinkedPlaceRow, "mentions">;

export interface ReportRows {
  /** the report's id (the hash of its text) */
  id: string;
  /** the file it was read from, and the URL given with that file */
  path: string | null;
  url: string | null;
  /** the Report row but its last two fields, sourceUrl and ingestedAt: which file's URL a Report takes depends on the other files of its text */
  report: CsvBytes;
  /** the report's other rows, by file (REPORT_FILES); empty files left out */
  files: [string, CsvBytes][];
  /** the Source node of the file and its OF relationship: written for every file, also one whose text was read before */
  source: [string, CsvBytes][];
  /** SharedRows as JSON: one string crosses to another thread much faster than many small objects */
  shared: string;
}

/** What a report names that other reports may name too: the main thread keeps each key once. */
export interface SharedRows {
  places: PlaceNode[];
  entities: EntityNode[];
  unlinked: UnlinkedPlaceNode[];
  worksAt: { person: string; firm: string }[];
  /** what the report adds to the programme roll-ups, if it names a programme */
  contribution: Contribution | null;
}

export const sharedRows = (rows: ReportRows): SharedRows => JSON.parse(rows.shared) as SharedRows;

function checkColumns(what: string, actual: string[], expected: string[]): void {
  const missing = actual.filter((k) => !expected.includes(k));
  if (missing.length) throw new Error(`bulk import: the ${what} rows have properties the bulk path does not write: ${missing.join(", ")} (src/graph/bulk/report-rows.ts)`);
}

const lines = (file: string) => new CsvLines(REPORT_FILES[file]!.columns, file);

/** The rows of one report, as the writer would write it into an empty graph. */
export function reportRows(input: ReportInput): ReportRows {
  const batch = new GraphBatch();
  batch.add(input.extraction, input.source);
  const [row] = batch.reports();
  const id = row!.id;
  const files = new Map<string, CsvLines>();
  const file = (name: string) => {
    let f = files.get(name);
    if (!f) files.set(name, (f = lines(name)));
    return f;
  };

  const props: Record<string, unknown> = { ...row!.props, ...provenanceProps(input) };
  delete props.sourceUrl;
  checkColumns("Report", Object.keys(props), REPORT_PROPS);
  const report = lines("Report");
  report.row([id, ...REPORT_PROPS.map((p) => props[p] as CsvValue)], REPORT_OPEN_COLUMNS.length);

  const year = row!.props.year;
  const mentions = (label: string, target: string, of: MentionRow[]) => {
    for (const m of of) file(`MENTIONS-${label}`).row([m.report, target, ...mentionValues(m, target, year)]);
  };
  const places = batch.jurisdictions();
  for (const place of places) mentions("Jurisdiction", place.code, place.mentions);
  const entities: EntityNode[] = [];
  for (const label of NAMED_LABELS) {
    for (const { mentions: of, ...entity } of batch.entities(label)) {
      entities.push({ ...entity, label });
      mentions(label, entity.key, of);
    }
  }
  const unlinked = batch.unlinkedPlaces();
  for (const u of unlinked) mentions("UnlinkedPlace", u.key, u.mentions);

  const firms = new Set(batch.entities("LawFirm").map((f) => f.key));
  for (const facts of batch.reportFacts()) {
    if (facts.subject) file("ABOUT").row([facts.id, facts.subject]);
    for (const m of facts.metrics) {
      checkColumns("Metric", Object.keys(m).filter((k) => k !== "id" && k !== "subject"), METRIC_PROPS);
      const metric = m as unknown as Record<string, CsvValue>;
      file("Metric").row([m.id, ...METRIC_PROPS.map((p) => metric[p])]);
      file("STATES").row([facts.id, m.id]);
      if (m.subject) file("OF-Metric").row([m.id, m.subject]);
    }
    // MERGE (firm)-[:ADVISES {report}]->(place): once per firm, place and report; the year of the first.
    const advised = new Set<string>();
    for (const a of facts.advises) {
      const key = `${a.firm}\u0000${a.code}`;
      if (advised.has(key) || !firms.has(a.firm)) continue;
      advised.add(key);
      file("ADVISES").row([a.firm, a.code, facts.id, a.year]);
    }
  }

  const source: [string, CsvText][] = [];
  if (input.source) {
    const p = provenanceProps(input);
    const url = input.provenance?.url ?? null;
    const node = lines("Source");
    node.row([input.source, p.sourceFormat, p.sourceEncoding, p.sourceTitle, p.sourcePublishedAt, p.sourceCanonicalUrl, url]);
    const of = lines("OF-Source");
    of.row([input.source, id]);
    source.push(["Source", node], ["OF-Source", of]);
  }

  // All the text in one buffer, which the worker hands over without a copy (see transferList).
  const named = [...files, ...source];
  const [reportBytes, ...bytes] = packCsv([report, ...named.map(([, text]) => text)]);
  const packed = named.map(([name], i): [string, CsvBytes] => [name, bytes[i]!]);
  return {
    id,
    path: input.provenance?.path ?? input.source,
    url: input.provenance?.url ?? null,
    report: reportBytes!,
    files: packed.slice(0, files.size),
    source: packed.slice(files.size),
    shared: JSON.stringify({
      places: places.map(({ mentions: _, ...place }) => place),
      entities,
      unlinked: unlinked.map(({ mentions: _, ...u }) => u),
      worksAt: batch.worksAt(),
      contribution: contributionsOfBatch(batch)[0] ?? null,
    } satisfies SharedRows),
  };
}

/** The buffer to move, not copy, when posting the rows to another thread. */
export const transferList = (rows: ReportRows): ArrayBuffer[] => [rows.report.bytes.buffer as ArrayBuffer];
