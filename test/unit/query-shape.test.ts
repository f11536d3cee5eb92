// Validation by shape (src/api/guard/query-shape.ts) on the published schema, against graphql-js's own verdicts.
import { readFileSync } from "node:fs";
import { buildSchema, NoSchemaIntrospectionCustomRule, parse, print, specifiedRules, validate } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { shapeKey, shapeOf, ShapeValidator } from "../../src/api/guard/query-shape.js";

const schema = buildSchema(readFileSync("schema/schema.graphql", "utf8"));

const shape = (query: string) => {
  const shaped = shapeOf(schema, parse(query));
  return shaped && print(shaped);
};

describe("a query's shape", () => {
  it("is the same whatever the literals and aliases", () => {
    const a = shape(`{ q1: jurisdiction(code: "110101") { name programs(first: 5) { totalCount } } }`);
    const b = shape(`{ other: jurisdiction(code: "330106") { name programs(first: 20) { totalCount } } }`);
    expect(a).not.toBeNull();
    expect(a).toBe(b);
    expect(a).not.toContain("110101");
  });

  it("keeps apart what validation tells apart: field names, equal and unequal arguments, response names", () => {
    expect(shape(`{ a: jurisdiction(code: "1") { name } }`)).not.toBe(shape(`{ a: lawFirm(name: "1") { name } }`));
    const same = shape(`{ a: jurisdiction(code: "1") { name } b: jurisdiction(code: "1") { name } }`);
    const different = shape(`{ a: jurisdiction(code: "1") { name } b: jurisdiction(code: "2") { name } }`);
    expect(same).not.toBe(different);
    expect(shape(`{ a: jurisdiction(code: "1") { name } a: jurisdiction(code: "1") { name } }`)).not.toBe(same);
  });

  it("is not made for a query that uses the shape's own variable names", () => {
    expect(shape(`query($kgLiteral0: String!) { jurisdiction(code: $kgLiteral0) { name } }`)).toBeNull();
  });
});

describe("a shape's key, from the tokens", () => {
  it("is the same whatever the literals, aliases, spacing and comments", () => {
    expect(shapeKey(`{ q1: jurisdiction(code: "110101") { name programs(first: 5) { totalCount } } }`)).toBe(
      shapeKey(`# a comment\n{other:jurisdiction(code:"330106"){ name   programs(first: 20) { totalCount } } }`),
    );
  });

  it("tells apart what the shape tells apart", () => {
    const differ = [
      // an alias that is another field's name, or not
      [`{ name: code name }`, `{ x: code name }`],
      // equal literals, or not
      [`{ a: jurisdiction(code: "1") { name } b: jurisdiction(code: "1") { name } }`, `{ a: jurisdiction(code: "1") { name } b: jurisdiction(code: "2") { name } }`],
      // one response name twice, or two
      [`{ a: jurisdiction(code: "1") { name } a: jurisdiction(code: "2") { name } }`, `{ a: jurisdiction(code: "1") { name } b: jurisdiction(code: "2") { name } }`],
      // a string, or a number
      [`{ jurisdiction(code: "1") { name } }`, `{ jurisdiction(code: 1) { name } }`],
      // an argument's name is not an alias
      [`{ jurisdiction(code: "1") { name } }`, `{ jurisdiction(name: "1") { name } }`],
      // an object value's field names are kept
      [`{ f(input: { a: 1 }) { name } }`, `{ f(input: { b: 1 }) { name } }`],
      // enum values are kept
      [`{ recurringPrograms(level: DISTRICT) { totalCount } }`, `{ recurringPrograms(level: CITY) { totalCount } }`],
      // fragment and type names are kept
      [`{ ...A } fragment A on Query { reports { totalCount } }`, `{ ...B } fragment B on Query { reports { totalCount } }`],
      [`{ node(id: "x") { ... on Program { name } } }`, `{ node(id: "x") { ... on Law { name } } }`],
    ];
    for (const [a, b] of differ) expect(shapeKey(a!), `${a} / ${b}`).not.toBe(shapeKey(b!));
  });
});

describe("validation by shape", () => {
  /** Whether the validator vouches for a query, beside graphql-js's own verdict on it. */
  const verdicts = async (validator: ShapeValidator, query: string) => ({
    vouched: await validator.passes(query, parse(query)),
    valid: validate(schema, parse(query), validator === strict ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules).length === 0,
  });
  let open: ShapeValidator;
  let strict: ShapeValidator;
  beforeAll(() => {
    open = new ShapeValidator(schema, specifiedRules);
    strict = new ShapeValidator(schema, [...specifiedRules, NoSchemaIntrospectionCustomRule]);
  });

  it("vouches only for what full validation passes, on a known shape with new literals too", async () => {
    const queries = [
      `{ a: jurisdiction(code: "110101") { name } }`,
      `{ b: jurisdiction(code: "330106") { name } }`, // known shape, new literal
      `{ c: jurisdiction(code: 110101) { name } }`, // an Int where a String is wanted
      `{ d: jurisdiction(code: null) { name } }`, // null for a non-null argument
      `{ e: recurringPrograms(level: DISTRICT, minJurisdictions: 2, first: 10) { totalCount } }`,
      `{ f: recurringPrograms(level: NOT_A_LEVEL, minJurisdictions: 2, first: 10) { totalCount } }`,
      `{ g: recurringPrograms(level: DISTRICT, minJurisdictions: 99999999999, first: 10) { totalCount } }`, // beyond Int
      `{ a: jurisdiction(code: "1") { name } a: jurisdiction(code: "2") { name } }`, // one response name, two arguments
      `{ a: jurisdiction(code: "1") { name } a: jurisdiction(code: "1") { name } }`,
      `{ a: jurisdiction(code: "1") { name } a: lawFirm(name: "1") { name } }`,
      `{ jurisdiction(code: "1") { nmae } }`,
      `query($c: String!) { jurisdiction(code: $c) { name } }`,
      `query($c: String!) { jurisdiction(code: "1") { name } }`, // unused variable
      `{ jurisdiction(code: "1") { name @include(if: "yes") } }`, // a directive's literal
      `{ __schema { queryType { name } } }`,
    ];
    for (const validator of [open, strict]) {
      const valid: boolean[] = [];
      for (const query of queries) {
        // twice: the first meets an unknown shape, the second the cached verdict
        for (let time = 0; time < 2; time++) {
          const { vouched, valid: passes } = await verdicts(validator, query);
          expect(vouched, query).toBe(passes);
          if (time === 0) valid.push(passes);
        }
      }
      expect(valid.filter(Boolean).length).toBeGreaterThanOrEqual(validator === open ? 6 : 5);
      expect(valid.filter((v) => !v).length).toBeGreaterThanOrEqual(8);
    }
  });
});
