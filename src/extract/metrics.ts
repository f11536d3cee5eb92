// Stated figures about the reporting body's work: key phrase, value, unit, qualifier.
import type { Metric } from "./types.js";
import type { ReportText } from "./text.js";

/** Metrics without year and subject; the caller fills those from the report. */
export type RawMetric = Omit<Metric, "year" | "subject"> & { year?: number | null };

export function extractMetrics(doc: ReportText): RawMetric[] {
  void doc;
  return [];
}
