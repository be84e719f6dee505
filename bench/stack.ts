/**
 * The graph under test: the store (bench/store.ts), then startStack() on free ports (4000-4006 may
 * be busy with test runs), seeded with the requested persons; plus the pids of its processes, found
 * in /proc as startStack() does not return them.
 */
import { freePort, startStack, type Stack } from "../scripts/stack";
import { SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs";
import { findPids } from "./procs";
import { startBenchStore, type BenchStore } from "./store";
import { dropKeys, redisProblem } from "../scripts/redis-run";

/**
 * The Redis ours shares its caches, APQ and rate limits through, as in production: REDIS_URL, else
 * the machine's Redis at 127.0.0.1:6379 if it answers; none: ours keeps them in memory (one replica).
 */
async function benchRedis(): Promise<string | null> {
  const url = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  return (await redisProblem(url)) ? null : url;
}

/**
 * Rate limits stay on, with budgets above what one load generator sends (one client would otherwise
 * be throttled at its audience's budget, and the benchmark would measure the limit, not the gateway).
 */
export const BENCH_ENV: Record<string, string> = Object.fromEntries(
  ["ANONYMOUS", "CITIZEN", "COUNSELLOR", "ANALYST", "PARTNER"].map((a) => [`RATE_LIMIT_${a}`, "100000000"]),
);

export interface BenchStack {
  stack: Stack;
  store: BenchStore;
  gatewayPids: number[];
  subgraphPids: number[];
  /** Where ours keeps its shared state: the Redis URL, or null (memory). */
  redisUrl: string | null;
  startedInMs: number;
  stop(): Promise<void>;
}

export async function startBenchStack(persons: number): Promise<BenchStack> {
  const started = Date.now();
  const store = await startBenchStore();
  const ports = { gateway: await freePort() } as Record<SubgraphName | "gateway", number>;
  for (const name of SUBGRAPH_NAMES) ports[name] = await freePort();
  const redisUrl = await benchRedis();
  const redisKeyPrefix = `naeil-bench-${process.pid}:`;
  let stack: Stack;
  try {
    stack = await startStack({ databaseUrl: store.url, persons, ports, output: "quiet", env: { ...BENCH_ENV, ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisKeyPrefix } : {}) } });
  } catch (error) {
    await store.stop();
    throw error;
  }
  // Every child of this stack carries PEOPLE_PORT=<this run's port>; the gateway also GATEWAY_PORT.
  const mark = { PEOPLE_PORT: String(ports.people) };
  return {
    stack,
    store,
    gatewayPids: findPids("gateway/main.ts", { ...mark, GATEWAY_PORT: String(ports.gateway) }),
    subgraphPids: findPids("start-subgraph.ts", mark),
    redisUrl,
    startedInMs: Date.now() - started,
    async stop() {
      await stack.stop();
      await store.stop();
      if (redisUrl) await dropKeys(redisUrl, redisKeyPrefix).catch(() => undefined);
    },
  };
}
