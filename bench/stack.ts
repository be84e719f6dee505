/**
 * The graph under test: the store (bench/store.ts), then startStack() on free ports (4000-4006 may
 * be busy with test runs), seeded with the requested persons; plus the pids of its processes, found
 * in /proc as startStack() does not return them.
 */
import { freePort, startStack, type Stack } from "../scripts/stack";
import { SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs";
import { findPids } from "./procs";
import { startBenchStore, type BenchStore } from "./store";

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
  startedInMs: number;
  stop(): Promise<void>;
}

export async function startBenchStack(persons: number): Promise<BenchStack> {
  const started = Date.now();
  const store = await startBenchStore();
  const ports = { gateway: await freePort() } as Record<SubgraphName | "gateway", number>;
  for (const name of SUBGRAPH_NAMES) ports[name] = await freePort();
  let stack: Stack;
  try {
    stack = await startStack({ databaseUrl: store.url, persons, ports, output: "quiet", env: BENCH_ENV });
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
    startedInMs: Date.now() - started,
    async stop() {
      await stack.stop();
      await store.stop();
    },
  };
}
