import { describe, expect, it } from "vitest";
import { normalizeText, prepareText, splitSentences } from "../../src/extract/text.js";

describe("normalizeText", () => {
  it("keeps the length, so offsets into it are offsets into the raw text", () => {
    const raw = "首页 > 政务公开 > 工作报告\n２０２３年度法治政府建設報告【打印本页】\n㈠全年受理法律諮詢２７８件｜";
    const text = normalizeText(raw);
    expect(text.length).toBe(raw.length);
    expect(text.indexOf("法律咨询")).toBe(raw.indexOf("法律諮詢"));
  });

  it("folds full-width forms and converts traditional characters to simplified", () => {
    expect(normalizeText("２０２２年，受理法律諮詢２７８件（次）")).toBe("2022年,受理法律咨询278件(次)");
  });

  it("leaves a character whose folding would change the length as it is", () => {
    // ㈠ folds to "(一)", three characters for one.
    expect(normalizeText("㈠加强领导")).toBe("㈠加强领导");
  });

  it("blanks breadcrumbs, page widgets and table pipes with spaces", () => {
    const raw = "首页 > 政务公开 > 规划计划\n发布时间:2023-01-29 字体大小:大 中 小 【打印本页】【关闭窗口】\n索引号 | K160 |";
    const text = normalizeText(raw);
    expect(text.split("\n")[0]!.trim()).toBe("");
    expect(text.split("\n")[1]!.trim()).toBe("发布时间:2023-01-29");
    expect(text).not.toMatch(/[|【】]/);
    expect(text.length).toBe(raw.length);
  });
});

describe("sentences", () => {
  it("end at 。！？ and line breaks, trimmed, with their offsets", () => {
    const text = "一、加强领导\n全年调处纠纷56起。成功率达98%!  下一步:\n继续推进“八五”普法。";
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(["一、加强领导", "全年调处纠纷56起。", "成功率达98%!", "下一步:", "继续推进“八五”普法。"]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("keep a closing quote with the sentence it ends", () => {
    expect(splitSentences("他说:“依法办事。”然后离开。").map((s) => s.text)).toEqual(["他说:“依法办事。”", "然后离开。"]);
  });
});

describe("prepareText", () => {
  it("builds mentions with their sentence and surface", () => {
    const doc = prepareText("首句。\n第二句提到枫桥经验。");
    const start = doc.text.indexOf("枫桥经验");
    expect(doc.mention(start, start + 4)).toEqual({ start, end: start + 4, sentence: 1, surface: "枫桥经验" });
    expect(doc.sentenceIndexAt(0)).toBe(0);
  });
});
