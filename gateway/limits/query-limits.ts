/**
 * Query limits against the caller's budget (budgets.ts), in two steps:
 *   1. on the document, before graphql-js validation (whose overlapping-fields rule is quadratic in a
 *      selection set's fields): root fields, fields, aliases, depth and directives, every fragment
 *      expanded (document-shape.ts), as the request's context is made (before-validation.ts); and
 *      again here on the resolved operation, for a document served from the store (once per
 *      document and audience).
 *   2. on the resolved operation, before planning: the cost of what execution will do, with the
 *      request's variables and every default (query-cost.ts).
 * A refusal is QUERY_LIMIT_EXCEEDED (HTTP 400) naming the limit, its maximum and what was measured.
 * An operationName that names no operation of the document is refused here too (HTTP 400).
 */
import { GraphQLError, type DocumentNode } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Audience, Caller } from "../../platform/security/caller";
import { MAX_DIRECTIVES, MAX_REPEATS, type Budget } from "./budgets";
import { documentShapes, type DocumentShape } from "./document-shape";
import { operationCost } from "./query-cost";
import { documentMemo } from "../document-memo";

export const QUERY_LIMIT_EXCEEDED = "QUERY_LIMIT_EXCEEDED";
export const OPERATION_RESOLUTION_FAILURE = "OPERATION_RESOLUTION_FAILURE";

export function limitExceeded(limit: string, max: number, measured: number | null, audience: string): GraphQLError {
  const found = measured === null ? "" : ` (this operation: ${measured})`;
  return new GraphQLError(`Query limit exceeded: ${limit} may be at most ${max} for ${/^[aeiou]/.test(audience) ? "an" : "a"} ${audience}${found}. Ask for less (smaller pages, fewer nested lists or aliases), or split the query.`, {
    extensions: { code: QUERY_LIMIT_EXCEEDED, limit, max, measured: Number.isFinite(measured) ? measured : null, http: { status: 400 } as never },
  });
}

export function unknownOperation(operationName: string | undefined, document: DocumentNode): GraphQLError {
  const names = document.definitions.flatMap((d) => (d.kind === "OperationDefinition" ? [d.name?.value ?? "(anonymous)"] : []));
  const message = operationName
    ? `Unknown operation named "${operationName}": this document defines ${names.join(", ") || "no operation"}.`
    : `This document defines several operations (${names.join(", ")}): say which one to run with operationName.`;
  return new GraphQLError(message, { extensions: { code: OPERATION_RESOLUTION_FAILURE, http: { status: 400 } as never } });
}

export interface Rejection {
  limit: string;
  max: number;
  measured: number;
}

/** The first limit the document's shape breaks for this budget, if any. Every operation of the document counts (validation reads them all). */
export function shapeRejection(shapes: Iterable<DocumentShape>, budget: Budget): Rejection | null {
  const all = [...shapes];
  for (const shape of all) {
    const checks: [string, number, number][] = [
      ["rootFields", budget.rootFields, shape.rootFields],
      ["depth", budget.depth, shape.depth],
      ["aliases", budget.aliases, shape.aliases],
      ["directives", MAX_DIRECTIVES, shape.directives],
    ];
    for (const [limit, max, measured] of checks) if (measured > max) return { limit, max, measured };
  }
  const fields = all.reduce((sum, shape) => sum + shape.fields, 0);
  if (fields > budget.fields) return { limit: "fields", max: budget.fields, measured: fields };
  const repeats = Math.max(0, ...all.map((shape) => shape.repeats));
  return repeats > MAX_REPEATS ? { limit: "repeats", max: MAX_REPEATS, measured: repeats } : null;
}

export function queryLimitsPlugin<Context extends object>(
  budgets: Record<Audience, Budget>,
  callerOf: (context: Context) => Caller,
  onReject: (limit: string) => void,
): ApolloServerPlugin<Context> {
  const rejectionOf = documentMemo<Rejection | null>();
  const checkShape = (document: DocumentNode, audience: Audience) => {
    const rejected = rejectionOf(document, audience, () => shapeRejection(documentShapes(document).values(), budgets[audience]));
    if (rejected) {
      onReject(rejected.limit);
      throw limitExceeded(rejected.limit, rejected.max, rejected.measured, audience);
    }
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, schema, request }) {
          if (!operation) throw unknownOperation(request.operationName, document);
          const audience = callerOf(contextValue).audience;
          // A document from the store or the APQ cache (no query text in the request), once per document and audience.
          checkShape(document, audience);
          const budget = budgets[audience];
          const cost = operationCost(schema, document, operation.name?.value, request.variables ?? {});
          if (cost > budget.cost) {
            onReject("cost");
            throw limitExceeded("cost", budget.cost, cost, audience);
          }
        },
      };
    },
  };
}
