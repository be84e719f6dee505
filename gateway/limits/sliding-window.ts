/**
 * Sliding-window rate counting (the "sliding window counter": the previous fixed window's count,
 * weighted by how much of it the sliding window still covers, plus the current window's count).
 * One Lua script per request, so check-and-count is atomic in Redis and every replica sees the same
 * counts; Redis's own clock (TIME) is the only clock (a counter may be given a clock of its own, so a
 * test can stand exactly at a window's edge). Two keys per client, with a hash tag so they live in
 * one Redis Cluster slot.
 *
 * Why not rate-limiter-flexible: it counts in fixed windows, which let a client send twice its
 * budget across a window boundary; the sliding counter bounds that at the cost of one more GET.
 */
import type { SharedRedis } from "../shared/redis";

export interface WindowDecision {
  allowed: boolean;
  remaining: number;
  /** Milliseconds until a refused client may try again (0 when allowed) or until the window moves on. */
  retryAfterMs: number;
}

export interface WindowCounter {
  consume(key: string, limit: number, windowMs: number): Promise<WindowDecision>;
}

/** Estimated count, then the decision (the Redis script below does the same in Lua). */
function decide(previous: number, current: number, elapsedMs: number, limit: number, windowMs: number): WindowDecision & { count: boolean } {
  const estimated = previous * (1 - elapsedMs / windowMs) + current;
  if (estimated + 1 <= limit) return { allowed: true, count: true, remaining: Math.max(0, Math.floor(limit - estimated - 1)), retryAfterMs: windowMs - elapsedMs };
  // Wait until the previous window's weight has decayed enough, or until the next window if the current alone is full.
  const wait = current + 1 > limit || previous === 0 ? windowMs - elapsedMs : Math.ceil(((estimated + 1 - limit) / previous) * windowMs);
  return { allowed: false, count: false, remaining: 0, retryAfterMs: Math.max(1, Math.min(wait, windowMs)) };
}

const SCRIPT = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local index = math.floor(now / window)
local elapsed = now - index * window
local currentKey = KEYS[1] .. ':' .. index
local previous = tonumber(redis.call('GET', KEYS[1] .. ':' .. (index - 1)) or '0')
local current = tonumber(redis.call('GET', currentKey) or '0')
local estimated = previous * (1 - elapsed / window) + current
if estimated + 1 <= limit then
  redis.call('INCR', currentKey)
  redis.call('PEXPIRE', currentKey, window * 2)
  return {1, math.floor(limit - estimated - 1), window - elapsed}
end
local wait
if current + 1 > limit or previous == 0 then wait = window - elapsed else wait = math.ceil(((estimated + 1 - limit) / previous) * window) end
return {0, 0, math.max(1, math.min(wait, window))}
`;

type ScriptedRedis = SharedRedis & { naeilSlidingWindow(key: string, limit: number, windowMs: number, ...now: number[]): Promise<[number, number, number]> };

export class RedisWindowCounter implements WindowCounter {
  private readonly redis: ScriptedRedis;
  /** `clock` (milliseconds) replaces Redis's TIME; without it, Redis's clock is the one every replica shares. */
  constructor(redis: SharedRedis, private readonly prefix: string, private readonly clock?: () => number) {
    redis.defineCommand("naeilSlidingWindow", { numberOfKeys: 1, lua: SCRIPT });
    this.redis = redis as ScriptedRedis;
  }

  async consume(key: string, limit: number, windowMs: number): Promise<WindowDecision> {
    const [allowed, remaining, retryAfterMs] = await this.redis.naeilSlidingWindow(`${this.prefix}{${key}}`, limit, windowMs, ...(this.clock ? [this.clock()] : []));
    return { allowed: allowed === 1, remaining, retryAfterMs };
  }
}

/** The same counting in this replica's memory (no Redis, or Redis away). */
export class MemoryWindowCounter implements WindowCounter {
  private readonly counts = new Map<string, number>();
  constructor(private readonly clock: () => number = Date.now) {}

  async consume(key: string, limit: number, windowMs: number): Promise<WindowDecision> {
    const now = this.clock();
    const index = Math.floor(now / windowMs);
    const currentKey = `${key}:${index}`;
    const previous = this.counts.get(`${key}:${index - 1}`) ?? 0;
    const current = this.counts.get(currentKey) ?? 0;
    const decision = decide(previous, current, now - index * windowMs, limit, windowMs);
    if (decision.count) this.counts.set(currentKey, current + 1);
    if (this.counts.size > 100_000) this.prune(index);
    return { allowed: decision.allowed, remaining: decision.remaining, retryAfterMs: decision.retryAfterMs };
  }

  private prune(index: number): void {
    for (const key of this.counts.keys()) if (Number(key.slice(key.lastIndexOf(":") + 1)) < index - 1) this.counts.delete(key);
  }
}
