import { describe, expect, it } from "vitest";
import { extractMetrics } from "../../src/extract/metrics.js";
import { prepareText } from "../../src/extract/text.js";

/** name, value, unit and qualifier of every metric found in the text */
function figures(text: string): string[] {
  return extractMetrics(prepareText(text)).map((m) => `${m.name}=${m.value}${m.unit}/${m.qualifier}`);
}

describe("extractMetrics: values, units, qualifiers", () => {
  it("reads the words before the number as the key", () => {
    expect(figures("全年受理群众来访136件,办结率达100%。")).toEqual(["受理群众来访=136件/exact", "办结率=100%/exact"]);
  });

  it("marks 余/多/以上 as over and 约/近/左右 as about", () => {
    expect(figures("开展入户走访80余次,发放手册300多份,覆盖率95%以上。")).toEqual([
      "开展入户走访=80次/over",
      "发放手册=300份/over",
      "覆盖率=95%/over",
    ]);
    expect(figures("调解纠纷约120件,涉及金额近860.5万元,参与群众500人左右。")).toEqual([
      "调解纠纷=120件/about",
      "涉及金额=860.5万元/about",
      "参与群众=500人/about",
    ]);
  });

  it("keeps 万 and 亿 with the unit as written, and gives the base value and unit beside it", () => {
    expect(figures("争取资金2.5亿余元,服务群众1.2万人次。")).toEqual([
      "争取资金=2.5亿元/over",
      "服务群众=1.2万人次/exact",
    ]);
    expect(figures("挽回损失36余万元。")).toEqual(["挽回损失=36万元/over"]);
    const base = (text: string) => extractMetrics(prepareText(text)).map((m) => `${m.baseValue}${m.baseUnit}`);
    expect(base("争取资金2.5亿余元,服务群众1.2万人次,办理三万件,走访200户(次)。")).toEqual([
      "250000000元",
      "12000人次",
      "30000件",
      "200户次",
    ]);
    // a 千 after Arabic digits is no unit prefix: multiplied out, value and base alike
    expect(figures("服务群众1.5千人。")).toEqual(["服务群众=1500人/exact"]);
    expect(base("服务群众1.5千人。")).toEqual(["1500人"]);
  });

  it("counts 个 of the noun after it, and keeps the noun in the key (21个村 is 21 个 of 村)", () => {
    expect(figures("法律顾问覆盖全镇21个村,另建成9个村(居)法律服务室。")).toEqual([
      "法律顾问覆盖全镇村=21个/exact",
      "另建成村(居)法律服务室=9个/exact",
    ]);
    // no unit 个村, however the count is written
    expect(figures("全县142个村实现法律顾问全覆盖。").map((f) => f.split("=")[1])).toEqual(["142个/exact"]);
  });

  it("gives a figure the kind its key phrase and unit fit, and none to one that only sounds alike", () => {
    const kinds = (text: string) => extractMetrics(prepareText(text)).map((m) => `${m.name}:${m.kind}`);
    expect(kinds("全年解答群众法律咨询312人次,行政机关负责人出庭应诉率达100%,新设法律咨询室3个。")).toEqual([
      "解答群众法律咨询:legal-consultations",
      "行政机关负责人出庭应诉率:court-appearance-rate",
      "新设法律咨询室:null",
    ]);
  });

  it("reads Chinese numerals", () => {
    expect(figures("组织旁听庭审三场,印发宣传册两千余份,召开推进会十二次。")).toEqual([
      "组织旁听庭审=3场/exact",
      "印发宣传册=2000份/over",
      "召开推进会=12次/exact",
    ]);
    expect(figures("吸引近千人到场,满意度达百分之百。")).toEqual(["吸引到场=1000人/about", "满意度=100%/exact"]);
  });

  it("reads a figure after a colon but not a time of day", () => {
    expect(figures("行政诉讼结案率:98%,会议于9:30召开。")).toEqual(["行政诉讼结案率=98%/exact"]);
  });

  it("keeps the either-way counter 人(次)", () => {
    expect(figures("出动检查人员320人(次)。")).toEqual(["出动检查人员=320人(次)/exact"]);
  });

  it("counts years only in a run (连续N年)", () => {
    expect(figures("2023年,本镇连续6年保持信访零发生。")).toEqual(["连续保持信访零发生=6年/exact"]);
  });
});

describe("extractMetrics: key phrases", () => {
  it("takes the noun after the number when the number modifies it", () => {
    expect(figures("今年共有9起劳动争议案件,其中7件已调解结案。")).toEqual([
      "劳动争议案件=9起/exact",
      "已调解结案=7件/exact",
    ]);
  });

  it("stops the key at the next list item", () => {
    expect(figures("办结率为100%二是强化执法监督。")).toEqual(["办结率=100%/exact"]);
  });

  it("joins a short verb with the counted noun", () => {
    expect(figures("排查整改26处安全隐患。")).toEqual(["排查整改安全隐患=26处/exact"]);
  });

  it("emits one metric per listed item sharing a value", () => {
    expect(figures("干部参训率、考试合格率和持证率均达100%。")).toEqual([
      "干部参训率=100%/exact",
      "考试合格率=100%/exact",
      "持证率=100%/exact",
    ]);
  });

  it("pairs listed items with values given respectively", () => {
    expect(figures("行政复议纠错率、诉讼败诉率分别为4.2%、1.5%。")).toEqual([
      "行政复议纠错率=4.2%/exact",
      "诉讼败诉率=1.5%/exact",
    ]);
  });

  it("starts a new key after the previous figure in the same clause", () => {
    expect(figures("审核合同42份、规范性文件5件。")).toEqual(["审核合同=42份/exact", "规范性文件=5件/exact"]);
  });
});

describe("extractMetrics: numbers that are not figures", () => {
  it.each([
    "2022年6月18日召开会议。",
    "深入学习党的二十大和十九届六中全会精神。",
    "压实第一责任人职责,落实第一种形态。",
    "开通12348法律服务热线,推行“1+3”工作法。",
    "坚持“三项制度”,增强四个意识,做到两个维护。",
    "组织一场座谈会,对事项进行二次审核。",
    "百名律师进千村,服务千家万户。",
    "力争行政机关负责人出庭应诉率达到100%。",
    "申请材料须在5个工作日内补正。",
    "辖区面积4.8平方公里,常住人口2.1万人。",
    "“八五”普法规划实施,推行三年行动计划。",
    "在全市排名前3位。",
  ])("%s", (text) => {
    expect(figures(text)).toEqual([]);
  });
});

describe("extractMetrics: mentions", () => {
  it("points at the quantity as written", () => {
    const doc = prepareText("今年办理法律援助案件58件。");
    const [metric] = extractMetrics(doc);
    expect(metric!.mention).toEqual({ start: 10, end: 13, sentence: 0, surface: "58件" });
  });
});

describe("numbers written with spaces around them", () => {
  it("reads 办理 240 余人次 as over 240 人次", () => {
    const found = extractMetrics(prepareText("全年办理法律援助 240 余人次，调解纠纷 35 件。"));
    expect(found.map((m) => `${m.name} ${m.value} ${m.unit} ${m.qualifier}`)).toEqual(["办理法律援助 240 人次 over", "调解纠纷 35 件 exact"]);
  });
});
