// extractReport puts the parts together: what each part finds, seen as one report.
import { describe, expect, it } from "vitest";
import { extractReport } from "../../src/extract/index.js";

const report = [
  "三门峡市湖滨区2022年法治政府建设年度报告",
  "中共三门峡市委、三门峡市人民政府:",
  "在五亩乡试点推行综合执法。二是全年开展普法讲座12场。",
  "区政府聘请河南明鉴律师事务所为法律顾问。",
].join("\n");

describe("extractReport", () => {
  const x = extractReport(report);

  it("does not read a numeral inside a place's name as a figure", () => {
    expect(x.entities.filter((e) => e.type === "Jurisdiction").map((e) => e.name)).toEqual(
      expect.arrayContaining(["三门峡市", "湖滨区", "五亩乡"]),
    );
    expect(x.metrics.map((m) => [m.name, m.value, m.unit])).toEqual([["开展普法讲座", 12, "场"]]);
  });

  it("gives figures and advice the report's year and subject", () => {
    expect(x.report.subject).toEqual({ name: "湖滨区", code: "411202", level: "DISTRICT" });
    expect(x.metrics[0]).toMatchObject({ year: 2022, subject: "411202" });
    expect(x.advises.map((a) => [a.firm, a.jurisdiction])).toEqual([["河南明鉴律师事务所", "411202"]]);
  });

  it("identifies a report by its normalized text", () => {
    expect(extractReport(report.replace("12场", "１２场")).textHash).toBe(x.textHash);
    expect(extractReport(report + "\n补充一句。").textHash).not.toBe(x.textHash);
  });
});
