import { describe, expect, it } from "vitest";
import type { Entity, ReportExtraction } from "../../src/extract/types.js";
import { GraphBatch, MAX_EVIDENCE } from "../../src/graph/rows.js";

const zhejiang = { code: "33", name: "浙江省", level: "PROVINCE" as const };
const hangzhou = { code: "3301", name: "杭州市", level: "CITY" as const };
const xihu = { code: "330106", name: "西湖区", level: "DISTRICT" as const };

function mention(start: number, sentence = 0) {
  return { start, end: start + 2, sentence, surface: "xx" };
}

function report(hash: string, entities: Entity[], extra: Partial<ReportExtraction> = {}): ReportExtraction {
  return {
    textHash: hash,
    textLength: 100,
    report: { title: "t", year: 2022, subject: { name: "翠苑街道", code: "330106005", level: "TOWNSHIP" }, publisher: null, publishedAt: null },
    entities,
    metrics: [],
    advises: [],
    sentences: [{ start: 0, end: 10, text: "第一句提到枫桥经验。" }],
    ...extra,
  };
}

const street: Entity = {
  type: "Jurisdiction",
  name: "翠苑街道",
  key: "330106005",
  code: "330106005",
  level: "TOWNSHIP",
  ancestors: [zhejiang, hangzhou, xihu],
  mentions: [mention(0)],
};
const program = (aliases: string[], mentions = 1): Entity => ({
  type: "Program",
  name: "枫桥经验",
  key: "枫桥经验",
  aliases,
  category: "基层治理",
  mentions: Array.from({ length: mentions }, (_, i) => mention(i * 3)),
});

describe("GraphBatch", () => {
  it("gives places their ancestor chain, parents and roll-up codes, sorted by code", () => {
    const batch = new GraphBatch();
    batch.add(report("a", [street]), "/r/a.txt");
    expect(batch.jurisdictions().map((j) => [j.code, j.parentCode, j.districtCode, j.mentions.length])).toEqual([
      ["33", null, null, 0],
      ["3301", "33", null, 0],
      ["330106", "3301", "330106", 0],
      ["330106005", "330106", "330106", 1],
    ]);
    expect(batch.reports()[0]!.props).toMatchObject({ subjectCode: "330106005", districtCode: "330106", cityCode: "3301", provinceCode: "33" });
    expect(batch.reportFacts()[0]!.subject).toBe("330106005");
  });

  it("merges an entity named by several reports into one row with each report's mention", () => {
    const batch = new GraphBatch();
    batch.add(report("a", [street, program(["新时代枫桥经验"])]), "/r/a.txt");
    batch.add(report("b", [street, program(["新时代“枫桥经验”", "新时代枫桥经验"])]), "/r/b.txt");
    const [row, ...rest] = batch.entities("Program");
    expect(rest).toEqual([]);
    expect(row!.aliases).toEqual(["新时代枫桥经验", "新时代“枫桥经验”"]);
    expect(row!.mentions.map((m) => m.report)).toEqual(["a", "b"]);
  });

  it("keeps a bounded amount of evidence per mention", () => {
    const batch = new GraphBatch();
    batch.add(report("a", [program([], 9)]), null);
    const [m] = batch.entities("Program")[0]!.mentions;
    expect(m!.count).toBe(9);
    expect(m!.sentences).toHaveLength(MAX_EVIDENCE);
    expect(m!.starts).toEqual([0, 3, 6, 9, 12]);
  });

  it("counts the same text twice as one report", () => {
    const batch = new GraphBatch();
    batch.add(report("a", [program([])]), "/r/a.txt");
    batch.add(report("a", [program([])]), "/r/copy-of-a.txt");
    expect(batch.reportIds).toEqual(["a"]);
    expect(batch.entities("Program")[0]!.mentions).toHaveLength(1);
  });

  it("leaves out unlinked places, and links a lawyer to the firm the text names", () => {
    const unlinked: Entity = { type: "Jurisdiction", name: "某某街道", key: "name:某某街道", code: null, mentions: [mention(0)] };
    const firm: Entity = { type: "LawFirm", name: "浙江澄衡律师事务所", key: "浙江澄衡律师事务所", mentions: [mention(0)] };
    const lawyer: Entity = { type: "Person", name: "陈思远", key: "陈思远", role: "lawyer", org: "浙江澄衡律师事务所", mentions: [mention(5)] };
    const batch = new GraphBatch();
    batch.add(report("a", [unlinked, firm, lawyer], { report: { title: null, year: null, subject: null, publisher: null, publishedAt: null } }), null);
    expect(batch.jurisdictions()).toEqual([]);
    expect(batch.reportFacts()[0]!.subject).toBeNull();
    expect(batch.worksAt()).toEqual([{ person: "陈思远", firm: "浙江澄衡律师事务所" }]);
  });

  it("keeps a report's metrics and advice, with places only where they are linked", () => {
    const batch = new GraphBatch();
    const metric = { name: "调处纠纷", value: 56, unit: "起", qualifier: "exact" as const, year: 2022, subject: "330106005", mention: mention(0) };
    batch.add(
      report("a", [street], {
        metrics: [metric, { ...metric, subject: "999999" }],
        advises: [{ firm: "浙江澄衡律师事务所", jurisdiction: "330106005", mention: mention(0) }],
      }),
      null,
    );
    const facts = batch.reportFacts()[0]!;
    expect(facts.metrics.map((m) => [m.id, m.subject, m.sentence])).toEqual([
      ["a:0", "330106005", "第一句提到枫桥经验。"],
      ["a:1", null, "第一句提到枫桥经验。"],
    ]);
    expect(facts.advises).toEqual([{ firm: "浙江澄衡律师事务所", code: "330106005", year: 2022 }]);
  });

  it("keeps one advice per firm and place of a report, however often the report says it", () => {
    const batch = new GraphBatch();
    const advice = { firm: "浙江澄衡律师事务所", jurisdiction: "330106005", mention: mention(0) };
    batch.add(report("a", [street], { advises: [advice, { ...advice, mention: mention(1) }, advice] }), null);
    expect(batch.reportFacts()[0]!.advises).toEqual([{ firm: "浙江澄衡律师事务所", code: "330106005", year: 2022 }]);
  });
});
