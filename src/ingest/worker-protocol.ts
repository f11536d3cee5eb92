// Messages between the ingest process and its extraction workers.
import { extractReport } from "../extract/index.js";
import type { ReportExtraction } from "../extract/types.js";
import { readReportBytes, readReportFile, type ReportSource } from "../io/read-report.js";

export interface ExtractRequest {
  id: number;
  /** file to read, unless bytes are given */
  path: string;
  display: string;
  bytes?: Uint8Array;
}

export type ExtractResponse =
  | { id: number; ok: true; extraction: ReportExtraction; text: string; source: ReportSource; ms: number }
  | { id: number; ok: false; error: string };

/** Reads (any format) and extracts one report; a failure becomes a one-line error naming the file. */
export async function extractOne(request: ExtractRequest): Promise<ExtractResponse> {
  const started = performance.now();
  try {
    const document = request.bytes ? await readReportBytes(request.bytes, request.display) : await readReportFile(request.path, request.display);
    const extraction = extractReport(document.text);
    return { id: request.id, ok: true, extraction, text: document.text, source: document.source, ms: performance.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { id: request.id, ok: false, error: message.startsWith(request.display) ? message : `${request.display}: ${message}` };
  }
}
