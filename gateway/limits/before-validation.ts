/**
 * The cheap limits, applied to the request's document before Apollo Server validates it. graphql-js
 * validation (its overlapping-fields rule above all) costs time quadratic in a selection set's fields:
 * an anonymous document of 900 sibling fields, under the token cap, held the event loop for about a
 * second. Apollo Server offers no hook that can refuse a request between parsing and validation (an
 * error thrown from validationDidStart becomes a 500), so the check runs where the caller is known,
 * as the request's context is made: the query is parsed (bounded by MAX_TOKENS; the shapes of recent
 * documents are kept, so a repeated query is measured once) and measured with every fragment
 * expanded (document-shape.ts). A document that does not parse is left to Apollo Server to refuse.
 */
import { parse } from "graphql";
import type { Audience } from "../../platform/security/caller";
import { MAX_TOKENS, type Budget } from "./budgets";
import { documentShapes, type DocumentShape } from "./document-shape";
import { limitExceeded, shapeRejection } from "./query-limits";

/** Distinct query texts whose shapes are kept (least recently used first out). */
const KEPT_SHAPES = 500;

/** The GraphQL query text of a POST body or a GET query string, if any. */
function queryText(request: { body?: unknown; query?: unknown }): string | null {
  for (const holder of [request.body, request.query]) {
    const query = (holder as { query?: unknown } | null | undefined)?.query;
    if (typeof query === "string") return query;
  }
  return null;
}

interface Measured {
  shapes: DocumentShape[];
  /** The name of the document's only operation, if it has one and a name. */
  onlyOperation: string | null;
}

/** What a refusal is reported with (metrics and the request's log line). */
export interface Refusal {
  limit: string;
  operationName: string | null;
}

export function limitsBeforeValidation(budgets: Record<Audience, Budget>) {
  const shapes = new Map<string, Measured | null>();
  const shapesOf = (query: string): Measured | null => {
    const kept = shapes.get(query);
    if (kept !== undefined) {
      shapes.delete(query);
      shapes.set(query, kept);
      return kept;
    }
    let measured: Measured | null;
    try {
      const operations = documentShapes(parse(query, { maxTokens: MAX_TOKENS }));
      measured = { shapes: [...operations.values()], onlyOperation: operations.size === 1 ? ([...operations.keys()][0].name?.value ?? null) : null };
    } catch {
      measured = null; // not GraphQL: Apollo Server answers GRAPHQL_PARSE_FAILED
    }
    if (shapes.size >= KEPT_SHAPES) shapes.delete(shapes.keys().next().value!);
    shapes.set(query, measured);
    return measured;
  };
  /** Throws QUERY_LIMIT_EXCEEDED when the request's document is too large for the audience (after telling onRefused). */
  return (request: { body?: unknown; query?: unknown }, audience: Audience, onRefused: (refusal: Refusal) => void): void => {
    const query = queryText(request);
    if (query === null) return;
    const measured = shapesOf(query);
    const rejected = measured && shapeRejection(measured.shapes, budgets[audience]);
    if (rejected) {
      const named = (request.body as { operationName?: unknown } | undefined)?.operationName;
      onRefused({ limit: rejected.limit, operationName: typeof named === "string" ? named : measured.onlyOperation });
      throw limitExceeded(rejected.limit, rejected.max, rejected.measured, audience);
    }
  };
}
