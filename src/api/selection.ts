// Look-ahead at what a query asks of a lookup's answer: the fields selected on the object a root
// resolver returns, with their argument values, so that the lookup can read its nested lists in
// the same Cypher statement and hand them to the child resolvers (through the request's loaders).
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionNode,
} from "graphql";

export interface SelectedField {
  name: string;
  args: Record<string, unknown>;
}

/** false when @skip or @include leaves the selection out. */
function included(node: SelectionNode, variables: Record<string, unknown>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/**
 * The fields selected directly on the object the resolving field returns (fragments expanded),
 * one entry per selection: a field asked for twice with different arguments (under aliases)
 * appears twice. Fields whose arguments do not coerce are left out: their own resolver reports it.
 */
export function selectedFields(info: GraphQLResolveInfo): SelectedField[] {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return [];
  const found: SelectedField[] = [];
  const seenFragments = new Set<string>();
  const matches = (typeName: string | undefined) => !typeName || typeName === type.name || type.getInterfaces().some((i) => i.name === typeName);
  const visit = (selections: readonly SelectionNode[], on: GraphQLObjectType) => {
    for (const node of selections) {
      if (!included(node, info.variableValues)) continue;
      if (node.kind === Kind.FIELD) addField(node, on);
      else if (node.kind === Kind.INLINE_FRAGMENT) {
        if (matches(node.typeCondition?.name.value)) visit(node.selectionSet.selections, on);
      } else {
        const fragment = info.fragments[node.name.value];
        if (!fragment || seenFragments.has(node.name.value) || !matches(fragment.typeCondition.name.value)) continue;
        seenFragments.add(node.name.value);
        visit(fragment.selectionSet.selections, on);
      }
    }
  };
  const addField = (node: FieldNode, on: GraphQLObjectType) => {
    const definition = on.getFields()[node.name.value];
    if (!definition) return;
    try {
      found.push({ name: node.name.value, args: getArgumentValues(definition, node, info.variableValues) });
    } catch {
      // the field's own resolver answers with the error
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) visit(node.selectionSet.selections, type);
  return found;
}

/** The argument values of each selection of a field (none when it is not selected). */
export const selectionsOf = (fields: SelectedField[], name: string) => fields.filter((f) => f.name === name).map((f) => f.args);
