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

describe("readReportMeta on pages without a clean title line", () => {
  it("drops a page label before the title and never takes a breadcrumb for one", () => {
    const m = meta("首页>信息公开>法治政府建设年度报告\n- 标 题：城南街道2023年法治政府建设年度报告\n2023年，街道依法履职。\n");
    expect(m.title).toBe("城南街道2023年法治政府建设年度报告");
  });

  it("reads a bare 日期/时间 label and the date line right under the title", () => {
    expect(meta("某县2023年法治政府建设情况\n 日期 : 2024-01-20  来源 : 司法局\n").publishedAt).toBe("2024-01-20");
    expect(meta("某区2022年度法治政府建设工作报告\n2023-02-11 09:30\n2022年，全区……\n").publishedAt).toBe("2023-02-11");
  });

  it("takes no publication date from a 截至 date in the last sentences", () => {
    const m = meta("2022年，某县推进依法行政。\n截至2023年3月1日，已召开例会20期，涉及单位10家。");
    expect(m.publishedAt).toBeNull();
  });

  it("reads the year from the handover sentence or from what the body says it did", () => {
    expect(meta("在县委指导下，街道统筹推进。现将2024年某街道法治政府建设工作报告如下：\n").year).toBe(2024);
    expect(meta("一、主要做法\n全镇依法履职。\n2021年我镇调解纠纷30件。2021年我镇举办讲座5场。2020年全镇……\n").year).toBe(2021);
  });
});
