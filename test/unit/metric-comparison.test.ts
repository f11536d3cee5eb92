import { describe, expect, it } from "vitest";
import { comparisonRows } from "../../src/api/metric-comparison.js";
import { extractReport } from "../../src/extract/index.js";
import { isStatedAsPart } from "../../src/extract/sub-figures.js";
import type { ComparedMetric } from "../../src/graph/read/metrics.js";

let n = 0;
/** A figure of `place` read for the compared place `asked`. */
function figure(asked: string, place: string, year: number, value: number, unit: string, baseValue = value, baseUnit = unit, qualifier = "exact"): ComparedMetric {
  n++;
  return {
    id: `r${n}:0`, key: "受理法律咨询", value, unit, baseValue, baseUnit, kind: "legal-consultations", qualifier, year,
    sentence: "", start: 0, end: 1, reportId: `r${n}`, jurisdictionCode: place, asked,
  };
}

const DISTRICT = "990101";
const TOWN_A = "990101001";
const TOWN_B = "990101002";
const VILLAGE_A = "990101001003";
const OTHER = "990102";

describe("comparisonRows", () => {
  it("sums a district's own counts and rolls up the places within it, in base units", () => {
    const rows = comparisonRows([DISTRICT], [2024], [
      figure(DISTRICT, DISTRICT, 2024, 1.2, "万人次", 12000, "人次"),
      figure(DISTRICT, TOWN_A, 2024, 300, "人次"),
      figure(DISTRICT, TOWN_B, 2024, 250, "人次", 250, "人次", "over"),
    ]);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ code: DISTRICT, year: 2024, baseUnit: "人次", measure: "count", mixedUnits: false, total: 12000, withinTotal: 550, approximate: true });
    expect(row.metrics.map((m) => m.value)).toEqual([1.2]);
    expect(row.within.map((p) => [p.code, p.total, p.inTotal])).toEqual([
      [TOWN_A, 300, true],
      [TOWN_B, 250, true],
    ]);
  });

  it("never adds a place's figure again when a place between states it too", () => {
    const [row] = comparisonRows([DISTRICT], [2024], [
      figure(DISTRICT, TOWN_A, 2024, 300, "人次"),
      figure(DISTRICT, VILLAGE_A, 2024, 40, "人次"),
      figure(DISTRICT, TOWN_B, 2024, 60, "人次"),
    ]);
    expect(row!.within.map((p) => [p.code, p.inTotal])).toEqual([
      [TOWN_A, true],
      [TOWN_B, true],
      [VILLAGE_A, false],
    ]);
    expect(row!.withinTotal).toBe(360);
    expect(row!.total).toBeNull(); // the district states none of its own
  });

  it("puts each base unit in its own row and says so", () => {
    const rows = comparisonRows([DISTRICT], [2024], [
      figure(DISTRICT, DISTRICT, 2024, 80, "件"),
      figure(DISTRICT, DISTRICT, 2024, 300, "人次"),
      figure(DISTRICT, TOWN_A, 2024, 20, "件"),
    ]);
    expect(rows.map((r) => [r.baseUnit, r.mixedUnits, r.total, r.withinTotal])).toEqual([
      ["件", true, 80, 20],
      ["人次", true, 300, null],
    ]);
  });

  it("keeps the units with most figures when a place and year have more than the rows allowed", () => {
    const rows = comparisonRows([DISTRICT], [2024], [
      figure(DISTRICT, DISTRICT, 2024, 1, "次"),
      figure(DISTRICT, DISTRICT, 2024, 2, "件"),
      figure(DISTRICT, TOWN_A, 2024, 3, "件"),
      figure(DISTRICT, DISTRICT, 2024, 4, "人次"),
      figure(DISTRICT, TOWN_B, 2024, 5, "人次"),
    ], 2);
    expect(rows.map((r) => [r.baseUnit, r.mixedUnits])).toEqual([
      ["人次", true],
      ["件", true],
    ]);
  });

  it("lists rates per place and never sums them", () => {
    const [row] = comparisonRows([DISTRICT], [2024], [figure(DISTRICT, DISTRICT, 2024, 100, "%"), figure(DISTRICT, TOWN_A, 2024, 95, "%")]);
    expect(row).toMatchObject({ baseUnit: "%", measure: "rate", total: null, withinTotal: null, approximate: false });
    expect(row!.within.map((p) => [p.code, p.total, p.metrics[0]!.value])).toEqual([[TOWN_A, null, 95]]);
  });

  it("keeps the order of the places given and an empty row for a year without figures", () => {
    const rows = comparisonRows([OTHER, DISTRICT], [2023, 2024], [figure(DISTRICT, DISTRICT, 2024, 5, "件")]);
    expect(rows.map((r) => [r.code, r.year, r.baseUnit, r.metrics.length])).toEqual([
      [OTHER, 2023, null, 0],
      [OTHER, 2024, null, 0],
      [DISTRICT, 2023, null, 0],
      [DISTRICT, 2024, "件", 1],
    ]);
  });

  it("takes the years found when none are asked for", () => {
    const rows = comparisonRows([DISTRICT], null, [figure(DISTRICT, DISTRICT, 2024, 5, "件"), figure(DISTRICT, TOWN_A, 2022, 2, "件")]);
    expect(rows.map((r) => r.year)).toEqual([2022, 2024]);
  });
});

