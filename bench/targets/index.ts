/**
 * The targets by name, each started on this run's subgraphs. Only "ours" is the stack's own gateway;
 * the others run in child processes (serve.ts), so this process never loads their code.
 */
import { spawnTarget } from "./child";
import type { RunningTarget, TargetContext } from "./types";

export const TARGETS: Record<string, (ctx: TargetContext) => Promise<RunningTarget>> = {
  ours: async (ctx) => ({ name: "ours", url: ctx.gatewayUrl, pids: ctx.gatewayPids, stop: async () => {} }),
  bare: (ctx) => spawnTarget("bare", { BENCH_SUPERGRAPH_PATH: ctx.supergraphPath }),
  hive: (ctx) => spawnTarget("hive", { BENCH_SUPERGRAPH_PATH: ctx.supergraphPath }),
  direct: (ctx) => spawnTarget("direct", { BENCH_SUPERGRAPH_PATH: ctx.supergraphPath, BENCH_SUBGRAPH_URLS: JSON.stringify(ctx.subgraphUrls) }),
};

export type { RunningTarget, TargetContext };
