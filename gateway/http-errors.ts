/**
 * Requests refused before GraphQL (by Express's JSON body parser) still get a GraphQL-shaped JSON
 * answer with a stable code: a body over the limit is 413 PAYLOAD_TOO_LARGE, unparseable JSON is
 * 400 BAD_REQUEST. Anything else is 500 INTERNAL_SERVER_ERROR with no detail.
 */
import type { NextFunction, Request, Response } from "express";
import { MAX_BODY } from "./limits/budgets";

export function jsonErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const type = (error as { type?: string }).type;
  if (type === "entity.too.large") {
    res.status(413).json({ errors: [{ message: `The request body is larger than ${MAX_BODY}: send a smaller query (or a persisted query hash).`, extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
  } else if (type === "entity.parse.failed" || type === "encoding.unsupported" || type === "charset.unsupported") {
    res.status(400).json({ errors: [{ message: "The request body is not valid JSON: send {\"query\": \"...\", \"variables\": {...}} with content-type application/json.", extensions: { code: "BAD_REQUEST" } }] });
  } else {
    res.status(500).json({ errors: [{ message: "Internal error in the gateway; retry, and report the x-request-id if it persists.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
  }
}
