/**
 * Rate limits per client, in sliding windows (sliding-window.ts), counted atomically in Redis so the
 * limit holds across every replica. A client is the token's subject (a partner: its agency), or the
 * address of an anonymous caller. Answers carry RateLimit-Limit / -Remaining / -Reset; a refusal is
 * HTTP 429 RATE_LIMITED with Retry-After.
 *
 * Redis down: each replica falls back to counting in its own memory. Requests keep flowing and each
 * replica still refuses floods; the shared limit is loose by the number of replicas until Redis
 * returns. Failing closed would turn a cache outage into a full outage; failing open would leave the
 * subgraphs unprotected.
 */
import { GraphQLError } from "graphql";
import { HeaderMap } from "@apollo/server";
import type { Audience, Caller } from "../../platform/security/caller";
import type { SharedRedis } from "../shared/redis";
import { RATE_WINDOW_SECONDS, type Budget } from "./budgets";
import { MemoryWindowCounter, RedisWindowCounter, type WindowCounter, type WindowDecision } from "./sliding-window";

export interface RateLimitState {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

export class RateLimits {
  private readonly shared: WindowCounter | null;
  private readonly local = new MemoryWindowCounter();

  constructor(
    private readonly budgets: Record<Audience, Budget>,
    redis: SharedRedis | null,
    keyPrefix = "naeil:rl:",
  ) {
    this.shared = redis ? new RedisWindowCounter(redis, keyPrefix) : null;
  }

  private async count(key: string, limit: number): Promise<WindowDecision> {
    const windowMs = RATE_WINDOW_SECONDS * 1000;
    if (this.shared) {
      try {
        return await this.shared.consume(key, limit, windowMs);
      } catch {
        // Redis away: this replica's own count (see above)
      }
    }
    return this.local.consume(key, limit, windowMs);
  }

  /** Counts one request; throws RATE_LIMITED when the client is over its budget. */
  async consume(caller: Caller, clientAddress: string | null): Promise<RateLimitState> {
    const client = caller.audience === "partner" ? (caller.partnerId ?? caller.subject) : (caller.subject ?? clientAddress);
    const limit = this.budgets[caller.audience].requests;
    const decision = await this.count(`${caller.audience}:${client ?? "unknown"}`, limit);
    const resetSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    if (decision.allowed) return { limit, remaining: decision.remaining, resetSeconds };
    const headers = new HeaderMap([
      ["retry-after", String(resetSeconds)],
      ["ratelimit-limit", String(limit)],
      ["ratelimit-remaining", "0"],
      ["ratelimit-reset", String(resetSeconds)],
    ]);
    throw new GraphQLError(`Rate limit reached: ${limit} requests in any ${RATE_WINDOW_SECONDS} s for a ${caller.audience}. Retry after ${resetSeconds} s.`, {
      extensions: { code: "RATE_LIMITED", retryAfterSeconds: resetSeconds, limit, http: { status: 429, headers } as never },
    });
  }
}
