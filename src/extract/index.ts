// text → ReportExtraction: the one entry point of the extractor. Pure: no I/O beyond the
// extractor's own data files, loaded once.
import { createHash } from "node:crypto";
import { prepareText } from "./text.js";
import { readReportMeta } from "./report-meta.js";
import { extractPlaces } from "./places.js";
import { extractPrograms } from "./programs.js";
import { extractLaws } from "./laws.js";
import { extractFirmsAndPeople } from "./firms.js";
import { extractMetrics } from "./metrics.js";
import type { ReportExtraction } from "./types.js";

export type * from "./types.js";

export function extractReport(rawText: string): ReportExtraction {
  const doc = prepareText(rawText);
  const meta = readReportMeta(doc);
  const places = extractPlaces(doc, meta);
  const firms = extractFirmsAndPeople(doc);
  const subjectCode = places.subject?.code ?? null;
  const metrics = extractMetrics(doc).map((m) => ({ ...m, year: m.year ?? meta.year, subject: subjectCode }));
  return {
    textHash: createHash("sha256").update(doc.text).digest("hex"),
    textLength: doc.text.length,
    report: {
      title: meta.title,
      year: meta.year,
      subject: places.subject,
      publisher: meta.publisher,
      publishedAt: meta.publishedAt,
    },
    entities: [...places.entities, ...firms.entities, ...extractPrograms(doc), ...extractLaws(doc)],
    metrics,
    advises: firms.advisers.map((a) => ({ ...a, jurisdiction: subjectCode })),
    sentences: doc.sentences,
  };
}
