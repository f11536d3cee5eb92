// The rows of compareMetrics, from the figures read: one row per compared place, year and base
// unit. Pure, so that the grouping and the sums are tested without a database.
//
// A row never mixes base units: a place and year with figures in two units (件 and 人次) gets two
// rows, each flagged mixedUnits. Counts are summed (in the base unit: 1.2 万件 adds 12000); rates
// are only listed. For a city or district, the figures of the places within it are listed per
// place, and summed over the places nearest to it that state the figure (a township's count is
// part of its district's, when both state one: it is listed, not added twice). Likewise a figure
// stated as part of another (其中 …) is listed but not summed.
import { isBelow } from "../extract/divisions.js";
import { isStatedAsPart } from "../extract/sub-figures.js";
import type { ComparedMetric } from "../graph/read/metrics.js";
import type { MetricRecord } from "../graph/read/records.js";

export type Measure = "count" | "rate";

export interface PlaceFigures {
  code: string;
  metrics: MetricRecord[];
  /** counts: the sum of baseValue over the figures not stated as part of another; null for rates or when all are */
  total: number | null;
  /** false when a place between it and the compared one states the figure too (its sum holds this one's) */
  inTotal: boolean;
}

export interface ComparisonRowData {
  code: string;
  year: number | null;
  /** null when the place and year have no figures */
  baseUnit: string | null;
  measure: Measure | null;
  /** the place and year have figures in more than one base unit: this row holds one of them */
  mixedUnits: boolean;
  metrics: MetricRecord[];
  total: number | null;
  within: PlaceFigures[];
  withinTotal: number | null;
  /** a summed figure was stated as about or over (约, 余): the sum is no exact count */
  approximate: boolean;
}

const RATE_UNIT = "%";

export const measureOf = (baseUnit: string): Measure => (baseUnit === RATE_UNIT ? "rate" : "count");

const sum = (metrics: MetricRecord[]) => Math.round(metrics.reduce((n, m) => n + m.baseValue, 0) * 1e6) / 1e6;

/** 其中 …: a figure stated as part of one before it, which a sum would count twice. */
const isPart = (m: MetricRecord) => isStatedAsPart(m.sentence, m.key, `${m.value}${m.unit}`);

/** The figures a sum adds: all but those stated as part of another. */
const summable = (metrics: MetricRecord[]) => metrics.filter((m) => !isPart(m));

/** The sum of the summable figures; null when there are none. */
function countTotal(metrics: MetricRecord[]): number | null {
  const added = summable(metrics);
  return added.length ? sum(added) : null;
}

/** Units by how many figures have them, then by name: the row order within a place and year. */
function unitsOf(figures: MetricRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const m of figures) counts.set(m.baseUnit, (counts.get(m.baseUnit) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
}

/** The places within, each with its figures, largest total first; inTotal for those no place between states the figure over. */
function rollUp(figures: MetricRecord[], measure: Measure): PlaceFigures[] {
  const byPlace = new Map<string, MetricRecord[]>();
  for (const m of figures) {
    const code = m.jurisdictionCode!;
    byPlace.set(code, [...(byPlace.get(code) ?? []), m]);
  }
  const codes = [...byPlace.keys()].sort();
  const places = codes.map((code) => ({
    code,
    metrics: byPlace.get(code)!,
    total: measure === "count" ? countTotal(byPlace.get(code)!) : null,
    inTotal: !codes.some((other) => isBelow(code, other)),
  }));
  // largest totals first (the API lists the first few); rates and equal totals in code order
  return places.sort((a, b) => (b.total ?? 0) - (a.total ?? 0) || (a.code < b.code ? -1 : 1));
}

/**
 * One row per compared place (in the order given), year (those asked for, else those found) and
 * base unit (the units with most figures first, at most maxUnitsPerYear of them; mixedUnits says
 * there were several). `figures` holds the places' own figures and, under `asked`, those of places within.
 */
export function comparisonRows(
  codes: string[],
  years: (number | null)[] | null,
  figures: ComparedMetric[],
  maxUnitsPerYear = Infinity,
): ComparisonRowData[] {
  const rows: ComparisonRowData[] = [];
  for (const code of codes) {
    const mine = figures.filter((m) => m.asked === code);
    const wanted = years ?? [...new Set(mine.map((m) => m.year))].sort((a, b) => (a ?? 0) - (b ?? 0));
    for (const year of wanted) {
      const ofYear = mine.filter((m) => m.year === year);
      const units = unitsOf(ofYear);
      if (units.length === 0) {
        rows.push({ code, year, baseUnit: null, measure: null, mixedUnits: false, metrics: [], total: null, within: [], withinTotal: null, approximate: false });
        continue;
      }
      for (const baseUnit of units.slice(0, maxUnitsPerYear)) {
        const inUnit = ofYear.filter((m) => m.baseUnit === baseUnit);
        const own = inUnit.filter((m) => m.jurisdictionCode === code);
        const measure = measureOf(baseUnit);
        const within = rollUp(
          inUnit.filter((m) => m.jurisdictionCode !== code),
          measure,
        );
        const counted = within.filter((p) => p.inTotal);
        const summed = summable([...own, ...counted.flatMap((p) => p.metrics)]);
        rows.push({
          code,
          year,
          baseUnit,
          measure,
          mixedUnits: units.length > 1,
          metrics: own,
          total: measure === "count" ? countTotal(own) : null,
          within,
          withinTotal: measure === "count" ? countTotal(counted.flatMap((p) => p.metrics)) : null,
          approximate: measure === "count" && summed.some((m) => m.qualifier !== "exact"),
        });
      }
    }
  }
  return rows;
}
