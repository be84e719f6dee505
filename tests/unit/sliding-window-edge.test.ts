/**
 * The sliding window at its edges, counted by the Lua script in a real Redis and by the in-memory
 * fallback alike: each counter is given the same clock, so every step stands exactly where the test
 * says (the last millisecond of a window, the first of the next, the millisecond the previous
 * window's weight lets one more request through) and every count is exact.
 *
 * Window 64 s and a budget of 4, so that the weights are exact binary fractions: 16 s into a window
 * the previous window still weighs 3/4, and 4 requests in it count as 3.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { MemoryWindowCounter, RedisWindowCounter, type WindowCounter } from "../../gateway/limits/sliding-window";
import { dropKeys, redisProblem } from "../../scripts/redis-run";

const WINDOW = 64_000;
const LIMIT = 4;
/** The start of some window. */
const START = 27_000 * WINDOW;

const url = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const problem = await redisProblem(url);
if (problem && process.env.CI) throw new Error(`Redis at ${url} is not reachable (${problem.message}); CI must run the Redis tests.`);

/** One request at `at`: allowed or not, and what the counter says is left. */
type Step = [at: number, allowed: boolean, remaining: number];

const steps: [string, Step[]][] = [
  [
    "the budget spent in the last millisecond of a window, and refused in the first of the next (a fixed window would allow 4 more)",
    [
      [START + WINDOW - 1, true, 3],
      [START + WINDOW - 1, true, 2],
      [START + WINDOW - 1, true, 1],
      [START + WINDOW - 1, true, 0],
      [START + WINDOW - 1, false, 0],
      [START + WINDOW, false, 0],
      // 16 s in, less a millisecond: the previous 4 still weigh a hair over 3.
      [START + WINDOW + 15_999, false, 0],
      // 16 s in: they weigh exactly 3, room for exactly one.
      [START + WINDOW + 16_000, true, 0],
      [START + WINDOW + 16_000, false, 0],
      // 32 s in: the previous 4 weigh 2, plus the 1 counted in this window: room for one more.
      [START + WINDOW + 32_000, true, 0],
      [START + WINDOW + 32_000, false, 0],
      // A whole window later the old one has slid out: 2 counted in the previous window weigh 2 * 3/4.
      [START + 2 * WINDOW + 16_000, true, 1],
      [START + 2 * WINDOW + 16_000, true, 0],
      [START + 2 * WINDOW + 16_000, false, 0],
    ],
  ],
];

function counters(): { name: string; make(clock: () => number): WindowCounter; cleanup(): Promise<void> }[] {
  const memory = { name: "in memory", make: (clock: () => number) => new MemoryWindowCounter(clock), cleanup: async () => {} };
  if (problem) return [memory];
  const redis = new Redis(url);
  const prefix = `naeil-test-sw-edge-${process.pid}-${Date.now()}:`;
  return [
    memory,
    {
      name: "in Redis (the Lua script)",
      make: (clock: () => number) => new RedisWindowCounter(redis, prefix, clock),
      async cleanup() {
        await dropKeys(url, prefix);
        redis.disconnect();
      },
    },
  ];
}

const all = counters();
afterAll(async () => {
  for (const counter of all) await counter.cleanup();
});

describe.each(all)("sliding window $name", ({ make }) => {
  it.each(steps)("%s", async (_name, script) => {
    let now = 0;
    const counter = make(() => now);
    const client = `client-${Math.random().toString(36).slice(2)}`;
    const seen: Step[] = [];
    for (const [at] of script) {
      now = at;
      const decision = await counter.consume(client, LIMIT, WINDOW);
      seen.push([at, decision.allowed, decision.remaining]);
      if (decision.allowed) expect(decision.retryAfterMs).toBe(WINDOW - (at % WINDOW));
      else expect(decision.retryAfterMs).toBeGreaterThan(0);
    }
    expect(seen).toEqual(script);
  });

  it("tells a client refused at a window's last millisecond to come back in a millisecond, and one refused on the previous window's weight when enough of it has slid out", async () => {
    let now = START + WINDOW - 1;
    const counter = make(() => now);
    const client = `client-${Math.random().toString(36).slice(2)}`;
    for (let i = 0; i < LIMIT; i++) await counter.consume(client, LIMIT, WINDOW);
    expect(await counter.consume(client, LIMIT, WINDOW)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1 });
    now = START + WINDOW;
    // 4 counted before: one more fits once they weigh 3, a quarter of a window later.
    expect(await counter.consume(client, LIMIT, WINDOW)).toEqual({ allowed: false, remaining: 0, retryAfterMs: WINDOW / 4 });
  });
});
