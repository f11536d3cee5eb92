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

/** Inputs in listing order (by path; inputs without a path last), so that the same files give the same source however extraction finished. */
function inListingOrder(inputs: ReportInput[]): ReportInput[] {
  return [...inputs].sort((a, b) => {
    const pa = pathOf(a);
    const pb = pathOf(b);
    return pa === pb ? 0 : pa === null ? 1 : pb === null ? -1 : pa < pb ? -1 : 1;
  });
}

/** Per report id, the input whose file becomes the source of a Report created now. */
export function primaryInputs(inputs: ReportInput[]): Map<string, ReportInput> {
  const primary = new Map<string, ReportInput>();
  for (const input of inListingOrder(inputs)) if (!primary.has(input.extraction.textHash)) primary.set(input.extraction.textHash, input);
  return primary;
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
RETURN count(*) AS changed`;

/**
 * Applies this batch's files and URLs to the source of Reports that already existed or that
 * several inputs of the batch read to (see the rules above). Returns how many updates were made.
 */
export async function refreshSources(tx: ManagedTransaction, inputs: ReportInput[]): Promise<number> {
  const rows = inListingOrder(inputs)
    .filter((input) => pathOf(input) !== null || input.provenance?.url)
    .map((input) => ({ id: input.extraction.textHash, file: fileProps(input), url: input.provenance?.url ?? null }));
  if (!rows.length) return 0;
  const result = await tx.run(REFRESH_SOURCES, { rows });
  return result.records[0]?.get("changed") as number;
}
