import { describe, expect, it } from "vitest";
import { RequestTiming } from "../../src/api/http/timing.js";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const durations = (header: string) => Object.fromEntries(header.split(", ").map((e) => [e.split(";")[0], Number(/dur=([\d.]+)/.exec(e)![1])]));

describe("Server-Timing of one request", () => {
  it("names each phase from its mark to the next, adds the statements' time and the total", async () => {
    const timing = new RequestTiming();
    timing.mark("read");
    await wait(15);
    timing.mark("execute");
    // two statements at once for 10 ms count 10 ms, not 20; the time between them does not count
    const first = timing.statementSent();
    const second = timing.statementSent();
    await wait(10);
    first();
    second();
    second(); // a second call changes nothing
    await wait(10);
    timing.statementSent()();
    const header = timing.header();
    expect(header).toMatch(/^receive;dur=[\d.]+, read;dur=[\d.]+, execute;dur=[\d.]+, db;dur=[\d.]+;desc="3 statements", total;dur=[\d.]+$/);
    const d = durations(header);
    expect(d.read).toBeGreaterThanOrEqual(14);
    expect(d.db).toBeGreaterThanOrEqual(9);
    expect(d.db).toBeLessThan(d.execute - 5);
    expect(d.receive + d.read + d.execute).toBeCloseTo(d.total, 1);
  });

  it("is one phase and no statements when nothing was marked", () => {
    expect(new RequestTiming().header()).toMatch(/^receive;dur=[\d.]+, db;dur=0\.00;desc="0 statements", total;dur=[\d.]+$/);
  });
});
