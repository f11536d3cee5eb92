// Lists without paging (`first`) still have a bound: the query analysis counts each at its
// bound, and the resolvers return at most that many items, so the estimate holds at run time.
import { defaultFieldResolver, getNamedType, isInterfaceType, isListType, isNonNullType, isObjectType, type GraphQLSchema } from "graphql";

/** Items a list field without `first` returns at most, by "Type.field". */
export const LIST_BOUNDS: Readonly<Record<string, number>> = {
  "Jurisdiction.ancestors": 4, // province, city, district, township
  "Jurisdiction.lawFirms": 50,
  "LawFirm.advises": 50,
  "LawFirm.lawyers": 50,
  "Report.programs": 100,
  "Report.laws": 100,
  "Report.lawFirms": 50,
  "Report.persons": 50,
  "Report.places": 100,
  "Report.metrics": 200,
  "Mention.evidence": 5, // MAX_EVIDENCE sentences are stored per mention
  "RecurringProgram.jurisdictions": 60, // the explorer asks for 100 programmes with their places
  "RecurringProgram.evidence": 3,
  "MetricComparison.metrics": 20,
  "MetricComparison.within": 10, // the places with the largest totals; withinTotal counts them all
  "MetricPlaceFigures.metrics": 5,
  "Query.metricKinds": 60, // the catalogue (data/metric-kinds.json) holds fewer
  "Query.compareMetrics": 100,
  "Query.sharedPrograms": 100,
  "TimelinePlace.years": 50,
};

/** compareMetrics answers at most this many rows per place and year (one per base unit). */
export const COMPARED_UNITS_PER_PLACE_YEAR = 3;

/**
 * A bound that follows from the list arguments given (null: use the fixed bound): compareMetrics
 * with its places and years listed returns at most places × years × units-per-year rows.
 */
export function argumentBound(type: string, field: string, listLength: (argument: string) => number | null): number | null {
  if (`${type}.${field}` !== "Query.compareMetrics") return null;
  const places = listLength("jurisdictions");
  const years = listLength("years");
  if (places === null || years === null || years === 0) return null;
  return Math.min(listBound(type, field), Math.max(1, places) * years * COMPARED_UNITS_PER_PLACE_YEAR);
}

/** Lists whose length the parent field's `first` already bounds (counted once, never cut). */
const PAGED_BY_PARENT = new Set(["Neighborhood.nodes", "Neighborhood.edges"]);

export function pagedByParent(type: string, field: string): boolean {
  return PAGED_BY_PARENT.has(`${type}.${field}`);
}

/** A list field missing from the table is counted (and cut) at this size. */
export const DEFAULT_LIST_BOUND = 100;

export function listBound(type: string, field: string): number {
  return LIST_BOUNDS[`${type}.${field}`] ?? DEFAULT_LIST_BOUND;
}

/** "Type.field" of every list-of-objects field without `first` (connection edges excepted). */
export function unpagedListFields(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
      const named = getNamedType(field.type);
      if (!isListType(inner) || !(isObjectType(named) || isInterfaceType(named))) continue;
      if (field.args.some((a) => a.name === "first")) continue;
      if (field.name === "edges" && type.getFields().pageInfo) continue;
      if (pagedByParent(type.name, field.name)) continue;
      found.push(`${type.name}.${field.name}`);
    }
  }
  return found.sort();
}

/** Makes every unpaged list field of the schema return at most its bound (the first items). */
export function boundLists(schema: GraphQLSchema): GraphQLSchema {
  for (const name of unpagedListFields(schema)) {
    const [typeName, fieldName] = name.split(".") as [string, string];
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const field = type.getFields()[fieldName]!;
    const resolve = field.resolve ?? defaultFieldResolver;
    const bound = listBound(typeName, fieldName);
    field.resolve = async (...args) => {
      const value: unknown = await resolve(...args);
      return Array.isArray(value) && value.length > bound ? value.slice(0, bound) : value;
    };
  }
  return schema;
}
