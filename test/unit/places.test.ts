import { describe, expect, it } from "vitest";
import { extractPlaces } from "../../src/extract/places.js";
import { prepareText } from "../../src/extract/text.js";
import type { RawReportMeta } from "../../src/extract/report-meta.js";

const noMeta: RawReportMeta = { title: null, titleSpan: null, year: null, publisher: null, publisherSpan: null, publishedAt: null };

function run(text: string, meta: RawReportMeta = noMeta) {
  return extractPlaces(prepareText(text), meta);
}
const summary = (text: string) => run(text).entities.map((e) => `${e.type} ${e.name} ${e.code}`);

describe("places in a chain and the subject from the title", () => {
  const text = "杭州市西湖区北山街道2023年法治政府建设年度报告\n今年，街道指导友谊社区开展宪法宣传周活动。";

  it("links each place of the chain and the community under the subject", () => {
    expect(summary(text)).toEqual([
      "Jurisdiction 杭州市 3301",
      "Jurisdiction 西湖区 330106",
      "Jurisdiction 北山街道 330106002",
      "Community 友谊社区 330106002058",
    ]);
  });

  it("takes the most specific place of the title as the subject", () => {
    expect(run(text).subject).toEqual({ name: "北山街道", code: "330106002", level: "TOWNSHIP" });
  });

  it("gives ancestors and mentions with offsets into the text", () => {
    const community = run(text).entities.find((e) => e.type === "Community")!;
    expect(community.ancestors!.map((a) => a.code)).toEqual(["33", "3301", "330106", "330106002"]);
    expect(community.key).toBe("330106002058");
    expect(community.level).toBe("COMMUNITY");
    const mention = community.mentions[0]!;
    expect(text.slice(mention.start, mention.end)).toBe("友谊社区");
    expect(mention.sentence).toBe(1);
  });
});

describe("names many places share", () => {
  it("links a shared township through the district named in the text", () => {
    const result = run("东湖街道2023年度法治政府建设工作报告\n在锦江区委、区政府的领导下，街道依法履职。");
    expect(result.subject).toEqual({ name: "东湖街道", code: "510104018", level: "TOWNSHIP" });
    expect(result.entities.map((e) => `${e.name} ${e.code}`)).toEqual(["东湖街道 510104018", "锦江区 510104"]);
  });

  it("leaves a shared name unlinked rather than guess", () => {
    const result = run("东湖街道2023年度法治政府建设工作报告\n街道依法履职。");
    expect(result.subject).toBeNull();
    expect(result.subjectName).toBe("东湖街道");
    expect(result.subjectCandidates.length).toBeGreaterThan(3);
    expect(result.subjectCandidates.every((code) => code.length === 9)).toBe(true);
    expect(result.entities.map((e) => `${e.name} ${e.key} ${e.code}`)).toEqual(["东湖街道 name:东湖街道 null"]);
  });

  it("drops a shared community name that nothing supports", () => {
    expect(summary("区司法局指导友谊社区开展普法。")).toEqual([]);
  });

  it("reads a municipality district through its parent", () => {
    expect(summary("北京市朝阳区司法局来我区交流。")).toEqual(["Jurisdiction 北京市 11", "Jurisdiction 朝阳区 110105"]);
  });
});

describe("short forms", () => {
  it("reads 万兴街 as 万兴街道 after its district", () => {
    expect(summary("南开区万兴街开展法治宣传。")).toEqual(["Jurisdiction 南开区 120104", "Jurisdiction 万兴街道 120104005"]);
  });

  it("does not read a bare street short form without support", () => {
    expect(summary("沿万兴街开展法治宣传。")).toEqual([]);
  });

  it("reads a province inside a firm name and a law title", () => {
    expect(summary("聘请江苏恒信律师事务所担任法律顾问，落实《浙江省数字经济促进条例》。")).toEqual([
      "Jurisdiction 江苏省 32",
      "Jurisdiction 浙江省 33",
    ]);
  });

  it("does not read a street named after a province", () => {
    expect(summary("在北京路设立法治宣传栏。")).toEqual([]);
  });

  it("links a county given with its management-area short form", () => {
    expect(run("2023年度洪江区法治政府建设工作情况的报告\n").subject).toEqual({ name: "怀化市洪江管理区", code: "431271", level: "DISTRICT" });
  });
});

describe("chains that the list does not confirm", () => {
  it("links a village written with a variant character through its county", () => {
    expect(summary("结对帮扶环县红土咀村发展产业。")).toEqual(["Jurisdiction 环县 621022", "Community 红土嘴村 621022107205"]);
  });

  it("does not read a one-character county out of a longer word", () => {
    expect(summary("提高县域治理水平，推动城关镇发展。")).toEqual([]);
  });

  it("keeps a shared township written after its county, unlinked when the county has no such township", () => {
    expect(summary("茶陵县城关镇开展法治宣传。")).toEqual(["Jurisdiction 茶陵县 430224", "Jurisdiction 城关镇 null"]);
  });
});

