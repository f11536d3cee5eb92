import { describe, expect, it } from "vitest";
import { readReportMeta } from "../../src/extract/report-meta.js";
import { prepareText } from "../../src/extract/text.js";

const meta = (text: string) => readReportMeta(prepareText(text));

describe("readReportMeta", () => {
  it("reads title, year, publisher and the labelled publication date from a page head", () => {
    const text = [
      "首页 > 政务公开 > 法治政府建设",
      "宁海县桃源街道2023年法治政府建设年度报告",
      "发布时间：2024-02-06 10:12  来源：桃源街道办事处  字体大小：大 中 小",
      "2023年,街道坚持以习近平法治思想为指导……",
      "桃源街道办事处",
      "2024年1月30日",
    ].join("\n");
    const m = meta(text);
    expect(m).toMatchObject({
      title: "宁海县桃源街道2023年法治政府建设年度报告",
      year: 2023,
      publisher: "桃源街道办事处",
      publishedAt: "2024-02-06",
    });
    expect(text.slice(m.titleSpan!.start, m.titleSpan!.end)).toBe(m.title);
  });

  it("joins a title broken over two lines, and falls back to the date under the signature", () => {
    const m = meta("桐庐县城南街道2022年度法治政府建设\n工作报告\n一、主要做法\n全年受理咨询30件。\n城南街道办事处\n2023年3月2日\n");
    expect(m).toMatchObject({ title: "桐庐县城南街道2022年度法治政府建设工作报告", year: 2022, publishedAt: "2023-03-02", publisher: "城南街道办事处" });
  });

  it("takes no section heading for a title, and reads a publisher from a table cell", () => {
    const m = meta("索引号 | 001/2024-1 | 成文日期 | 2024-02-19 |\n发布机构 | 城南街道 |\n三、2023年度推进法治建设的有关情况\n2023年,街道……\n");
    expect(m.title).toBeNull();
    expect(m).toMatchObject({ year: 2023, publisher: "城南街道", publishedAt: "2024-02-19" });
  });

  it("prefers the publication date to other labelled dates", () => {
    expect(meta("某镇2022年法治政府建设报告\n生成日期 2023-03-01 发布时间: 2023-03-14 14:40\n").publishedAt).toBe("2023-03-14");
  });

  it("gives nulls where the text says nothing", () => {
    expect(meta("今天天气很好。\n")).toEqual({ title: null, titleSpan: null, year: null, publisher: null, publisherSpan: null, publishedAt: null });
  });
});
