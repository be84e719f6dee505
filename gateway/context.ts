/**
 * Each request's context: its id, the caller (authenticated, gateway/auth/), the facts the access
 * log records, the rate limit consumed, and the internal token for its subgraph fetches.
 */
import { randomUUID } from "node:crypto";
import type { Request, Response } from "express";
import { authenticate } from "./auth/verify";
import type { Caller } from "../subgraphs/kit/security/caller";
import type { InternalClaims, RequestFacts } from "../subgraphs/kit/security/internal-token";
import { requestFacts } from "./request-facts";
import type { RateLimits } from "./limits/rate-limit";
import { CENTERS } from "../subgraphs/kit/synthetic/centers";
import { AccessTracker } from "../subgraphs/kit/security/access-tracker";

export interface GatewayContext {
  requestId: string;
  caller: Caller;
  facts: RequestFacts;
  /** Whose data the subgraphs recorded as read for this request (what a reuse from the personal cache records). */
  accessed: AccessTracker;
  /** The signed internal token for this request's subgraph fetches (made on first use). */
  internalToken(operationName: string | null): Promise<string>;
}

/** Whom every request is taken to come from when NAEIL_SECURITY=off (benchmarks only): a counsellor of every center. */
const BENCHMARK_CALLER: Caller = { audience: "counsellor", subject: "benchmark", centers: CENTERS.map((c) => c.id), scopes: [], via: "none" };

export interface ContextOptions {
  insecure: boolean;
  rateLimits: RateLimits;
  signInternalToken(claims: InternalClaims): Promise<string>;
  onRateLimited(audience: string): void;
}

export function contextFactory(options: ContextOptions) {
  return async ({ req, res }: { req: Request; res: Response }): Promise<GatewayContext> => {
    const requestId = typeof req.headers["x-request-id"] === "string" && /^[\w.:-]{1,100}$/.test(req.headers["x-request-id"]) ? req.headers["x-request-id"] : randomUUID();
    res.setHeader("x-request-id", requestId);
    const caller = options.insecure ? BENCHMARK_CALLER : await authenticate(req.headers);
    const facts = requestFacts(req, requestId);
    try {
      const state = await options.rateLimits.consume(caller, facts.clientAddress);
      res.setHeader("ratelimit-limit", String(state.limit));
      res.setHeader("ratelimit-remaining", String(state.remaining));
      res.setHeader("ratelimit-reset", String(state.resetSeconds));
    } catch (error) {
      options.onRateLimited(caller.audience);
      throw error;
    }
    let token: Promise<string> | undefined;
    return {
      requestId,
      caller,
      facts,
      accessed: new AccessTracker(),
      internalToken: (operationName) => (token ??= options.signInternalToken({ caller, request: { ...facts, operationName: operationName ?? facts.operationName } })),
    };
  };
}
