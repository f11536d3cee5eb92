// Report metadata read from the text: title, year reported on, publisher, publication date.
// The subject jurisdiction is resolved by places.ts, which knows the division list.
import type { ReportText } from "./text.js";

export interface RawReportMeta {
  title: string | null;
  /** offsets of the title in the text, for resolving the subject */
  titleSpan: { start: number; end: number } | null;
  year: number | null;
  publisher: string | null;
  publisherSpan: { start: number; end: number } | null;
  publishedAt: string | null;
}

export function readReportMeta(doc: ReportText): RawReportMeta {
  void doc;
  return { title: null, titleSpan: null, year: null, publisher: null, publisherSpan: null, publishedAt: null };
}
