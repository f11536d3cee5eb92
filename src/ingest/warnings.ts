// What an ingested report left unresolved, said per report so that a user sees which reports
// will be missing from place and year answers (no subject, no year) or carry names without a code.
import type { ReportExtraction } from "../extract/index.js";

export interface ReportWarning {
  source: string;
  /** the writing body could not be linked to one division */
  noSubject: boolean;
  /** the body's name as written, when found but not linked */
  subjectName: string | null;
  noYear: boolean;
  /** place and community names kept without a division code */
  unlinked: string[];
}

export interface WarningCounts {
  reports: number;
  noSubject: number;
  noYear: number;
  unlinkedNames: number;
}

/** The warning for one report, or null when it resolved everything. */
export function reportWarning(source: string, x: ReportExtraction): ReportWarning | null {
  const noSubject = !x.report.subject?.code;
  const noYear = x.report.year === null;
  const unlinked = x.entities.filter((e) => (e.type === "Jurisdiction" || e.type === "Community") && !e.code).map((e) => e.name);
  if (!noSubject && !noYear && unlinked.length === 0) return null;
  return { source, noSubject, subjectName: noSubject ? x.report.subjectName : null, noYear, unlinked };
}

export function countWarnings(warnings: ReportWarning[]): WarningCounts {
  return {
    reports: warnings.length,
    noSubject: warnings.filter((w) => w.noSubject).length,
    noYear: warnings.filter((w) => w.noYear).length,
    unlinkedNames: warnings.reduce((n, w) => n + w.unlinked.length, 0),
  };
}

/** One line: `source: no subject (东湖街道 not resolved); no year; unlinked: 新华社区, 城关镇`. */
export function formatWarning(w: ReportWarning): string {
  const parts: string[] = [];
  if (w.noSubject) parts.push(w.subjectName ? `no subject (${w.subjectName} could not be resolved to one place)` : "no subject");
  if (w.noYear) parts.push("no year");
  if (w.unlinked.length) parts.push(`unlinked: ${w.unlinked.join(", ")}`);
  return `${w.source}: ${parts.join("; ")}`;
}
