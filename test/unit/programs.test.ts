import { describe, expect, it } from "vitest";
import { extractPrograms } from "../../src/extract/programs.js";
import { PROGRAM_LEXICON, buildLexicon, buildSkeleton } from "../../src/extract/programs-lexicon.js";
import { prepareText } from "../../src/extract/text.js";
import { cpuTimed } from "../support/cpu-time.js";

const programs = (text: string) => extractPrograms(prepareText(text));
const names = (text: string) => programs(text).map((e) => e.name);
const surfaces = (text: string, name: string) =>
  programs(text)
    .find((e) => e.name === name)
    ?.mentions.map((m) => m.surface);

describe("lexicon", () => {
  it("holds 150 or more programmes and loads without conflicting names", () => {
    expect(PROGRAM_LEXICON.programs.size).toBeGreaterThanOrEqual(150);
  });

  it("refuses one written form for two programmes", () => {
    const discovery = PROGRAM_LEXICON.discovery;
    const data = {
      autoSuffixes: [],
      discovery,
      programs: [
        { name: "甲计划", category: "普法", aliases: ["同名"] },
        { name: "乙计划", category: "普法", aliases: ["同名"] },
      ],
    };
    expect(() => buildLexicon(data)).toThrow(/同名/);
  });

  it("maps surface variants to one canonical name", () => {
    const found = programs("全街落实“八五”普法规划，年中完成八五普法中期评估。");
    expect(found.map((e) => e.name)).toEqual(["八五普法"]);
    expect(found[0]!.mentions.map((m) => m.surface)).toEqual(["八五”普法规划", "八五普法"]);
    expect(found[0]!.category).toBe("普法");
  });

  it("reads through quotes and enumeration commas inside a name", () => {
    expect(surfaces("全面推行行政执法“三项制度”。", "行政执法三项制度")).toEqual(["行政执法“三项制度"]);
    expect(names("深化“谁服务、谁普法”理念。")).toEqual(["谁服务谁普法"]);
  });

  it("takes the longest written form and keeps the canonical name", () => {
    expect(surfaces("常态化开展扫黑除恶专项斗争。", "扫黑除恶")).toEqual(["扫黑除恶专项斗争"]);
    expect(names("推行双随机、一公开监管。")).toEqual(["双随机、一公开"]);
  });

  it("matches a quoted-only form only as a whole quotation", () => {
    expect(names("年底前完成“七五”收官验收。")).toEqual(["七五普法"]);
    expect(names("该楼建于一九八五年。")).toEqual([]);
    expect(names("开展“净网”行动。")).toEqual(["净网"]);
    expect(names("保持干净网络环境。")).toEqual([]);
  });

  it("keeps the demonstration title apart from the plain one", () => {
    expect(names("新创建全国民主法治示范村（社区）2个、省级民主法治村3个。")).toEqual(["民主法治示范村(社区)", "民主法治村"]);
  });

  it("reports lexicon aliases and the forms seen", () => {
    const [entity] = programs("推进证照分离改革。");
    expect(entity).toMatchObject({ type: "Program", name: "证照分离", key: "证照分离", category: "营商环境" });
    expect(entity!.aliases).toEqual(["证照分离改革"]);
  });
});

describe("bare shapes", () => {
  it("names a numbered hotline by its number", () => {
    expect(surfaces("通过12345政务服务便民热线受理诉求800件。", "12345热线")).toEqual(["12345政务服务便民热线"]);
    expect(programs("开通12368诉讼服务热线。")).toMatchObject([{ name: "12368热线", category: "discovered" }]);
    expect(names("登记编号123456热线电话。")).toEqual([]);
  });

  it("finds leaders' mailboxes", () => {
    expect(names("办理县长信箱来信15件。")).toEqual(["县长信箱"]);
  });
});

