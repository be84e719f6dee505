/** Introspection by a partner answers from the partner contract schema: the rest of the graph is not discoverable. */
import { Kind, execute, type GraphQLSchema } from "graphql";
import type { GatewayExecutor } from "@apollo/server-gateway-interface";
import type { Caller } from "../../subgraphs/kit/security/caller";

const isIntrospectionOnly = (selections: readonly { kind: Kind; name?: { value: string } }[]) =>
  selections.length > 0 && selections.every((s) => s.kind === Kind.FIELD && s.name!.value.startsWith("__"));

export function contractIntrospection(execute_: GatewayExecutor, contract: () => GraphQLSchema, callerOf: (context: unknown) => Caller): GatewayExecutor {
  return async (requestContext) => {
    const operation = requestContext.operation;
    if (callerOf(requestContext.context).audience !== "partner" || !operation || !isIntrospectionOnly(operation.selectionSet.selections)) {
      return execute_(requestContext);
    }
    const result = await execute({
      schema: contract(),
      document: requestContext.document!,
      operationName: requestContext.request.operationName,
      variableValues: requestContext.request.variables,
    });
    return { data: result.data as Record<string, unknown> | null | undefined, errors: result.errors };
  };
}
