import { describe, expect, it } from "vitest";
import { METRIC_KINDS, kindOfMetric, kindsNamed, metricKindById } from "../../src/extract/metric-kinds.js";

describe("the catalogue of figure kinds", () => {
  it("has unique ids, units for every count and none for a rate", () => {
    expect(new Set(METRIC_KINDS.map((k) => k.id)).size).toBe(METRIC_KINDS.length);
    for (const kind of METRIC_KINDS) {
      expect(kind.signals.length).toBeGreaterThan(0);
      if (kind.measure === "rate") expect(kind.units).toBeUndefined();
      else expect(kind.units?.length).toBeGreaterThan(0);
    }
  });
});

describe("kindOfMetric", () => {
  it("reads the kind from the key phrase when the unit fits", () => {
    expect(kindOfMetric("为群众提供法律咨询", "人次")).toBe("legal-consultations");
    expect(kindOfMetric("办理行政复议案件", "件")).toBe("administrative-reconsideration-cases");
    expect(kindOfMetric("新收行政诉讼案件", "件")).toBe("administrative-litigation-cases");
    expect(kindOfMetric("各级调委会调处矛盾纠纷", "起")).toBe("mediation-cases");
    expect(kindOfMetric("开展法治宣传活动", "场")).toBe("legal-education-activities");
    expect(kindOfMetric("对重大行政决策开展合法性审查", "件")).toBe("legality-reviews");
    expect(kindOfMetric("负责人出庭应诉率", "%")).toBe("court-appearance-rate");
  });

  it("lets the longest signal decide: a rate of mediation is not a count of it", () => {
    expect(kindOfMetric("人民调解成功率", "%")).toBe("mediation-success-rate");
    expect(kindOfMetric("行政复议纠错率", "%")).toBe("reconsideration-correction-rate");
    expect(kindOfMetric("排查矛盾纠纷", "件")).toBe("dispute-screening");
  });

  it("gives no kind when the unit does not fit or no signal is there", () => {
    expect(kindOfMetric("设立法律咨询室", "个")).toBeNull(); // rooms, not consultations
    expect(kindOfMetric("法律咨询", "%")).toBeNull(); // no rate of consultations in the catalogue
    expect(kindOfMetric("行政复议案件", "元")).toBeNull();
    expect(kindOfMetric("新建口袋公园", "个")).toBeNull();
  });
});

describe("kindsNamed", () => {
  it("finds kinds by id, label or a signal phrase; nothing for other words", () => {
    expect(kindsNamed("legal-consultations").map((k) => k.id)).toEqual(["legal-consultations"]);
    expect(kindsNamed("行政复议案件").map((k) => k.id)).toEqual(["administrative-reconsideration-cases"]);
    expect(kindsNamed("出庭应诉率").map((k) => k.id)).toEqual(["court-appearance-rate"]);
    expect(kindsNamed("出庭应诉").map((k) => k.id).sort()).toEqual(["court-appearance-rate", "court-appearances"]);
    expect(kindsNamed("招商引资")).toEqual([]);
    expect(metricKindById("fines")?.measure).toBe("count");
  });
});
