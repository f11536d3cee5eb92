// What every reader returns: the report's text and where it came from. The extractor sees only the text.

export type ReportFormat = "text" | "html" | "pdf" | "docx";
export const REPORT_FORMATS: readonly ReportFormat[] = ["text", "html", "pdf", "docx"];

export interface ReportSource {
  /** the file read (absolute path or a caller's name); null: none */
  path: string | null;
  /** where the report was published, when known (--source-url, a NAME.url file, or the caller) */
  url: string | null;
  format: ReportFormat;
  /** the character encoding the bytes were decoded from (text and HTML); null for PDF and DOCX */
  encoding: string | null;
  /** the document's own title (HTML <title>, PDF or DOCX properties), when it has one */
  title: string | null;
  /** HTML only: the page's <meta> publication date, yyyy-mm-dd */
  publishedAt: string | null;
  /** HTML only: the page's canonical URL */
  canonicalUrl: string | null;
}

export interface ReportDocument {
  text: string;
  source: ReportSource;
  /** PDF only: the number of pages read */
  pages?: number;
}

export class ReportInputError extends Error {
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = "ReportInputError";
  }
}

/** Larger inputs are refused rather than risking the process's memory. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

export function emptySource(format: ReportFormat): ReportSource {
  return { path: null, url: null, format, encoding: null, title: null, publishedAt: null, canonicalUrl: null };
}

/** Refuses text with nothing to extract, so every format fails the same way. */
export function checkHasText(text: string, name: string): string {
  if (text.trim() === "") throw new ReportInputError(name, "no text (only whitespace)");
  return text;
}
