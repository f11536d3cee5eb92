// Messages between the ingest process and its extraction workers.
import type { ReportExtraction } from "../extract/types.js";

export interface ExtractRequest {
  id: number;
  /** file to read, unless bytes are given */
  path: string;
  display: string;
  bytes?: Uint8Array;
  /** more figures and mentions than this fail the report (see limits.ts) */
  maxFacts: number;
}

export type ExtractResponse =
  | { id: number; ok: true; extraction: ReportExtraction; ms: number }
  | { id: number; ok: false; error: string };
