import { describe, expect, it } from "vitest";
import { extractFirmsAndPeople } from "../../src/extract/firms.js";
import { prepareText } from "../../src/extract/text.js";

const run = (text: string) => extractFirmsAndPeople(prepareText(text));
const ofType = (text: string, type: string) => run(text).entities.filter((e) => e.type === type);
const firmNames = (text: string) => ofType(text, "LawFirm").map((e) => e.name);

describe("law firms", () => {
  it("reads the full name after a frame word, province included", () => {
    expect(firmNames("镇政府与湖北楚天律师事务所签订协议。")).toEqual(["湖北楚天律师事务所"]);
  });

  it("keeps a firm whose name contains a frame character", () => {
    expect(firmNames("聘请江西同和律师事务所提供服务。")).toEqual(["江西同和律师事务所"]);
  });

  it("reads a quoted short name before 律所 as a full firm name", () => {
    const [firm] = ofType("组织青少年走进“金衡”律所参观。", "LawFirm");
    expect(firm!.name).toBe("金衡律师事务所");
    expect(firm!.mentions[0]!.surface).toBe("“金衡”律所");
  });

  it("keeps a branch office name", () => {
    expect(firmNames("委托北京星河律师事务所南昌分所办理。")).toEqual(["北京星河律师事务所南昌分所"]);
  });

  it("skips generic firms", () => {
    expect(firmNames("组织辖区律师事务所、各律师事务所和3家律师事务所参与，选择优质律师事务所，并邀律所对接企业。")).toEqual([]);
  });

  it("reports one entity per firm with every mention", () => {
    const firms = ofType("聘请湖北楚天律师事务所。湖北楚天律师事务所派员值守。", "LawFirm");
    expect(firms).toHaveLength(1);
    expect(firms[0]!.mentions.map((m) => m.start)).toEqual([2, 12]);
  });
});

describe("people", () => {
  it("reads lawyers listed after 律师 with their firm", () => {
    const people = ofType("聘请湖北楚天律师事务所律师罗文斌、欧阳晓丽为镇法律顾问。", "Person");
    expect(people.map((p) => [p.name, p.role, p.org])).toEqual([
      ["罗文斌", "lawyer", "湖北楚天律师事务所"],
      ["欧阳晓丽", "lawyer", "湖北楚天律师事务所"],
    ]);
  });

  it("reads names written before 律师 and 同志", () => {
    const people = ofType("由所里的郑凯、龚雪律师坐班，办公室主任陈静同志负责联络。", "Person");
    expect(people.map((p) => [p.name, p.role])).toEqual([
      ["郑凯", "lawyer"],
      ["龚雪", "lawyer"],
      ["陈静", "official"],
    ]);
  });

  it("gives a firm's director the firm as organisation", () => {
    const people = ofType("湖北楚天律师事务所主任万志刚带队开展法治体检。", "Person");
    expect(people.map((p) => [p.name, p.role, p.org])).toEqual([["万志刚", "official", "湖北楚天律师事务所"]]);
  });

  it("reads a mediator after 人民调解员", () => {
    expect(ofType("人民调解员黎红梅耐心疏导。", "Person").map((p) => [p.name, p.role])).toEqual([["黎红梅", "mediator"]]);
  });

  it("ignores kinds of people and national leaders", () => {
    const text = "坚持以习近平同志为核心的党中央领导，全体同志和公职律师、值班律师、金牌律师参与，律师顾问团队提供服务。";
    expect(ofType(text, "Person")).toEqual([]);
  });
});

describe("legal advisers", () => {
  it("records the sentence that retains a firm as adviser", () => {
    const text = "加强队伍建设。区政府续聘湖北楚天律师事务所为常年法律顾问。";
    const { advisers } = run(text);
    expect(advisers).toHaveLength(1);
    expect(advisers[0]!.firm).toBe("湖北楚天律师事务所");
    expect(advisers[0]!.mention.surface).toBe("区政府续聘湖北楚天律师事务所为常年法律顾问。");
  });

  it("does not take a firm merely mentioned as an adviser", () => {
    expect(run("湖北楚天律师事务所开展送法进社区活动。").advisers).toEqual([]);
  });
});

describe("people are known by name and firm", () => {
  const people = (text: string) =>
    extractFirmsAndPeople(prepareText(text)).entities.filter((e) => e.type === "Person").map((e) => `${e.key} ${e.role}`);

  it("keeps two people of one name at two firms apart, and a bare mention with the only firm", () => {
    expect(people("镇里聘请甲乙律师事务所周红律师为法律顾问。丙丁律师事务所的周红律师参与调解。")).toEqual([
      "周红@甲乙律师事务所 lawyer",
      "周红@丙丁律师事务所 lawyer",
    ]);
    expect(people("镇里聘请甲乙律师事务所周红律师为法律顾问。周红律师每月到村坐班。")).toEqual(["周红@甲乙律师事务所 lawyer"]);
  });

  it("reads invited experts only when an expert's title closes the list", () => {
    expect(people("邀请王大明、李小红等法学专家授课。")).toEqual(["王大明 expert", "李小红 expert"]);
    expect(people("邀请王大明参加会议。")).toEqual([]);
  });
});
