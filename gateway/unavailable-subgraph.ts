/**
 * When a subgraph cannot be reached, answer its fetch as the subgraph itself would have answered a
 * failure: every field the fetch asked for set to null, with one error per field whose path points
 * into the subgraph's response (`_entities[i].learningCard`, or a root field). The gateway maps
 * those paths onto the client's query, so the client learns exactly which program field is missing
 * (["person", "learningCard"]) and still gets every other program's data.
 * @apollo/gateway alone reports a failed fetch as one error with no path.
 */
import { Kind, parse, type SelectionSetNode } from "graphql";
import type { RemoteGraphQLDataSource } from "@apollo/gateway";

export type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource["process"]>>;

export const SUBGRAPH_UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";

/** Response keys selected directly in a selection set (through inline fragments too). */
function responseKeys(selectionSet: SelectionSetNode | undefined): string[] {
  const keys: string[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) keys.push(selection.alias?.value ?? selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) keys.push(...responseKeys(selection.selectionSet));
  }
  return keys.filter((key) => key !== "__typename");
}

export function unavailableResponse(
  serviceName: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  /** Why: "unreachable", "timeout" or "circuit_open" (calls are held back for a few seconds after repeated failures). */
  reason = "unreachable",
): GatewayGraphQLResponse {
  const message = `The ${serviceName} service is unavailable (${reason.replace("_", " ")}), so its fields are null; the rest of the answer is complete. Retry in a few seconds.`;
  const extensions = { code: SUBGRAPH_UNAVAILABLE, serviceName, reason };
  const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const data: Record<string, unknown> = {};
  const errors: { message: string; path: (string | number)[]; extensions: typeof extensions }[] = [];
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return { errors: [{ message, extensions }] } as GatewayGraphQLResponse;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const key = selection.alias?.value ?? selection.name.value;
    if (selection.name.value === "_entities") {
      const representations = (variables?.representations as { __typename: string }[] | undefined) ?? [];
      const fields = responseKeys(selection.selectionSet);
      data[key] = representations.map((representation, index) => {
        for (const field of fields) errors.push({ message, path: [key, index, field], extensions });
        return { __typename: representation.__typename, ...Object.fromEntries(fields.map((field) => [field, null])) };
      });
    } else {
      data[key] = null;
      errors.push({ message, path: [key], extensions });
    }
  }
  return { data, errors } as unknown as GatewayGraphQLResponse;
}
