import { describe, expect, it } from "vitest";
import { readBodyHints } from "../../src/extract/body-hints.js";

describe("readBodyHints", () => {
  it("reads the kind a report speaks as from 我/本, not from a passing 全市", () => {
    expect(readBodyHints("我镇聘请法律顾问。本镇调解纠纷30件，位居全市前列。").kind).toBe("镇");
    expect(readBodyHints("本街道开展普法。我街道调解纠纷。").kind).toBe("街道");
    expect(readBodyHints("全市开展普法，全区参与。").kind).toBeNull();
  });

  it("does not take 本区域, 全市场 or 全乡镇 for a body", () => {
    expect(readBodyHints("本区域内全市场主体参与，全乡镇覆盖。").kind).toBeNull();
  });

  it("names the parent's kind from its organs, the nearest level only", () => {
    expect([...readBodyHints("在市委、区委的领导下，街道依法履职。").parentKinds]).toEqual(["区"]);
    expect([...readBodyHints("在县全面依法治县办指导下开展工作。").parentKinds]).toEqual(["县"]);
    expect([...readBodyHints("落实市委全面依法治市委员会部署。").parentKinds]).toEqual(["市"]);
    expect([...readBodyHints("社区委员会换届。").parentKinds]).toEqual([]);
  });

  it("finds the opening sentence after headings, and the handover sentence", () => {
    const text = "一、主要做法\n2023年，北山街道坚持依法行政，成效明显。街道办事处统筹。\n现将2023年工作报告如下：";
    const spans = readBodyHints(text).openings.map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(["2023年，北山街道坚持依法行政，成效明显", "现将2023年工作报告如下"]);
  });
});
