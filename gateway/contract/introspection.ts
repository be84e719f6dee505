/**
 * Introspection by a partner answers from the partner contract schema: the rest of the graph is not
 * discoverable. `__schema` and `__type` are looked for among the root fields wherever they are
 * selected (directly, or in fragments and inline fragments on the root). An operation that
 * introspects is answered from the contract as a whole; one that also selects data cannot be (the
 * contract schema has no resolvers), so it is refused with a request to introspect in an
 * operation of its own (plugin.ts refuses it before execution; this executor again, should it get
 * here). `__typename` is harmless: it is the same in both schemas.
 */
import { GraphQLError, Kind, execute, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import type { GatewayExecutor } from "@apollo/server-gateway-interface";
import type { Caller } from "../../platform/security/caller";

const SCHEMA_INTROSPECTION = new Set(["__schema", "__type"]);

/** Names of the fields selected on the root type, through fragments and inline fragments. */
function rootFieldNames(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, names = new Set<string>(), seen = new Set<string>()): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFieldNames(selection.selectionSet, fragments, names, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) rootFieldNames(fragment.selectionSet, fragments, names, seen);
    }
  }
  return names;
}

/** What an operation's root selects: schema introspection (`__schema`, `__type`), data (any field not starting with `__`). */
export function rootSelection(operation: OperationDefinitionNode, document: DocumentNode): { introspects: boolean; data: boolean } {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const names = [...rootFieldNames(operation.selectionSet, fragments)];
  return { introspects: names.some((n) => SCHEMA_INTROSPECTION.has(n)), data: names.some((n) => !n.startsWith("__")) };
}

export function mixesIntrospectionWithData(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  const { introspects, data } = rootSelection(operation, document);
  return introspects && data;
}

export function mixedIntrospectionError(): GraphQLError {
  return new GraphQLError(
    "The partner API answers __schema and __type from its contract schema, in an operation of their own: introspect in an operation of its own (with __typename if you like), and ask for data in another.",
    { extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } as never } },
  );
}

export function contractIntrospection(execute_: GatewayExecutor, contract: () => GraphQLSchema, callerOf: (context: unknown) => Caller): GatewayExecutor {
  return async (requestContext) => {
    const { operation, document } = requestContext;
    if (callerOf(requestContext.context).audience !== "partner" || !operation || !document) return execute_(requestContext);
    const { introspects, data } = rootSelection(operation, document);
    if (!introspects) return execute_(requestContext);
    if (data) return { errors: [mixedIntrospectionError()] };
    const result = await execute({
      schema: contract(),
      document,
      operationName: requestContext.request.operationName,
      variableValues: requestContext.request.variables,
    });
    return { data: result.data as Record<string, unknown> | null | undefined, errors: result.errors };
  };
}
