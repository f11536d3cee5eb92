import { afterEach, describe, expect, it } from "vitest";
import { AnswerCache, asCachedBody } from "../../src/api/answer-cache.js";

const answer = (body: string) => ({ status: 200, contentType: "application/json", body });
let cache: AnswerCache | undefined;
afterEach(() => cache?.stop());

/** A cache whose graph version is whatever `state.version` says (or an unreachable database). */
async function cacheOn(state: { version: number | "down" }, options = {}) {
  cache = new AnswerCache(
    async () => {
      if (state.version === "down") throw new Error("ServiceUnavailable");
      return state.version;
    },
    { maxEntries: 3, maxTotalLength: 1000, maxKeyLength: 100, pollMs: 60_000, ...options },
  );
  await cache.start();
  return cache;
}

describe("AnswerCache", () => {
  it("replays an answer stored at the current version", async () => {
    const c = await cacheOn({ version: 7 });
    c.set("q1", answer("a1"), c.currentVersion);
    expect(c.get("q1")).toEqual(answer("a1"));
    expect(c.get("q2")).toBeUndefined();
  });

  it("drops everything when the graph changes, and refuses answers computed before the change", async () => {
    const state = { version: 1 as number | "down" };
    const c = await cacheOn(state);
    const seenBefore = c.currentVersion;
    c.set("q1", answer("a1"), seenBefore);
    state.version = 2;
    c.invalidate();
    await new Promise((r) => setTimeout(r, 10));
    expect(c.get("q1")).toBeUndefined();
    c.set("q1", answer("stale"), seenBefore);
    expect(c.get("q1")).toBeUndefined();
  });

  it("is off while the database cannot be reached", async () => {
    const c = await cacheOn({ version: "down" });
    expect(c.currentVersion).toBeNull();
    c.set("q1", answer("a1"), c.currentVersion);
    expect(c.get("q1")).toBeUndefined();
  });

  it("keeps the most recently used answers within its entry and size bounds", async () => {
    const c = await cacheOn({ version: 1 });
    const v = c.currentVersion;
    for (const q of ["q1", "q2", "q3"]) c.set(q, answer(q.toUpperCase()), v);
    c.get("q1"); // used: q2 is now the oldest
    c.set("q4", answer("Q4"), v);
    expect(["q1", "q2", "q3", "q4"].map((q) => c.get(q)?.body ?? null)).toEqual(["Q1", null, "Q3", "Q4"]);
    c.set("big", answer("x".repeat(100)), v); // over 1/16 of the room: not kept
    expect(c.get("big")).toBeUndefined();
    c.set("long-request-".repeat(10), answer("a"), v); // request over maxKeyLength: not kept
    expect(c.get("long-request-".repeat(10))).toBeUndefined();
  });
});

describe("asCachedBody", () => {
  /** What the replayed answer must be: the same answer, its extensions marked as cached. */
  const expected = (body: string) => {
    const json = JSON.parse(body);
    return { ...json, extensions: { ...json.extensions, cypherRoundTrips: 0, cached: true } };
  };

  it.each([
    ['{"data":{"a":1},"extensions":{"cypherRoundTrips":3}}\n', "the server's usual answer"],
    ['{"data":{"s":"\\"cypherRoundTrips\\":9}}"},"extensions":{"x":1,"cypherRoundTrips":12}}', "a string that looks like the count"],
    ['{"data":{"a":1},"extensions":{"cypherRoundTrips":2,"x":{}}}', "the count not last"],
    ['{"data":{"a":1}}', "no extensions"],
    ['{"data":{"cached":false},"extensions":{"cypherRoundTrips":1}}', "a field named cached"],
  ])("marks %s (%s) as cached, with 0 round trips", (body) => {
    const replayed = asCachedBody(body);
    expect(JSON.parse(replayed)).toEqual(expected(body));
    expect(replayed).toBe(JSON.stringify(expected(body)));
  });
});
