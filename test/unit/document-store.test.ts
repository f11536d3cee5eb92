import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { DocumentStore } from "../../src/api/document-store.js";

const doc = (text: string) => parse(text);

describe("the parsed-query store", () => {
  it("returns what was stored, and forgets the least recently used once over its size in characters", async () => {
    const a = doc("{ a: reports { totalCount } }"); // 29 characters
    const b = doc("{ b: reports { totalCount } }");
    const c = doc("{ c: reports { totalCount } }");
    const store = new DocumentStore(60);
    await store.set("a", a);
    await store.set("b", b);
    expect(await store.get("a")).toBe(a); // a is now the most recently used
    await store.set("c", c);
    expect(store.size).toBe(2);
    expect(await store.get("b")).toBeUndefined();
    expect(await store.get("a")).toBe(a);
    expect(await store.get("c")).toBe(c);
  });

  it("keeps nothing larger than itself, replaces a key in place, and deletes", async () => {
    const store = new DocumentStore(20);
    await store.set("big", doc("{ reports { totalCount } }"));
    expect(store.size).toBe(0);
    const small = doc("{ a }");
    await store.set("k", doc("{ b }"));
    await store.set("k", small);
    expect(store.size).toBe(1);
    expect(await store.get("k")).toBe(small);
    expect(await store.delete("k")).toBe(true);
    expect(await store.delete("k")).toBe(false);
    expect(await store.get("k")).toBeUndefined();
    // its space is free again: four of five characters fit in twenty
    for (const key of ["1", "2", "3", "4"]) await store.set(key, doc("{ x }"));
    expect(store.size).toBe(4);
  });
});

describe("documents vouched for", () => {
  it("are handed out once, to the lookup whose key ends with the query's hash", async () => {
    const store = new DocumentStore();
    const vouched = doc("{ reports { totalCount } }");
    store.vouch("abc123", vouched);
    expect(await store.get("schemahash:abc123")).toBe(vouched);
    expect(await store.get("schemahash:abc123")).toBeUndefined();
    store.vouch("def456", vouched);
    expect(await store.get("schemahash:other")).toBeUndefined();
    expect(store.size).toBe(0);
  });
});