describe("words that are not places", () => {
  it("ignores generic units and organs", () => {
    expect(summary("街道、社区、各社区、区委、市司法局、全区、辖区、中心城区、老城区改造、乡镇（街道）。")).toEqual([]);
  });

  it("ignores honorary titles made with 村 or 社区", () => {
    expect(summary("创建省级民主法治示范村，打造和谐社区、美丽乡村。")).toEqual([]);
  });

  it("ignores a village name that is only the start of a longer word", () => {
    expect(summary("全面推进城乡社区治理现代化。")).toEqual([]);
  });
});

describe("subject from the publisher line", () => {
  it("uses the publisher label when there is no title", () => {
    const text = "发布机构：西湖区北山街道\n现将有关情况报告如下：街道推进依法行政。";
    expect(run(text).subject).toEqual({ name: "北山街道", code: "330106002", level: "TOWNSHIP" });
  });

  it("prefers the title span given by the report metadata", () => {
    const text = "来源：杭州市司法局\n西湖区2022年法治政府建设年度报告";
    const start = text.indexOf("西湖区");
    const meta = { ...noMeta, titleSpan: { start, end: text.length } };
    expect(run(text, meta).subject).toEqual({ name: "西湖区", code: "330106", level: "DISTRICT" });
  });
});

describe("the writing body read the way a person does", () => {
  it("takes the body from the opening sentence when there is no title, unlinked when nothing says which", () => {
    const result = run("2023年，北山街道坚持依法行政，推进法治建设。\n街道聘请律师担任法律顾问。");
    expect(result.subject).toBeNull();
    expect(result.subjectName).toBe("北山街道");
    expect(result.subjectCandidates).toContain("330106002");
    expect(result.entities.map((e) => `${e.name} ${e.code}`)).toEqual(["北山街道 null"]);
  });

  it("resolves a shared street through its district's short form written anywhere", () => {
    const result = run("2023年，北山街道在区委、区政府领导下推进法治建设。\n街道努力为美丽西湖贡献力量。");
    expect(result.subject?.code).toBe("330106002");
    expect(result.entities.map((e) => `${e.name} ${e.code}`)).toContain("西湖区 330106");
  });

  it("resolves a shared street by the kind of parent whose organs the text names", () => {
    // of the streets so named, one lies in a county-level city and the text names only 市 organs
    const result = run("2023年，文化路街道在市委、市政府的领导下，推进法治建设。\n落实市委全面依法治市委员会部署。");
    expect(result.subject?.code).toBe("130281002");
  });

  it("finds the township a report speaks as (我镇) when no sentence names it first", () => {
    const result = run("一、主要做法\n全镇依法履职，我镇聘请法律顾问。\n2023年北山街道来访。2023年杭州市西湖区翠苑街道交流。我镇调解纠纷，城关镇……\n");
    expect(result.subject).toBeNull();
    expect(result.subjectName).toBe("城关镇");
  });

  it("never gives a street body its city when the street cannot be found", () => {
    const result = run("一、主要做法\n本街道依法履职，我街道聘请法律顾问。杭州市司法局指导。杭州市律师协会参与。\n");
    expect(result.subject).toBeNull();
    expect(result.subjectName).toBeNull();
  });

  it("does not take the body a report is addressed to for its writer", () => {
    const result = run("中共杭州市委、杭州市人民政府：\n2022年，区政府坚持依法行政。杭州市司法局组织普法。\n");
    expect(result.subject).toBeNull();
  });

  it("reads a county's short form only on the subject's own chain", () => {
    const result = run("北山街道2023年法治政府建设年度报告\n街道学习萧山经验。");
    expect(result.entities.map((e) => e.name)).not.toContain("萧山区");
  });
});

describe("no place is dropped", () => {
  it("keeps a community many villages share by name when it stands as one", () => {
    expect(summary("北山街道2023年法治政府建设年度报告\n街道在新华社区、幸福里小区开展普法。")).toContain("Community 新华社区 null");
  });

  it("keeps a village-shaped name the division list lacks, code null", () => {
    expect(summary("街道在翠溪湾社区、云栖坞村。")).toEqual(["Community 翠溪湾社区 null", "Community 云栖坞村 null"]);
  });

  it("does not take kinds of village for names", () => {
    expect(summary("覆盖所有行政村，在贫困村、城中村和联系点社区开展普法，建设美丽乡村。")).toEqual([]);
  });
});
