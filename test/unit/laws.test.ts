import { describe, expect, it } from "vitest";
import { extractLaws } from "../../src/extract/laws.js";
import { prepareText } from "../../src/extract/text.js";

const laws = (text: string) => extractLaws(prepareText(text));
const names = (text: string) => laws(text).map((e) => e.name);

describe("extractLaws: bracketed titles", () => {
  it("reads 《》 titles as written, one entity per title", () => {
    expect(names("严格执行《某某县行政规范性文件管理办法》和《重大行政决策程序暂行条例》。")).toEqual([
      "某某县行政规范性文件管理办法",
      "重大行政决策程序暂行条例",
    ]);
  });

  it("drops the 中华人民共和国 prefix into the aliases", () => {
    const [law] = laws("组织学习《中华人民共和国行政处罚法》。");
    expect(law!.name).toBe("行政处罚法");
    expect(law!.aliases).toEqual(["中华人民共和国行政处罚法"]);
    expect(law!.mentions[0]!.surface).toBe("中华人民共和国行政处罚法");
  });

  it("keeps a nested title whole and also reports the inner title", () => {
    expect(names("制定《关于落实〈法治社会建设实施纲要〉的分工方案》。")).toEqual([
      "关于落实〈法治社会建设实施纲要〉的分工方案",
      "法治社会建设实施纲要(2020-2025年)",
    ]);
  });

  it("treats a title with its period and without it as one law", () => {
    const found = laws("贯彻《法治政府建设实施纲要(2021—2025年)》，对照法治政府建设实施纲要逐项落实。");
    expect(found).toHaveLength(1);
    expect(found[0]!.name).toBe("法治政府建设实施纲要(2021-2025年)");
    expect(found[0]!.mentions).toHaveLength(2);
  });

  it("skips newspapers, programmes and certificates", () => {
    expect(names("经验被《法治日报》《今日说法》栏目报道，5人取得《法律职业资格证书》。")).toEqual([]);
  });

  it("drops a revision note and skips shorthand references", () => {
    const found = laws("学习《某某市物业管理条例(修订)》，对照《条例》逐条落实。");
    expect(found.map((e) => [e.name, e.aliases])).toEqual([["某某市物业管理条例", ["某某市物业管理条例(修订)"]]]);
  });

  it("ignores an unclosed bracket", () => {
    expect(names("按照《某某规定\n继续推进工作。")).toEqual([]);
  });
});

describe("extractLaws: names written without brackets", () => {
  it("finds lexicon laws written bare, but not inside longer words", () => {
    expect(names("深入宣传宪法，开展民法典进社区活动，普及安全生产法律法规。")).toEqual(["宪法", "民法典"]);
  });

  it("does not take 国家宪法日 for the constitution", () => {
    expect(names("办好国家宪法日活动。")).toEqual([]);
  });

  it("reads every law in an enumeration that ends in 等法律法规", () => {
    expect(names("重点宣传土地管理法、矿产资源法、森林法等法律法规。")).toEqual(["土地管理法", "矿产资源法", "森林法"]);
  });

  it("splits two laws joined by 和 inside an enumeration item", () => {
    const found = laws("宣传禁毒法、矿产资源法和水土保持法等法律。");
    expect(found.map((e) => [e.name, e.mentions[0]!.start])).toEqual([
      ["禁毒法", 2],
      ["矿产资源法", 6],
      ["水土保持法", 12],
    ]);
  });

  it("ignores enumerations of topics that are not law names", () => {
    expect(names("宣传禁毒、防诈骗、消防安全等法律知识。")).toEqual([]);
  });

  it("reads a bare 条例 name after a frame word", () => {
    expect(names("召开关于物业服务条例修订的座谈会，贯彻落实相关条例。")).toEqual(["物业服务条例"]);
  });
});
