import { describe, expect, it } from "vitest";
import { DivisionIndex, divisionIndex, foldVariants, isBelow, levelsBetween } from "../../src/extract/divisions.js";

const index = divisionIndex();
const codesOf = (key: string) => index.lookup(key).map((c) => index.code(c.id));

describe("division index lookups", () => {
  it("finds a township by its full name, with its level and official name", () => {
    const [only, ...rest] = index.lookup("坡子街街道");
    expect(rest).toEqual([]);
    expect(only!.kind).toBe("full");
    expect(index.ref(only!.id)).toEqual({ code: "430103002", name: "坡子街街道", level: "TOWNSHIP" });
  });

  it("lists every division that shares a name", () => {
    expect(codesOf("白鹤街道")).toEqual(["330212011", "430426004", "500154006"]);
    expect(codesOf("朝阳区")).toEqual(["110105", "220104"]);
  });

  it("knows the short forms reports write", () => {
    expect(index.lookup("万兴街").map((c) => [index.code(c.id), c.kind])).toContainEqual(["120104005", "weak"]);
    expect(index.lookup("浙江").map((c) => [index.code(c.id), c.kind])).toEqual([["33", "bare"]]);
    expect(codesOf("洪江区")).toEqual(["431271"]); // 怀化市洪江管理区
    expect(codesOf("湘西州")).toEqual(["4331"]);
    expect(codesOf("长阳县")).toEqual(["420528"]); // 长阳土家族自治县
    expect(codesOf("广西")).toEqual(["45"]);
  });

  it("names communities without the committee suffix", () => {
    const [only] = index.lookup("西牌楼社区").filter((c) => index.code(c.id).startsWith("4301"));
    expect(index.name(only!.id)).toBe("西牌楼社区");
    expect(index.level(only!.id)).toBe("COMMUNITY");
  });

  it("folds characters that place names write either way", () => {
    expect(foldVariants("红土咀村")).toBe("红土嘴村");
    expect(codesOf("红土咀村")).toEqual(codesOf("红土嘴村"));
    expect(codesOf("红土咀村")).toContain("621022107205");
  });

  it("leaves out the bookkeeping rows of the list", () => {
    expect(codesOf("市辖区")).toEqual([]);
    expect(codesOf("省直辖县级行政区划")).toEqual([]);
    expect(codesOf("街道")).toEqual([]);
  });
});

describe("ancestors", () => {
  it("runs from the province down to the parent", () => {
    const id = index.idOfCode("430103002002");
    expect(index.ancestors(id).map((a) => `${a.code} ${a.name} ${a.level}`)).toEqual([
      "43 湖南省 PROVINCE",
      "4301 长沙市 CITY",
      "430103 天心区 DISTRICT",
      "430103002 坡子街街道 TOWNSHIP",
    ]);
  });

  it("skips the 市辖区 row of a municipality", () => {
    expect(index.ancestors(index.idOfCode("120104")).map((a) => a.code)).toEqual(["12"]);
  });

  it("compares codes by prefix", () => {
    expect(isBelow("330212011004", "3302")).toBe(true);
    expect(isBelow("3302", "3302")).toBe(false);
    expect(isBelow("330212", "3303")).toBe(false);
    expect(levelsBetween("330212011004", "330212")).toBe(2);
  });
});

describe("scan", () => {
  it("finds every name in a text, with offsets", () => {
    const text = "在湖南省长沙市天心区开展调研";
    const found = index.scan(text).map((h) => `${text.slice(h.start, h.end)}@${h.start}`);
    expect(found).toEqual(expect.arrayContaining(["湖南省@1", "湖南@1", "长沙市@4", "天心区@7"]));
  });

  it("finds nothing in text without place names", () => {
    expect(index.scan("深入学习贯彻习近平法治思想，推进依法行政。")).toEqual([]);
  });

  it("finds the same names as a lookup of every run: two-character short forms beside longer names that start alike", () => {
    // a made-up list: a two-character weak short form (~青岚) and longer names that begin with the
    // same two characters, of the same and other lengths
    const small = new DivisionIndex(
      [
        "99\t青岚省\t青岚省|^青岚",
        "9901\t青岚市\t青岚市|~青岚",
        "990101\t青岚山区\t青岚山区|~青岚山",
        "990101001\t青石街道\t青石街道|~青石街",
        "990101001001\t青石社区\t青石社区|青石",
      ].join("\n"),
    );
    const text = "青岚省青岚市青岚山区青石街道青石社区，青岚青石，岚青";
    const brute: string[] = [];
    for (let end = 2; end <= text.length; end++) {
      for (let start = end - 2; start >= 0; start--) {
        const found = small.lookupRange(text, start, end);
        if (found.length) brute.push(`${text.slice(start, end)}@${start}`);
      }
    }
    const scanned = small.scan(text).map((h) => `${text.slice(h.start, h.end)}@${h.start}`);
    expect(scanned.sort()).toEqual(brute.sort());
    expect(scanned).toContain("青岚@19");
    expect(scanned).toContain("青石@21");
    expect(scanned).not.toContain("岚青@24");
  });
});
