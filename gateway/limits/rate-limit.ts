/**
 * Rate limits per client (rate-limiter-flexible): counted atomically in Redis, so the limit holds
 * across every replica. A client is the token's subject (a partner: its agency), or the address of
 * an anonymous caller. Answers carry RateLimit-Limit / -Remaining / -Reset; a refusal is HTTP 429
 * RATE_LIMITED with Retry-After.
 *
 * Redis down: each replica falls back to counting in its own memory (rate-limiter-flexible's
 * insurance limiter). Requests keep flowing and each replica still refuses floods; the shared limit
 * is loose by the number of replicas until Redis returns. Failing closed would turn a cache outage
 * into a full outage; failing open would leave the subgraphs unprotected.
 *
 * rate-limiter-flexible counts in fixed windows of RATE_WINDOW_SECONDS (a client can at most double
 * its rate across a window boundary); a sliding log would cost a sorted set per client.
 */
import { GraphQLError } from "graphql";
import { HeaderMap } from "@apollo/server";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Audience, Caller } from "../../subgraphs/kit/security/caller";
import type { SharedRedis } from "../shared/redis";
import { RATE_WINDOW_SECONDS, type Budget } from "./budgets";

export interface RateLimitState {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

export class RateLimits {
  private readonly limiters: Record<string, RateLimiterAbstract> = {};

  constructor(
    private readonly budgets: Record<Audience, Budget>,
    redis: SharedRedis | null,
    keyPrefix = "naeil:rl",
  ) {
    for (const [audience, budget] of Object.entries(budgets)) {
      const options = { points: budget.requests, duration: RATE_WINDOW_SECONDS, keyPrefix: `${keyPrefix}:${audience}` };
      this.limiters[audience] = redis
        ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
        : new RateLimiterMemory(options);
    }
  }

  /** Counts one request; throws RATE_LIMITED when the client is over its budget. */
  async consume(caller: Caller, clientAddress: string | null): Promise<RateLimitState> {
    const client = caller.audience === "partner" ? (caller.partnerId ?? caller.subject) : (caller.subject ?? clientAddress ?? "unknown");
    const limit = this.budgets[caller.audience].requests;
    try {
      const res = await this.limiters[caller.audience].consume(client ?? "unknown");
      return { limit, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      const headers = new HeaderMap([
        ["retry-after", String(retryAfter)],
        ["ratelimit-limit", String(limit)],
        ["ratelimit-remaining", "0"],
        ["ratelimit-reset", String(retryAfter)],
      ]);
      throw new GraphQLError(`Rate limit reached: ${limit} requests a ${RATE_WINDOW_SECONDS} s window for a ${caller.audience}. Retry after ${retryAfter} s.`, {
        extensions: { code: "RATE_LIMITED", retryAfterSeconds: retryAfter, limit, http: { status: 429, headers } as never },
      });
    }
  }
}
