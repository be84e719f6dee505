/**
 * Wraps @apollo/gateway's executor: before the query is planned, the fields the caller may not see
 * are removed (filter.ts), and the answer gets them back as null with one error each.
 */
import { sha256Hex } from "../../platform/digest";
import { GraphQLError, Kind, print, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import type { GatewayExecutor, GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import type { Caller } from "../../platform/security/caller";
import type { Requirements } from "./requirements";
import { grantsOf } from "./grants";
import { filterOperation, nullRemovedFields, type FilteredOperation, type RemovedField } from "./filter";
import { documentMemo } from "../document-memo";

function operationOf(context: GatewayGraphQLRequestContext): OperationDefinitionNode | undefined {
  return context.operation ?? undefined;
}

function errorFor(removed: RemovedField): GraphQLError | null {
  if (!removed.refusal) return null;
  const { code, missing } = removed.refusal;
  const message =
    code === "UNAUTHENTICATED"
      ? `${removed.coordinate} needs ${missing}: send an access token (Authorization: Bearer) or an API key, or leave the field out.`
      : `${removed.coordinate} needs ${missing}, which your access does not include: leave the field out, or ask for access that includes it.`;
  return new GraphQLError(message, { path: removed.path, extensions: { code, field: removed.coordinate } });
}

export function authorizingExecutor(
  execute: GatewayExecutor,
  apiSchema: () => GraphQLSchema,
  requirements: () => Requirements,
  callerOf: (context: unknown) => Caller,
): GatewayExecutor {
  // What a caller may see of a document depends on the document and the caller's grants only.
  const filteredFor = documentMemo<FilteredOperation & { queryHash: string | null }>();
  return async (requestContext) => {
    const operation = operationOf(requestContext);
    const document = requestContext.document;
    if (!operation || !document) return execute(requestContext);
    const grants = grantsOf(callerOf(requestContext.context));
    const key = `${operation.name?.value ?? ""}\n${grants.authenticated}\n${[...grants.scopes].sort().join(" ")}\n${[...grants.policies].sort().join(" ")}`;
    const { document: filtered, removed, queryHash } = filteredFor(document, key, () => {
      const result = filterOperation(apiSchema(), document, operation, requirements(), grants);
      return { ...result, queryHash: result.removed.length ? sha256Hex(print(result.document)) : null };
    });
    if (removed.length === 0) return execute(requestContext);

    const errors = removed.map(errorFor).filter((e): e is GraphQLError => e !== null);
    const filteredOperation = filtered.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (d.name?.value ?? null) === (operation.name?.value ?? null),
    );
    const nothingLeft =
      !filteredOperation || filteredOperation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value === "__typename");
    const result = nothingLeft
      ? { data: {} }
      : await execute({
          ...requestContext,
          document: filtered,
          operation: filteredOperation,
          queryHash: queryHash!,
        });
    return {
      ...result,
      data: nullRemovedFields(result.data as Record<string, unknown> | null | undefined, removed),
      errors: [...errors, ...(("errors" in result && result.errors) || [])],
    };
  };
}
