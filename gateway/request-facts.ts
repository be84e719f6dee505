/** The facts about a client request that the subgraphs' access log records (never its variables or answer). */
import { randomUUID } from "node:crypto";
import { sha256Hex } from "../platform/digest";
import type { Request } from "express";
import type { RequestFacts } from "../platform/security/internal-token";

const CLIENT_REQUEST_ID = /^[\w.:-]{1,100}$/;

/**
 * The gateway's own id for a request: random (UUID v4), made here for every request, never taken
 * from the client. It keys the request in every log line and access record, and the citizen's
 * access log groups by it, so a client that could choose it could merge its reads with another
 * caller's or split one request into many.
 */
export function newRequestId(): string {
  return randomUUID();
}

/** The client's own `x-request-id`, if well-formed: kept beside ours for the client's support calls, untrusted (never a key). */
export function clientRequestIdOf(req: Request): string | null {
  const header = req.headers["x-request-id"];
  return typeof header === "string" && CLIENT_REQUEST_ID.test(header) ? header : null;
}

export function requestFacts(req: Request, requestId: string): RequestFacts {
  const body = (req.body ?? {}) as { query?: unknown; operationName?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
  const query = typeof body.query === "string" ? body.query : typeof req.query.query === "string" ? req.query.query : undefined;
  const persisted = body.extensions?.persistedQuery?.sha256Hash;
  const operationName = typeof body.operationName === "string" ? body.operationName : typeof req.query.operationName === "string" ? req.query.operationName : null;
  return {
    requestId,
    clientRequestId: clientRequestIdOf(req),
    operationName,
    documentHash: query !== undefined ? sha256Hex(query) : typeof persisted === "string" ? persisted : "none",
    clientAddress: req.ip ?? req.socket.remoteAddress ?? null,
  };
}
