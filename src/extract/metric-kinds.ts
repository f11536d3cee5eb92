// The kinds of figure reports commonly state (data/metric-kinds.json): 法律咨询, 行政复议 cases,
// 出庭应诉率 … A figure takes the kind whose signal phrase its key contains, among the kinds its
// base unit fits (a rate is in %, a count in one of its units). A Chinese noun phrase ends in its
// head, so the signal that ends last wins (对重大行政决策开展合法性审查 counts reviews, not
// decisions), then the longest (调解成功率 over 成功率), then the catalogue's order.
import { readFileSync } from "node:fs";

export type MetricMeasure = "count" | "rate";

export interface MetricKind {
  id: string;
  label: string;
  /** count: summed across places (amounts of money included); rate: a percentage, never summed */
  measure: MetricMeasure;
  /** phrases a figure's key phrase contains when it is of this kind */
  signals: string[];
  /** the base units a count may have (a rate is always %) */
  units?: string[];
}

const RATE_UNIT = "%";

export const METRIC_KINDS: readonly MetricKind[] = (
  JSON.parse(readFileSync(new URL("../../data/metric-kinds.json", import.meta.url), "utf8")) as { kinds: MetricKind[] }
).kinds;

const BY_ID = new Map(METRIC_KINDS.map((k) => [k.id, k]));

/** Signals by first character, longest first (catalogue order among equals): a key is read once, trying only these. */
const SIGNALS_BY_FIRST = new Map<string, { signal: string; kind: MetricKind }[]>();
for (const entry of METRIC_KINDS.flatMap((kind, order) => kind.signals.map((signal) => ({ signal, kind, order }))).sort(
  (a, b) => b.signal.length - a.signal.length || a.order - b.order,
)) {
  const list = SIGNALS_BY_FIRST.get(entry.signal[0]!) ?? [];
  list.push(entry);
  SIGNALS_BY_FIRST.set(entry.signal[0]!, list);
}

function unitFits(kind: MetricKind, baseUnit: string): boolean {
  return kind.measure === "rate" ? baseUnit === RATE_UNIT : baseUnit !== RATE_UNIT && (!kind.units || kind.units.includes(baseUnit));
}

/** The id of the kind a figure with this key phrase and base unit is, or null. */
export function kindOfMetric(key: string, baseUnit: string): string | null {
  let best: MetricKind | null = null;
  let bestEnd = -1;
  let bestLength = 0;
  for (let at = 0; at < key.length; at++) {
    for (const { signal, kind } of SIGNALS_BY_FIRST.get(key[at]!) ?? []) {
      const end = at + signal.length;
      // ends further on, or as far and longer (longest first: the first of equals is kept)
      if (end < bestEnd || (end === bestEnd && signal.length <= bestLength)) continue;
      if (!key.startsWith(signal, at) || !unitFits(kind, baseUnit)) continue;
      (best = kind), (bestEnd = end), (bestLength = signal.length);
    }
  }
  return best?.id ?? null;
}

export function metricKindById(id: string): MetricKind | undefined {
  return BY_ID.get(id);
}

/**
 * The kinds a question names: its id or label, or a signal phrase written as the question
 * (出庭应诉率 names the rate, 法律咨询 the count). Empty when it names none: the caller then
 * compares by key phrase.
 */
export function kindsNamed(text: string): MetricKind[] {
  const t = text.trim();
  const exact = BY_ID.get(t) ?? METRIC_KINDS.find((k) => k.label === t);
  if (exact) return [exact];
  return METRIC_KINDS.filter((k) => k.signals.includes(t));
}
