import { describe, expect, it } from "vitest";
import { inListingOrder } from "../../src/ingest/in-order.js";

describe("inListingOrder", () => {
  it("yields results in listing order when later jobs finish first, with at most the window running", async () => {
    let running = 0;
    let most = 0;
    const finished: number[] = [];
    const job = async (i: number) => {
      running++;
      most = Math.max(most, running);
      await new Promise((done) => setTimeout(done, (5 - i) * 10)); // the last listed ends first
      running--;
      finished.push(i);
      return i;
    };
    const taken: number[] = [];
    for await (const result of inListingOrder(6, 3, job)) taken.push(result);
    expect(taken).toEqual([0, 1, 2, 3, 4, 5]);
    expect(finished).not.toEqual(taken);
    expect(most).toBe(3);
  });
});
