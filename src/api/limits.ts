// Depth and cost limits, checked as a validation rule: an abusive query is refused before any
// resolver runs, so it never reaches the database.
import {
  GraphQLError,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from "graphql";

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  /** page size assumed for a list field without a literal `first` */
  defaultPage: number;
  maxPage: number;
}

interface Walk {
  depth: number;
  cost: number;
}

function literalInt(value: ValueNode | undefined): number | null {
  return value?.kind === Kind.INT ? Number(value.value) : null;
}

/**
 * Cost: every field resolved costs 1, times the number of parents it is resolved for; a field
 * that takes `first` multiplies what is below it by that page size (the maximum when `first`
 * is a variable, the default when it is absent). Introspection fields are free.
 */
function walk(
  selections: SelectionSetNode,
  type: GraphQLNamedType,
  fragments: Record<string, FragmentDefinitionNode>,
  limits: QueryLimits,
  multiplier: number,
  seen: Set<string>,
): Walk {
  let depth = 0;
  let cost = 0;
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith("__")) continue;
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      const field = type.getFields()[selection.name.value];
      if (!field) continue; // unknown fields are reported by the standard rules
      let factor = 1;
      if (field.args.some((a) => a.name === "first")) {
        const first = selection.arguments?.find((a) => a.name.value === "first");
        factor = first ? (literalInt(first.value) ?? limits.maxPage) : limits.defaultPage;
      }
      cost += multiplier;
      if (selection.selectionSet) {
        const below = walk(selection.selectionSet, getNamedType(field.type), fragments, limits, multiplier * Math.max(factor, 1), seen);
        depth = Math.max(depth, 1 + below.depth);
        cost += below.cost;
      } else {
        depth = Math.max(depth, 1);
      }
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
      if (!fragment) continue;
      const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : null;
      if (name && seen.has(name)) continue; // cycles are reported by the standard rules
      const inner = walk(fragment.selectionSet, type, fragments, limits, multiplier, name ? new Set([...seen, name]) : seen);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
  }
  return { depth, cost };
}

export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext) => {
    const document = context.getDocument();
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    for (const d of document.definitions) {
      if (d.kind !== Kind.OPERATION_DEFINITION) continue;
      const root = d.operation === "mutation" ? context.getSchema().getMutationType() : context.getSchema().getQueryType();
      if (!root) continue;
      const { depth, cost } = walk(d.selectionSet, root, fragments, limits, 1, new Set());
      if (depth > limits.maxDepth) {
        context.reportError(new GraphQLError(`query is ${depth} levels deep; the limit is ${limits.maxDepth}`, { extensions: { code: "QUERY_TOO_COMPLEX" } }));
      } else if (cost > limits.maxCost) {
        context.reportError(
          new GraphQLError(`query may resolve about ${cost} fields; the limit is ${limits.maxCost}: ask for smaller pages (first) or fewer nested lists`, {
            extensions: { code: "QUERY_TOO_COMPLEX" },
          }),
        );
      }
    }
    return {};
  };
}
