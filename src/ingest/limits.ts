// How much one report and one write transaction may hold, so that no input can exhaust
// Neo4j's heap: a report over the limit fails alone with its reason; batches are cut by size.
import type { ReportExtraction } from "../extract/types.js";
import { ReportInputError } from "../io/read-report.js";

/** Default of KG_MAX_FACTS_PER_REPORT. */
export const DEFAULT_MAX_FACTS = 20_000;

/** A write transaction carries at most about this many facts (several reports' worth). */
export const MAX_BATCH_FACTS = 50_000;

/** Figures, mentions and advice links: what writing a report creates, row by row. */
export function reportFacts(x: ReportExtraction): number {
  let facts = x.metrics.length + x.advises.length;
  for (const entity of x.entities) facts += entity.mentions.length;
  return facts;
}

/**
 * Before extracting: a text with more numbers (runs of digits) than `max` would give more
 * figures than allowed, so it is refused without spending the time and memory to extract it.
 */
export function checkReportNumbers(text: string, max: number, source: string): void {
  let numbers = 0;
  for (const _ of text.matchAll(/[0-9０-９]+/g)) {
    if (++numbers > max) {
      throw new ReportInputError(source, `too many figures for one report (more than ${max} numbers; the limit is ${max}, KG_MAX_FACTS_PER_REPORT)`);
    }
  }
}

/** Refuses a report with more facts than `max`, naming the source. */
export function checkReportFacts(x: ReportExtraction, max: number, source: string): void {
  const facts = reportFacts(x);
  if (facts > max) {
    throw new ReportInputError(
      source,
      `too many facts for one report (${x.metrics.length} figures, ${facts} figures and mentions in all; the limit is ${max}, KG_MAX_FACTS_PER_REPORT)`,
    );
  }
}
