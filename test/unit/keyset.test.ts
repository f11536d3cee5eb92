// Keyset pages: the cursor round trip, its refusals, and the "after" condition's logic.
import { describe, expect, it } from "vitest";
import "reflect-metadata";
import { decodeCursor, encodeCursor, pageWindow } from "../../src/api/pagination.js";
import { afterCondition, toPage, where } from "../../src/graph/read/keyset.js";

describe("cursors", () => {
  it("carry a sort key and come back as it", () => {
    for (const key of [["330106"], [2023, "ab12"], [5, "枫桥经验"], ["330106", 0, "出庭应诉率", "x:3"]]) {
      expect(decodeCursor(encodeCursor(key))).toEqual(key);
    }
  });

  it("refuse what this server could not have given out, with BAD_USER_INPUT", () => {
    const refused = ["", "!!", "a".repeat(2000), Buffer.from("o:5").toString("base64url"), Buffer.from("{}").toString("base64url"),
      Buffer.from("[]").toString("base64url"), Buffer.from("[null]").toString("base64url"), Buffer.from("[[1]]").toString("base64url"),
      Buffer.from(JSON.stringify([1, 2, 3, 4, 5, 6, 7])).toString("base64url"), Buffer.from(JSON.stringify(["x".repeat(300)])).toString("base64url")];
    for (const cursor of refused) {
      expect(() => decodeCursor(cursor), cursor.slice(0, 20)).toThrow(/after: not a cursor this server gave out/);
    }
  });

  it("make a window with the page size and the key", () => {
    const limits = { defaultSize: 20, maxSize: 100 };
    expect(pageWindow({}, limits)).toEqual({ limit: 20, after: null });
    expect(pageWindow({ first: 3, after: encodeCursor([2023, "x"]) }, limits)).toEqual({ limit: 3, after: [2023, "x"] });
    expect(() => pageWindow({ first: 101 }, limits)).toThrow(/first: expected 0 to 100/);
  });
});

describe("keyset conditions", () => {
  // Evaluates the generated Cypher condition in JS for rows of (year, id), to check its logic.
  const holds = (condition: string, row: { year: number; id: string }, after: (string | number)[]) =>
    new Function("r", "$after", `return ${condition.replace(/ AND /g, " && ").replace(/ OR /g, " || ").replace(/ = /g, " === ")};`)(row, after);

  it("selects exactly the rows after the cursor in a mixed-direction order", () => {
    const columns = [{ expr: "r.year", desc: true }, { expr: "r.id" }];
    const condition = afterCondition(columns);
    const rows = [2024, 2023, 2022].flatMap((year) => ["a", "b", "c"].map((id) => ({ year, id })));
    const after = [2023, "b"];
    const at = rows.findIndex((r) => r.year === 2023 && r.id === "b");
    expect(rows.filter((r) => holds(condition, r, after))).toEqual(rows.slice(at + 1));
  });

  it("adds the condition only when there is a cursor", () => {
    const columns = [{ expr: "j.code" }];
    expect(where(["j.level = $level"], columns, { limit: 5, after: null })).toBe("WHERE j.level = $level");
    expect(where([], columns, { limit: 5, after: ["33"] })).toBe("WHERE j.code >= $after[0] AND ((j.code > $after[0]))");
  });

  it("reads one row more than the page to know whether more follow", () => {
    const rows = [1, 2, 3].map((n) => ({ item: n, key: [n] }));
    expect(toPage(rows, { limit: 2, after: null })).toEqual({ items: [1, 2], keys: [[1], [2]], hasMore: true });
    expect(toPage(rows, { limit: 3, after: null })).toEqual({ items: [1, 2, 3], keys: [[1], [2], [3]], hasMore: false });
  });
});
