/**
 * Sliding-window rate counting: the boundary burst a fixed window allows is refused, and two
 * "replicas" (two Redis connections) share one count in a real Redis.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { MemoryWindowCounter, RedisWindowCounter } from "../../gateway/limits/sliding-window";

const WINDOW = 60_000;

describe("sliding window in memory", () => {
  it("refuses the burst across a window boundary that a fixed window would let through", async () => {
    let now = 10 * WINDOW + WINDOW - 1_000; // 1 s before the end of a window
    const counter = new MemoryWindowCounter(() => now);
    for (let i = 0; i < 5; i++) expect((await counter.consume("c", 5, WINDOW)).allowed).toBe(true);
    expect(await counter.consume("c", 5, WINDOW)).toMatchObject({ allowed: false, remaining: 0 });
    now += 2_000; // 1 s into the next window: a fixed window would allow 5 more at once
    const next = await counter.consume("c", 5, WINDOW);
    expect(next.allowed).toBe(false);
    expect(next.retryAfterMs).toBeGreaterThan(0);
    now += WINDOW / 2; // half the previous window has slid out: 5 * 0.48 ~ 2.4 counted
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await counter.consume("c", 5, WINDOW)).allowed);
    expect(results).toEqual([true, true, false, false, false]);
  });

  it("counts clients apart", async () => {
    const counter = new MemoryWindowCounter(() => 0);
    expect((await counter.consume("a", 1, WINDOW)).allowed).toBe(true);
    expect((await counter.consume("a", 1, WINDOW)).allowed).toBe(false);
    expect((await counter.consume("b", 1, WINDOW)).allowed).toBe(true);
  });
});

const url = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
const reachable = await probe.connect().then(() => true, () => false);
probe.disconnect();
if (!reachable && process.env.CI) throw new Error(`Redis at ${url} is not reachable; CI must run the Redis tests.`);

describe.skipIf(!reachable)("sliding window in Redis", () => {
  const a = new Redis(url);
  const b = new Redis(url);
  const prefix = `naeil-test-sw-${process.pid}-${Date.now()}:`;
  afterAll(async () => {
    const keys = await a.keys(`${prefix}*`);
    if (keys.length) await a.del(...keys);
    a.disconnect();
    b.disconnect();
  });

  it("holds one limit for two replicas, atomically under concurrency", async () => {
    const replicaA = new RedisWindowCounter(a, prefix);
    const replicaB = new RedisWindowCounter(b, prefix);
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? replicaA : replicaB).consume("client-1", 7, WINDOW)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(7);
    expect(decisions.filter((d) => !d.allowed).every((d) => d.retryAfterMs > 0 && d.remaining === 0)).toBe(true);
    expect((await replicaA.consume("client-2", 7, WINDOW)).remaining).toBe(6);
  });
});
