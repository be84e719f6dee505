/**
 * Each request's context: its id, the caller (authenticated, gateway/auth/), the facts the access
 * log records, the rate limit consumed, and the internal token for its subgraph fetches.
 * A refused credential is counted too, as an anonymous request from the client's address, so a flood
 * of bad tokens or keys is rate limited like any other.
 */
import type { Request, Response } from "express";
import { authenticate } from "./auth/verify";
import { UNAUTHENTICATED } from "./auth/errors";
import { anonymousCaller, type Caller } from "../platform/security/caller";
import type { InternalTokenSigner, RequestFacts } from "../platform/security/internal-token";
import { newRequestId, requestFacts } from "./request-facts";
import type { RateLimits } from "./limits/rate-limit";
import { CENTERS } from "../platform/reference/centers";
import { AccessTracker } from "../platform/security/access-tracker";

export interface GatewayContext {
  requestId: string;
  caller: Caller;
  facts: RequestFacts;
  /** Whose data the subgraphs recorded as read for this request (what a reuse from the personal cache records). */
  accessed: AccessTracker;
  /** The signed internal token for one subgraph fetch of this request: that subgraph, that exact body. */
  internalToken(operationName: string | null, subgraph: string, body: string): string;
}

/** Whom every request is taken to come from when NAEIL_SECURITY=off (benchmarks only): a counsellor of every center. */
const BENCHMARK_CALLER: Caller = { audience: "counsellor", subject: "benchmark", centers: CENTERS.map((c) => c.id), scopes: [], via: "none" };

export interface ContextOptions {
  insecure: boolean;
  rateLimits: RateLimits;
  signInternalToken: InternalTokenSigner;
  onRateLimited(audience: string): void;
}

/** Counts one request against the client's budget and reports it in the RateLimit headers; throws RATE_LIMITED when over. */
async function consumeBudget(options: ContextOptions, res: Response, caller: Caller, clientAddress: string | null): Promise<void> {
  try {
    const state = await options.rateLimits.consume(caller, clientAddress);
    res.setHeader("ratelimit-limit", String(state.limit));
    res.setHeader("ratelimit-remaining", String(state.remaining));
    res.setHeader("ratelimit-reset", String(state.resetSeconds));
  } catch (error) {
    options.onRateLimited(caller.audience);
    throw error;
  }
}

/**
 * The request's caller. A refused credential (UNAUTHENTICATED) is counted against the anonymous
 * budget of the client's address before the refusal is thrown: otherwise bad tokens and keys would
 * never meet a rate limit, and a client could try them without end. Over that budget the answer is
 * RATE_LIMITED (429); within it, the original refusal, unchanged. AUTH_UNAVAILABLE is the gateway's
 * fault, not the caller's, and is not counted. (The check runs before the count, since it decides
 * whether to count; an unknown API key id costs no scrypt hash, see auth/api-keys.ts.)
 */
async function authenticateCounted(options: ContextOptions, req: Request, res: Response, clientAddress: string | null): Promise<Caller> {
  try {
    return await authenticate(req.headers);
  } catch (error) {
    if (isRefusal(error)) await consumeBudget(options, res, anonymousCaller(), clientAddress);
    throw error;
  }
}

/** By its code rather than instanceof GraphQLError: graphql ships ESM and CJS copies whose classes differ. */
function isRefusal(error: unknown): boolean {
  return (error as { extensions?: { code?: unknown } } | null)?.extensions?.code === UNAUTHENTICATED;
}

export function contextFactory(options: ContextOptions) {
  return async ({ req, res }: { req: Request; res: Response }): Promise<GatewayContext> => {
    const requestId = newRequestId();
    res.setHeader("x-request-id", requestId);
    const facts = requestFacts(req, requestId);
    const caller = options.insecure ? BENCHMARK_CALLER : await authenticateCounted(options, req, res, facts.clientAddress);
    await consumeBudget(options, res, caller, facts.clientAddress);
    return {
      requestId,
      caller,
      facts,
      accessed: new AccessTracker(),
      internalToken: (operationName, subgraph, body) =>
        options.signInternalToken({ caller, request: { ...facts, operationName: operationName ?? facts.operationName } }, { subgraph, body }),
    };
  };
}
