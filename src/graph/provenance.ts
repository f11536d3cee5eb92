// Where a Report can be found: the file it was read from (path, format, encoding, title …) and
// the URL it was published at, kept on the Report node and shown by the API as Report.source.
//
// The same text may arrive from several files and with several URLs, now or in later ingests:
// - the Report keeps the file it was first read from (the first in listing order, when several
//   arrive in one batch) as long as that file still holds this text; once that path leads to
//   another text, or to none, the next file bringing this text becomes its source;
// - its URL is its source file's URL: a new URL given for that file replaces the old one, and a
//   URL arriving with another file of the same text is taken when the Report has none;
// - nothing else changes it: the same text from the same place, or a file without a URL, writes nothing.
// Each Source node keeps what was read from its file (format, encoding, title …, url), so that a
// Report whose file now holds another text can fall back on another file still holding its text.
import type { ManagedTransaction } from "neo4j-driver";
import type { ReportInput } from "./writer.js";

/** The Report's own copy of its text and of the file it was read from. */
export function provenanceProps(input: ReportInput | undefined): Record<string, string | null> {
  return { text: input?.text ?? null, ...fileProps(input), sourceUrl: input?.provenance?.url ?? null };
}

function fileProps(input: ReportInput | undefined): Record<string, string | null> {
  const p = input?.provenance;
  return {
    sourcePath: p?.path ?? input?.source ?? null,
    sourceFormat: p?.format ?? null,
    sourceEncoding: p?.encoding ?? null,
    sourceTitle: p?.title ?? null,
    sourcePublishedAt: p?.publishedAt ?? null,
    sourceCanonicalUrl: p?.canonicalUrl ?? null,
  };
}

const pathOf = (input: ReportInput) => input.provenance?.path ?? input.source;

/** Items in listing order (by path; items without a path last), so that the same files give the same source however extraction finished. */
function inListingOrder<T>(items: T[], path: (item: T) => string | null): T[] {
  return [...items].sort((a, b) => {
    const pa = path(a);
    const pb = path(b);
    return pa === pb ? 0 : pa === null ? 1 : pb === null ? -1 : pa < pb ? -1 : 1;
  });
}

/** Per report id, the first item in listing order: the one whose file a Report created now keeps. */
export function firstPerReport<T>(items: T[], id: (item: T) => string, path: (item: T) => string | null): Map<string, T> {
  const first = new Map<string, T>();
  for (const item of inListingOrder(items, path)) if (!first.has(id(item))) first.set(id(item), item);
  return first;
}

/** Per report id, the input whose file becomes the source of a Report created now. */
export function primaryInputs(inputs: ReportInput[]): Map<string, ReportInput> {
  return firstPerReport(inputs, (input) => input.extraction.textHash, pathOf);
}

// Row by row in listing order, so that a report's first file to take over is the one kept.
const REFRESH_SOURCES = `
UNWIND $rows AS row
MATCH (r:Report {id: row.id})
WITH r, row,
     r.sourcePath IS NULL OR NOT EXISTS { MATCH (:Source {path: r.sourcePath})-[:OF]->(r) } AS sourceLost
WITH r, row,
     sourceLost AND row.file.sourcePath IS NOT NULL AND row.file.sourcePath <> coalesce(r.sourcePath, '') AS takeOver
WITH r, row, takeOver,
     row.url IS NOT NULL AND row.url <> coalesce(r.sourceUrl, '')
       AND (takeOver OR row.file.sourcePath = r.sourcePath OR r.sourceUrl IS NULL) AS newUrl
WHERE takeOver OR newUrl
SET r += CASE WHEN takeOver THEN row.file ELSE {} END,
    r.sourceUrl = CASE WHEN newUrl THEN row.url ELSE r.sourceUrl END
RETURN collect(row.at) AS inputs`;

// What each file read in this batch was, kept on its Source; written only when it differs.
const RECORD_FILES = `
UNWIND $rows AS row
MATCH (s:Source {path: row.path})
WITH s, row, coalesce(row.url, s.url) AS url
WHERE s.format IS NULL OR s.format <> row.file.sourceFormat
   OR coalesce(s.encoding, '') <> coalesce(row.file.sourceEncoding, '') OR coalesce(s.title, '') <> coalesce(row.file.sourceTitle, '')
   OR coalesce(s.publishedAt, '') <> coalesce(row.file.sourcePublishedAt, '') OR coalesce(s.canonicalUrl, '') <> coalesce(row.file.sourceCanonicalUrl, '')
   OR coalesce(s.url, '') <> coalesce(url, '')
SET s.format = row.file.sourceFormat, s.encoding = row.file.sourceEncoding, s.title = row.file.sourceTitle,
    s.publishedAt = row.file.sourcePublishedAt, s.canonicalUrl = row.file.sourceCanonicalUrl, s.url = url`;

// Reports that lost a file in this batch (its path now holds another text) and whose source was
// that file: the first file still holding their text becomes the source (its recorded format
// and the rest, when recorded; files read before these were kept give their path only).
const FALL_BACK = `
UNWIND $ids AS id
MATCH (r:Report {id: id})
WHERE r.sourcePath IS NOT NULL AND NOT EXISTS { MATCH (:Source {path: r.sourcePath})-[:OF]->(r) }
CALL (r) {
  MATCH (s:Source)-[:OF]->(r)
  RETURN s ORDER BY s.path LIMIT 1
}
SET r.sourcePath = s.path,
    r += CASE WHEN s.format IS NULL THEN {} ELSE {sourceFormat: s.format, sourceEncoding: s.encoding, sourceTitle: s.title,
      sourcePublishedAt: s.publishedAt, sourceCanonicalUrl: s.canonicalUrl} END,
    r.sourceUrl = coalesce(s.url, r.sourceUrl)
RETURN count(*) AS changed`;

export interface SourcesRefreshed {
  /** positions in the batch of the inputs whose file or URL became their Report's source */
  inputs: Set<number>;
  /** how many Reports' sources changed, those of the inputs and those that fell back on another file */
  changed: number;
}

/**
 * Applies this batch's files and URLs to the source of Reports that already existed or that
 * several inputs of the batch read to, and of those that lost a file (`lostFile`: ids of reports
 * a file of this batch no longer holds, still in the graph).
 */
export async function refreshSources(tx: ManagedTransaction, inputs: ReportInput[], lostFile: string[]): Promise<SourcesRefreshed> {
  const at = new Map(inputs.map((input, i) => [input, i]));
  const rows = inListingOrder(inputs, pathOf)
    .filter((input) => pathOf(input) !== null || input.provenance?.url)
    .map((input) => ({ at: at.get(input)!, id: input.extraction.textHash, file: fileProps(input), url: input.provenance?.url ?? null }));
  const tracked = inputs
    .filter((input) => input.source !== null)
    .map((input) => ({ path: input.source, file: fileProps(input), url: input.provenance?.url ?? null }));
  if (tracked.length) await tx.run(RECORD_FILES, { rows: tracked });
  const refreshed: SourcesRefreshed = { inputs: new Set(), changed: 0 };
  if (rows.length) {
    const changedInputs = ((await tx.run(REFRESH_SOURCES, { rows })).records[0]?.get("inputs") ?? []) as unknown[];
    for (const i of changedInputs) refreshed.inputs.add(Number(i));
    refreshed.changed += changedInputs.length;
  }
  if (lostFile.length) refreshed.changed += Number((await tx.run(FALL_BACK, { ids: lostFile })).records[0]?.get("changed") ?? 0);
  return refreshed;
}
