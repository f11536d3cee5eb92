// What a query may ask for, decided from its text alone before anything runs: tokens, depth,
// estimated cost, top-level fields and aliases. One pass over the document: each fragment is
// analysed once and its summary reused wherever it is spread, so fragments that spread each
// other many times over cost nothing extra to check (the old check walked them exponentially).
import {
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { argumentBound, listBound, pagedByParent } from "./list-bounds.js";

export interface AnalysisLimits {
  maxTokens: number;
  maxDepth: number;
  maxCost: number;
  maxRootFields: number;
  maxAliases: number;
  /** page size assumed for a paged field without `first` */
  defaultPage: number;
  /** page size assumed when `first` is a variable that is not given */
  maxPage: number;
}

/** What a selection set asks for, per parent it is resolved for. */
interface Summary {
  depth: number;
  /** fields resolved, lists multiplied by their page size or bound */
  cost: number;
  aliases: number;
  /** fields directly in this selection (fragments expanded) */
  fields: number;
}

const EMPTY: Summary = { depth: 0, cost: 0, aliases: 0, fields: 0 };

function isObjectList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (!isListType(inner)) return false;
  const named = getNamedType(inner);
  return isObjectType(named) || isInterfaceType(named);
}

class Analyser {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly summaries = new Map<string, Summary>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Record<string, unknown>,
    private readonly limits: AnalysisLimits,
  ) {
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(d.name.value, d);
  }

  /** How many times a field's selection is resolved per parent. */
  private factor(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
    const firstArg = field.args.find((a) => a.name === "first");
    if (firstArg) {
      const given = node.arguments?.find((a) => a.name.value === "first")?.value;
      const value = given ? this.intValue(given) : typeof firstArg.defaultValue === "number" ? firstArg.defaultValue : this.limits.defaultPage;
      return Math.max(1, value);
    }
    if (!isObjectList(field.type)) return 1;
    // A connection's edges are already counted by the connection's `first`.
    if (field.name === "edges" && isObjectType(parent) && parent.getFields().pageInfo) return 1;
    if (pagedByParent(parent.name, field.name)) return 1;
    return argumentBound(parent.name, field.name, (name) => this.listLength(node, name)) ?? listBound(parent.name, field.name);
  }

  /** How many items a list argument holds, written inline or as a variable; null when unknown. */
  private listLength(node: FieldNode, name: string): number | null {
    const value = node.arguments?.find((a) => a.name.value === name)?.value;
    if (value?.kind === Kind.LIST) return value.values.length;
    if (value?.kind === Kind.VARIABLE) {
      const given = this.variables[value.name.value];
      return Array.isArray(given) ? given.length : null;
    }
    return null;
  }

  private intValue(value: ValueNode): number {
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      const given = this.variables[value.name.value];
      return typeof given === "number" && Number.isFinite(given) ? given : this.limits.maxPage;
    }
    return this.limits.maxPage;
  }

  private fragment(name: string): Summary {
    const known = this.summaries.get(name);
    if (known) return known;
    const definition = this.fragments.get(name);
    // Unknown fragments and cycles are reported by GraphQL's own validation.
    if (!definition || this.inProgress.has(name)) return EMPTY;
    this.inProgress.add(name);
    const type = this.schema.getType(definition.typeCondition.name.value);
    const summary = type ? this.selections(definition.selectionSet, type) : EMPTY;
    this.inProgress.delete(name);
    this.summaries.set(name, summary);
    return summary;
  }

  selections(set: SelectionSetNode, type: GraphQLNamedType): Summary {
    const sum = { depth: 0, cost: 0, aliases: 0, fields: 0 };
    const add = (s: Summary) => {
      sum.depth = Math.max(sum.depth, s.depth);
      sum.cost += s.cost;
      sum.aliases += s.aliases;
      sum.fields += s.fields;
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        sum.fields++;
        if (selection.alias) sum.aliases++;
        if (selection.name.value.startsWith("__")) continue; // introspection: bounded by the schema
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!field) continue; // unknown fields are reported by GraphQL's own validation
        const below = selection.selectionSet ? this.selections(selection.selectionSet, getNamedType(field.type)) : EMPTY;
        sum.depth = Math.max(sum.depth, 1 + below.depth);
        sum.cost += 1 + this.factor(type, field, selection) * below.cost;
        sum.aliases += below.aliases;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : type;
        if (inner) add(this.selections(selection.selectionSet, inner));
      } else {
        add(this.fragment(selection.name.value));
      }
    }
    return sum;
  }
}

export class QueryTooComplex extends Error {
  readonly code = "QUERY_TOO_COMPLEX";
}

/**
 * Parses a query within the token limit and checks what it asks for. Throws QueryTooComplex
 * with the reason; returns the parsed query when it may run, or null when it does not parse
 * (left to GraphQL's own error).
 */
export function checkQuery(
  schema: GraphQLSchema,
  query: string,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  limits: AnalysisLimits,
): DocumentNode | null {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens });
  } catch (error) {
    // graphql-js 16 words it "more that N tokens"
    if (/more tha[nt] \d+ tokens/.test((error as Error).message)) {
      throw new QueryTooComplex(`the query has more than ${limits.maxTokens} tokens; the limit is ${limits.maxTokens}`);
    }
    return null;
  }
  const analyser = new Analyser(schema, document, variables, limits);
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && d.name?.value !== operationName) continue;
    const root = d.operation === "mutation" ? schema.getMutationType() : d.operation === "query" ? schema.getQueryType() : null;
    if (!root) continue;
    const { depth, cost, aliases, fields } = analyser.selections(d.selectionSet, root);
    if (fields > limits.maxRootFields) {
      throw new QueryTooComplex(`the operation asks for ${fields} top-level fields; the limit is ${limits.maxRootFields}: send fewer aliases per request`);
    }
    if (aliases > limits.maxAliases) {
      throw new QueryTooComplex(`the query has ${aliases} aliased fields; the limit is ${limits.maxAliases}`);
    }
    if (depth > limits.maxDepth) {
      throw new QueryTooComplex(`query is ${depth} levels deep; the limit is ${limits.maxDepth}`);
    }
    if (cost > limits.maxCost) {
      const about = Number.isFinite(cost) && cost < 1e15 ? String(Math.round(cost)) : "more than 10^15";
      throw new QueryTooComplex(
        `query may resolve about ${about} fields; the limit is ${limits.maxCost}: ask for smaller pages (first) or fewer nested lists`,
      );
    }
  }
  return document;
}
