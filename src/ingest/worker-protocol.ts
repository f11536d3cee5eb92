// Messages between the ingest process and its extraction workers, and the work each message asks for.
import { extractReport } from "../extract/index.js";
import { reportRows, type ReportRows } from "../graph/bulk/report-rows.js";
import type { ReportExtraction } from "../extract/types.js";
import { decodeText } from "../io/decode-text.js";
import { checkHasText, emptySource, type ReportDocument, type ReportFormat } from "../io/document.js";
import { readReportBytes, readReportFile, type ReportSource } from "../io/read-report.js";
import { checkReportFacts, checkReportNumbers } from "./limits.js";

export interface ExtractRequest {
  id: number;
  /** file to read, unless bytes are given */
  path: string;
  display: string;
  bytes?: Uint8Array;
  /** the bytes are a caller's plain text (UTF-8), not a file whose format is to be told */
  plainText?: boolean;
  /** more figures and mentions than this fail the report (see limits.ts) */
  maxFacts: number;
  /** kg import: answer with the report's CSV rows (RowsResponse), not its extraction */
  rows?: boolean;
  /** the URL given with the file (a sidecar .url), which the rows carry */
  url?: string | null;
}

export type ExtractResponse =
  | { id: number; ok: true; extraction: ReportExtraction; text: string; source: ReportSource; ms: number }
  | { id: number; ok: false; error: string };

export type RowsResponse =
  | { id: number; ok: true; rows: ReportRows; format: ReportFormat; ms: number; rowsMs: number }
  /** fatal: the rows could not be made (a fault of the bulk path, not of the report) */
  | { id: number; ok: false; error: string; fatal?: boolean };

async function read(request: ExtractRequest): Promise<ReportDocument> {
  if (!request.bytes) return readReportFile(request.path, request.display);
  if (!request.plainText) return readReportBytes(request.bytes, request.display);
  const { text, encoding } = decodeText(request.bytes, request.display);
  return { text: checkHasText(text, request.display), source: { ...emptySource("text"), encoding } };
}

/** Reads (any format), checks and extracts one report; a failure becomes a one-line error naming it. */
export async function extractOne(request: ExtractRequest): Promise<ExtractResponse> {
  const started = performance.now();
  try {
    const document = await read(request);
    checkReportNumbers(document.text, request.maxFacts, request.display);
    const extraction = extractReport(document.text);
    checkReportFacts(extraction, request.maxFacts, request.display);
    return { id: request.id, ok: true, extraction, text: document.text, source: document.source, ms: performance.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { id: request.id, ok: false, error: message.startsWith(request.display) ? message : `${request.display}: ${message}` };
  }
}

/** Extracts one report and makes its rows for the bulk import's CSV files (report-rows.ts). */
export async function rowsOfOne(request: ExtractRequest): Promise<RowsResponse> {
  const extracted = await extractOne(request);
  if (!extracted.ok) return extracted;
  const started = performance.now();
  try {
    const provenance = { ...extracted.source, path: request.path, url: request.url ?? null };
    const rows = reportRows({ extraction: extracted.extraction, source: request.path, text: extracted.text, provenance });
    return { id: request.id, ok: true, rows, format: extracted.source.format, ms: extracted.ms, rowsMs: performance.now() - started };
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error), fatal: true };
  }
}