describe("quoted programme names", () => {
  it("takes a quotation followed by a programme word", () => {
    expect(programs("开展“护企安商”专项行动。")).toMatchObject([{ name: "护企安商", category: "discovered" }]);
    expect(names("实施“阳光审批”提升行动。")).toEqual(["阳光审批"]);
    expect(names("建立“老兵调解”工作法。")).toEqual(["老兵调解"]);
  });

  it("takes a quotation right after a programme word", () => {
    expect(names("打造调解品牌“和事佬”。")).toEqual(["和事佬"]);
  });

  it("takes slogans, numbered pairs, combinations and dotted brands", () => {
    expect(names("围绕“办事不求人、审批不见面”目标。")).toEqual(["办事不求人、审批不见面"]);
    expect(names("推行“一企一策”帮扶。")).toEqual(["一企一策"]);
    expect(names("探索“公证+调解”新路子。")).toEqual(["公证+调解"]);
    expect(names("启动“平安守护·2024”。")).toEqual(["平安守护"]);
    expect(names("推行“掌上办”。")).toEqual(["掌上办"]);
  });

  it("takes the other names of a run of adjacent quotations", () => {
    expect(names("推广“就近办”“邻里帮”等做法。")).toEqual(["就近办", "邻里帮"]);
  });

  it("names a two-character campaign with its head word", () => {
    expect(surfaces("开展“雷霆”专项行动。", "雷霆行动")).toEqual(["雷霆”专项行动"]);
  });

  it("finds a discovered name again where it is written bare", () => {
    const found = programs("深化“街巷长制”改革。目前街巷长制覆盖全部街巷。");
    expect(found.map((e) => e.name)).toEqual(["街巷长制"]);
    expect(found[0]!.mentions.map((m) => [m.start, m.end, m.sentence])).toEqual([
      [3, 7, 0],
      [13, 17, 1],
    ]);
  });

  it("leaves out emphasis, honours, targets, problems and doctrines", () => {
    expect(names("实现“零投诉”，发挥“压舱石”作用，守住“生命线”。")).toEqual([]);
    expect(names("获评“省级法治示范单位”，推行“保姆式”服务模式。")).toEqual([]);
    expect(names("整治“吃拿卡要”问题，坚持“快、准、稳”的处置机制。")).toEqual([]);
    expect(names("统筹推进“五位一体”总体布局，深入学习习近平法治思想。")).toEqual([]);
    expect(names("落实“十四五规划”，打通“最后一公里”。")).toEqual([]);
    expect(names("实施“八大工程”，严格执行“三个规定”。")).toEqual([]);
    expect(names("把法治建设作为“一把手”工程来抓，抓住领导干部这个“关键少数”。")).toEqual([]);
  });
});

describe("matching machinery", () => {
  it("builds a skeleton without quotes, spaces and 、 that keeps document offsets", () => {
    const skeleton = buildSkeleton("“甲”、乙 丙");
    expect(skeleton.text).toBe("甲乙丙");
    expect(Array.from(skeleton.offsets)).toEqual([1, 4, 6]);
  });

  it("runs in linear time on a long text", () => {
    const paragraph = "推进“一网通办”，开展“护企安商”专项行动，办理12345热线工单，落实谁执法谁普法。\n";
    const doc = prepareText(paragraph.repeat(5000));
    const { result: found, cpuMs } = cpuTimed(() => extractPrograms(doc));
    expect(cpuMs).toBeLessThan(2000); // CPU time: a loaded machine makes the wall-clock time many times longer
    expect(found.map((e) => [e.name, e.mentions.length])).toEqual([
      ["一网通办", 5000],
      ["护企安商", 5000],
      ["12345热线", 5000],
      ["谁执法谁普法", 5000],
    ]);
  });
});

describe("programmes analysts ask about", () => {
  it("knows widely run national programmes, the two demonstration titles as two", () => {
    expect(names("严格落实“第一议题”制度，压实一岗双责。")).toEqual(["第一议题", "一岗双责"]);
    expect(names("创建民主法治示范社区，评选民主法治示范村。")).toEqual(["民主法治示范社区", "民主法治示范村"]);
    expect(names("推动法律进机关、进乡村、进社区、进学校、进企业、进单位。")).toEqual(["法律六进"]);
  });

  it("takes no programme from inside a document's title", () => {
    expect(names("学习《公平竞争审查条例》等内容。")).toEqual([]);
    expect(names("落实公平竞争审查制度。")).toEqual(["公平竞争审查"]);
  });

  it("finds what a place runs under a quoted name of its own, and numbered mechanisms", () => {
    expect(names("镇里依托“石榴籽议事厅”化解纠纷。")).toEqual(["石榴籽议事厅"]);
    expect(names("推行“五清单”公示，实现“双提升”目标。")).toEqual(["五清单", "双提升"]);
  });

  it("rejects fragments, counts and emphasis", () => {
    expect(names("探索“1+1”结对，实现“十四五”开局，落实“三大”任务，做到“零”差错。")).toEqual([]);
    expect(names("依托“大家好，我们一起来学习法律”开展宣传。")).toEqual([]);
  });

  it("reads names written with different separators as one programme", () => {
    const found = programs("开展“护航共富 守护平安”专项行动。“护航共富、守护平安”成效明显。");
    expect(found.map((p) => p.name)).toEqual(["护航共富 守护平安"]);
    expect(found[0]!.mentions).toHaveLength(2);
  });
});
