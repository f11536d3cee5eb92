// Numerals as Chinese reports write them: Arabic (1,234 / 3654.02), Chinese (十二, 两千, 三万五千)
// and the two mixed (1.2万, 7亿).

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that can make up a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿";

/** Value of a magnitude character (万, 亿, 千, 百), or undefined. */
export function magnitudeOf(ch: string): number | undefined {
  return LARGE_UNITS[ch] ?? SMALL_UNITS[ch];
}

/**
 * Value of a Chinese numeral such as 十二, 二十, 一百零五, 两千, 三万五千, 1 亿; null when the
 * string is not a well-formed numeral (e.g. 一一, 十十).
 */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0) return null;
  let total = 0; // completed 亿 groups
  let section = 0; // completed 万 group inside the current 亿 group
  let group = 0; // below 万
  let digit: number | null = null;
  let lastSmallUnit = Infinity; // 十/百/千 must come in decreasing order inside a group
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit !== null && digit !== 0 && DIGITS[ch] !== 0) return null; // two digits in a row
      digit = DIGITS[ch]!;
    } else if (ch in SMALL_UNITS) {
      // a unit without a digit before it counts one of it: 十二, 百余, 千人
      const unit = SMALL_UNITS[ch]!;
      if (unit >= lastSmallUnit) return null;
      lastSmallUnit = unit;
      group += (digit ?? 1) * unit;
      digit = null;
    } else if (ch in LARGE_UNITS) {
      const unit = LARGE_UNITS[ch]!;
      const value = group + (digit ?? 0);
      if (unit === 1e8) {
        total = (total + section + value || 1) * unit;
        section = 0;
      } else {
        section = (section + value || 1) * unit;
      }
      group = 0;
      digit = null;
      lastSmallUnit = Infinity;
    } else {
      return null;
    }
  }
  return total + section + group + (digit ?? 0);
}

/** Value of an Arabic numeral with optional thousands separators: "1,234", "3654.02". */
export function parseArabicNumeral(s: string): number | null {
  const plain = s.replace(/,/g, "");
  if (!/^\d+(?:\.\d+)?$/.test(plain)) return null;
  return Number(plain);
}

export interface NumeralReading {
  /** the value before any trailing magnitude character was split off */
  value: number;
  /** a trailing 万/亿 written after the number (1.2万, 三万), kept apart so amounts can keep it as unit */
  magnitude: string | null;
}

/**
 * Reads a numeral token as found in text: Arabic or Chinese, and splits a trailing 万 or 亿 so that
 * "三万" reads { value: 3, magnitude: "万" } like "3万".
 */
export function readNumeral(token: string): NumeralReading | null {
  if (/^[\d.,]+$/.test(token)) {
    const value = parseArabicNumeral(token);
    return value === null ? null : { value, magnitude: null };
  }
  const last = token[token.length - 1]!;
  const head = token.slice(0, -1);
  // split only a simple trailing magnitude: 三万 → 3 万, 万 → 1 万; 一亿五千万 stays whole
  if (last in LARGE_UNITS && !/[万亿]/.test(head)) {
    const value = head === "" ? 1 : parseChineseNumeral(head);
    return value === null ? null : { value, magnitude: last };
  }
  const value = parseChineseNumeral(token);
  return value === null ? null : { value, magnitude: null };
}

/** A unit written with a counter before what it measures, normalised for comparison (either way of counting, 个 of a duration). */
const UNIT_SPELLINGS: Record<string, string> = {
  "人(次)": "人次",
  "件(次)": "件次",
  "条(次)": "条次",
  "户(次)": "户次",
  "家(次)": "家次",
  "个百分点": "百分点",
  "个工作日": "工作日",
  "个月": "月",
  "个小时": "小时",
};

export interface BaseQuantity {
  baseValue: number;
  baseUnit: string;
}

/**
 * The quantity in its base unit, so that figures compare: a leading 万 or 亿 is multiplied out
 * (5.2 万件 → 52000 件, 3654.02 万元 → 36540200 元) and a unit's spellings are made one (人(次) → 人次).
 */
export function toBase(value: number, unit: string): BaseQuantity {
  const magnitude = unit.length > 1 ? LARGE_UNITS[unit[0]!] : undefined;
  const rest = magnitude ? unit.slice(1) : unit;
  const baseValue = magnitude ? Math.round(value * magnitude * 1e6) / 1e6 : value;
  return { baseValue, baseUnit: UNIT_SPELLINGS[rest] ?? rest };
}
