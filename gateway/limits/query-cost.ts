/**
 * List-size-aware cost of an operation: every field costs 1, times the sizes of the lists it sits
 * in. A list's size is its `first` or `limit` argument (literal or variable; on a Relay connection
 * it sizes the connection's edges), else DEFAULT_LIST_SIZE. graphql-armor's cost limit counts each field once whatever the page size;
 * `persons(first: 100) { ...four programs }` must cost a hundred times one person.
 */
import {
  Kind, getNamedType, getNullableType, isCompositeType, isListType, isObjectType, isInterfaceType,
  type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from "graphql";

/** A list field without `first`/`limit` is taken to hold this many items. */
export const DEFAULT_LIST_SIZE = 10;
/** Nested fragments deeper than this are not followed (cycles are refused by validation anyway). */
const MAX_FRAGMENT_DEPTH = 20;

/** The page size a field asks for (`first` or `limit`), if it has one. */
function pageSize(field: FieldNode, variables: Record<string, unknown>): number | null {
  for (const argument of field.arguments ?? []) {
    if (argument.name.value !== "first" && argument.name.value !== "limit") continue;
    const value = argument.value.kind === Kind.INT ? Number(argument.value.value) : argument.value.kind === Kind.VARIABLE ? Number(variables[argument.value.name.value]) : NaN;
    if (Number.isFinite(value) && value >= 0) return value;
  }
  return null;
}

/** Relay connection lists: sized by their connection's `first`, already counted. */
const CONNECTION_LISTS = new Set(["edges", "nodes"]);

export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): number {
  const walk = (selectionSet: SelectionSetNode, type: GraphQLCompositeType, multiplier: number, depth: number): number => {
    if (depth > MAX_FRAGMENT_DEPTH) return 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && condition && isCompositeType(condition)) cost += walk(fragment.selectionSet, condition, multiplier, depth + 1);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (condition && isCompositeType(condition)) cost += walk(selection.selectionSet, condition, multiplier, depth);
        continue;
      }
      cost += multiplier;
      if (!selection.selectionSet || !(isObjectType(type) || isInterfaceType(type))) continue;
      const definition = type.getFields()[selection.name.value];
      if (!definition) continue;
      const named = getNamedType(definition.type);
      if (!isCompositeType(named)) continue;
      // A paged field (a list, or a connection) counts its page size; an unpaged list its default.
      const page = pageSize(selection, variables);
      const isList = isListType(getNullableType(definition.type));
      const size = page ?? (isList && !CONNECTION_LISTS.has(selection.name.value) ? DEFAULT_LIST_SIZE : 1);
      cost += walk(selection.selectionSet, named, multiplier * size, depth);
    }
    return cost;
  };
  const root = schema.getRootType(operation.operation);
  return root ? walk(operation.selectionSet, root, 1, 0) : 0;
}
