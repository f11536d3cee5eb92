import { describe, expect, it } from "vitest";
import { parseArabicNumeral, parseChineseNumeral, readNumeral, toBase } from "../../src/extract/numbers.js";

describe("parseChineseNumeral", () => {
  it.each([
    ["三", 3],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["一百零五", 105],
    ["两千", 2000],
    ["三万五千", 35000],
    ["十万", 100000],
    ["一亿", 100000000],
    ["三亿五千万", 350000000],
    ["百", 100],
    ["千", 1000],
  ])("%s → %d", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each(["", "一一", "百千", "十十", "三x"])("rejects %s", (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });
});

describe("parseArabicNumeral", () => {
  it("reads decimals and thousands separators", () => {
    expect(parseArabicNumeral("3654.02")).toBe(3654.02);
    expect(parseArabicNumeral("12,480")).toBe(12480);
    expect(parseArabicNumeral("1.2.3")).toBeNull();
  });
});

describe("readNumeral", () => {
  it("splits a trailing 万 or 亿 so amounts can keep it in their unit", () => {
    expect(readNumeral("三万")).toEqual({ value: 3, magnitude: "万" });
    expect(readNumeral("十五亿")).toEqual({ value: 15, magnitude: "亿" });
    expect(readNumeral("万")).toEqual({ value: 1, magnitude: "万" });
  });

  it("keeps numerals with an inner magnitude whole", () => {
    expect(readNumeral("三万五千")).toEqual({ value: 35000, magnitude: null });
    expect(readNumeral("一亿五千万")).toEqual({ value: 150000000, magnitude: null });
  });

  it("reads Arabic tokens", () => {
    expect(readNumeral("278")).toEqual({ value: 278, magnitude: null });
    expect(readNumeral("99.5")).toEqual({ value: 99.5, magnitude: null });
  });
});

describe("toBase", () => {
  it("multiplies a leading 万 or 亿 out of the unit", () => {
    expect(toBase(5.2, "万件")).toEqual({ baseValue: 52000, baseUnit: "件" });
    expect(toBase(3654.02, "万元")).toEqual({ baseValue: 36540200, baseUnit: "元" });
    expect(toBase(1.5, "亿元")).toEqual({ baseValue: 150000000, baseUnit: "元" });
  });

  it("makes a unit's spellings one and leaves other units alone", () => {
    expect(toBase(320, "人(次)")).toEqual({ baseValue: 320, baseUnit: "人次" });
    expect(toBase(3, "个工作日")).toEqual({ baseValue: 3, baseUnit: "工作日" });
    expect(toBase(98.5, "%")).toEqual({ baseValue: 98.5, baseUnit: "%" });
    expect(toBase(12, "件")).toEqual({ baseValue: 12, baseUnit: "件" });
    // 万 alone is not a magnitude before a unit
    expect(toBase(2, "万")).toEqual({ baseValue: 2, baseUnit: "万" });
  });
});
