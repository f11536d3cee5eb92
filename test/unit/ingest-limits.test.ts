// What an interrupted ingest says about the batch it was writing, and the per-report caps.
import { describe, expect, it } from "vitest";
import { batchOutcome } from "../../src/ingest/ingest.js";
import { checkReportNumbers } from "../../src/ingest/limits.js";

describe("batchOutcome", () => {
  it("says exactly what the graph holds of the batch whose write failed", () => {
    expect(batchOutcome(200, 200)).toMatch(/^The batch of 200 reports being written is in the graph/);
    expect(batchOutcome(200, 0)).toBe("The batch of 200 reports being written was not committed");
    expect(batchOutcome(200, 17)).toBe("17 of the 200 reports of the batch being written are in the graph");
    expect(batchOutcome(200, null)).toMatch(/^Whether the batch of 200 reports being written was committed is unknown/);
  });
});

describe("checkReportNumbers", () => {
  it("refuses a text with more numbers than the cap, before extraction", () => {
    expect(() => checkReportNumbers("全年办理案件12件，调解3起。", 2, "a.txt")).not.toThrow();
    expect(() => checkReportNumbers("1 2 3", 2, "a.txt")).toThrow(/^a\.txt: too many figures for one report \(more than 2 numbers/);
  });
});
