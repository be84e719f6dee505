/** The facts about a client request that the subgraphs' access log records (never its variables or answer). */
import { createHash } from "node:crypto";
import type { Request } from "express";
import type { RequestFacts } from "../subgraphs/kit/security/internal-token";

export function requestFacts(req: Request, requestId: string): RequestFacts {
  const body = (req.body ?? {}) as { query?: unknown; operationName?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
  const query = typeof body.query === "string" ? body.query : typeof req.query.query === "string" ? req.query.query : undefined;
  const persisted = body.extensions?.persistedQuery?.sha256Hash;
  const operationName = typeof body.operationName === "string" ? body.operationName : typeof req.query.operationName === "string" ? req.query.operationName : null;
  return {
    requestId,
    operationName,
    documentHash: query !== undefined ? createHash("sha256").update(query).digest("hex") : typeof persisted === "string" ? persisted : "none",
    clientAddress: req.ip ?? req.socket.remoteAddress ?? null,
  };
}