describe("figures stated as part of another (其中)", () => {
  // Sentences written for this test.
  const TEXT =
    "杭州市西湖区2023年法治政府建设年度报告\n" +
    "全年办理法律援助案件320件，其中刑事法律援助案件85件、民事法律援助案件60件，提供法律咨询1500人次。\n" +
    "全年受理行政复议案件42件，其中：不予受理3件，撤销2件；另受理法律援助案件12件。\n";

  /** The report's figures of one kind as compareMetrics reads them, each with its evidence sentence. */
  function figuresOfKind(kind: string, place: string, asked = place): ComparedMetric[] {
    const x = extractReport(TEXT);
    return x.metrics
      .filter((m) => m.kind === kind)
      .map((m, i) => ({
        id: `r:${i}`, key: m.name, value: m.value, unit: m.unit, baseValue: m.baseValue, baseUnit: m.baseUnit, kind: m.kind, qualifier: m.qualifier,
        year: m.year, sentence: x.sentences[m.mention.sentence]!.text, start: m.mention.start, end: m.mention.end, reportId: "r", jurisdictionCode: place, asked,
      }));
  }

  it("knows a part by 其中 opening its clause, or by a bare 其中 opening a list, up to the semicolon", () => {
    const sentence = "全年办理法律援助案件320件,其中刑事法律援助案件85件、民事法律援助案件60件,提供法律咨询1500人次。";
    expect(isStatedAsPart(sentence, "办理法律援助案件", "320件")).toBe(false);
    expect(isStatedAsPart(sentence, "刑事法律援助案件", "85件")).toBe(true);
    expect(isStatedAsPart(sentence, "民事法律援助案件", "60件")).toBe(true);
    expect(isStatedAsPart(sentence, "提供法律咨询", "1500人次")).toBe(false);
    const list = "全年受理行政复议案件42件，其中：不予受理3件，撤销2件；另受理法律援助案件12件。";
    expect(isStatedAsPart(list, "受理行政复议案件", "42件")).toBe(false);
    expect(isStatedAsPart(list, "不予受理", "3件")).toBe(true);
    expect(isStatedAsPart(list, "撤销", "2件")).toBe(true);
    expect(isStatedAsPart(list, "另受理法律援助案件", "12件")).toBe(false);
    // not found in a sentence stored cut short: summed, as before
    expect(isStatedAsPart("其中刑事", "刑事法律援助案件", "85件")).toBe(false);
  });

  it("lists the parts but leaves them out of a place's total", () => {
    const figures = figuresOfKind("legal-aid-cases", OTHER);
    expect(figures.map((m) => m.baseValue)).toEqual([320, 85, 60, 12]);
    const [row] = comparisonRows([OTHER], [2023], figures);
    expect(row!.metrics.map((m) => m.baseValue)).toEqual([320, 85, 60, 12]);
    expect(row!.total).toBe(332); // 320 + 12; was 477, the parts of the 320 added again
  });

  it("leaves them out of the roll-up of the places within, too", () => {
    const [row] = comparisonRows([DISTRICT], [2023], figuresOfKind("legal-aid-cases", TOWN_A, DISTRICT));
    expect(row!.within.map((p) => [p.code, p.total, p.metrics.length])).toEqual([[TOWN_A, 332, 4]]);
    expect(row!.withinTotal).toBe(332);
    expect(row!.total).toBeNull();
  });
});
