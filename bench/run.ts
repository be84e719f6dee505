/**
 * `npm run bench [-- options]`: starts the stack, then our gateway ("ours"), a bare Apollo gateway,
 * Hive Gateway and the direct floor on the same subgraphs; runs each scenario on each target in turn,
 * interleaved (A B C D A B C D ...) so machine drift falls on all alike; prints and writes the results.
 * See bench/README.md.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseBenchArgs } from "./args";
import { benchHeaders } from "./auth";
import { checkTargets } from "./check";
import { runLoad, type LoadResult } from "./load";
import { describeMachine } from "./machine";
import { rssBytes } from "./procs";
import { combine, ratiosTable, resultsTable, writeResults, type Report } from "./report";
import { scenarioRuns } from "./scenarios";
import { soak } from "./soak";
import { describeBurst, hostileBurst } from "./hostile-burst";
import { engineFigures, pagingAgainstStatistics } from "./statistics";
import { startBenchStack } from "./stack";
import { writeRewrittenSupergraph } from "./supergraph";
import { TARGETS, type RunningTarget } from "./targets";

const log = (line: string) => console.log(`[bench] ${line}`);
const args = parseBenchArgs(process.argv.slice(2));
const date = new Date().toISOString();

function versionOf(pkg: string): string {
  try {
    const main = createRequire(import.meta.url).resolve(pkg);
    for (let dir = dirname(main); dir !== dirname(dir); dir = dirname(dir)) {
      try {
        const json = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
        if (json.name === pkg) return json.version ?? "?";
      } catch {
        // not this folder
      }
    }
  } catch {
    // not installed
  }
  return "?";
}

log(`starting the stack: ${args.persons} persons on ${process.env.DATABASE_URL ? "DATABASE_URL" : "the embedded store"}`);
const bench = await startBenchStack(args.persons);
log(`stack ready in ${(bench.startedInMs / 1000).toFixed(1)} s (gateway pid ${bench.gatewayPids.join(",") || "not found"})`);
const targets: RunningTarget[] = [];
let stopping = false;
const stopAll = async () => {
  if (stopping) return;
  stopping = true;
  for (const t of targets) await t.stop().catch(() => {});
  await bench.stop();
};
process.once("SIGINT", () => void stopAll().finally(() => process.exit(130)));

try {
  const ctx = {
    gatewayUrl: bench.stack.gatewayUrl,
    gatewayPids: bench.gatewayPids,
    subgraphUrls: bench.stack.subgraphUrls,
    supergraphPath: writeRewrittenSupergraph(bench.stack.subgraphUrls),
  };
  for (const name of args.targets) {
    targets.push(await TARGETS[name](ctx));
    log(`target ${name} at ${targets.at(-1)!.url}`);
  }
  const runs = scenarioRuns(args.scenarios.filter((s) => s !== "statistics"), args.persons);
  const notes = (await checkTargets(targets, runs, log)).map((p) => `check: ${p}`);
  for (const note of notes) log(note);

  const measured = new Map<string, LoadResult[]>();
  const seconds = args.duration / args.rounds;
  for (const run of runs) {
    const rounds = run.everyRound ? args.rounds : 1;
    for (let round = 0; round < rounds; round++) {
      for (const target of targets) {
        const load = { url: target.url, headers: await benchHeaders(run.role), bodies: run.bodies, connections: args.connections, pids: target.pids };
        if (round === 0 && run.warmup && args.warmup > 0) await runLoad({ ...load, seconds: args.warmup });
        const r = await runLoad({ ...load, seconds });
        const key = `${run.name}\0${target.name}`;
        measured.set(key, [...(measured.get(key) ?? []), r]);
        log(`${run.name} ${target.name} round ${round + 1}/${rounds}: ${r.rps.toFixed(1)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, peak RSS ${r.peakRssMb.toFixed(0)} MB`);
      }
    }
  }
  const cells = runs.flatMap((run) => targets.map((t) => combine(t.name, run.name, measured.get(`${run.name}\0${t.name}`) ?? [])));

  // A public query's latency while hostile documents arrive (bench/hostile-burst.ts), on every target.
  const publicBodies = scenarioRuns(["public"], args.persons)[0].bodies;
  for (const target of targets) {
    const burst = await hostileBurst({ url: target.url, pids: target.pids, publicBodies, seconds: Math.max(2, seconds) });
    const line = describeBurst(target.name, burst);
    log(line);
    notes.push(line);
  }

  let soakResult;
  if (args.soak > 0) {
    const ours = targets.find((t) => t.name === "ours") ?? (await TARGETS.ours(ctx));
    const counsellor = scenarioRuns(["counsellor"], args.persons)[0];
    log(`soak: counsellor against ours for ${args.soak} min`);
    soakResult = await soak({ url: ours.url, metricsUrl: bench.stack.operationsUrls[0] + "/metrics", pids: ours.pids, headers: await benchHeaders("counsellor"), bodies: counsellor.bodies, connections: args.connections, minutes: args.soak, log });
    notes.push(`soak: ${args.soak} min of counsellor on ours, RSS slope ${soakResult.rssSlopeMbPerMin.toFixed(2)} MB/min (least squares over ${soakResult.samples.length} samples), ${soakResult.rssSlopeSecondHalfMbPerMin.toFixed(2)} MB/min over the second half; V8 heap in use ${soakResult.heapSlopeMbPerMin?.toFixed(2) ?? "?"} MB/min`);
  }

  if (args.scenarios.includes("statistics")) {
    const paging = await pagingAgainstStatistics(bench.stack.gatewayUrl, log);
    notes.push(
      `statistics: REGION x AGE_BAND and NESS eligibility over ${paging.persons} persons: paging persons(first: 100) as a counsellor of every center, ${paging.pages} requests, ${(paging.pagingMs / 1000).toFixed(1)} s; ` +
        `statistics first call (extracts read) ${paging.statisticsFirstMs.toFixed(0)} ms, warm p50 ${paging.statisticsWarmP50Ms.toFixed(0)} ms; ratio ${paging.ratioWarm.toFixed(0)}x warm, ${paging.ratioFirst.toFixed(0)}x first; answers agree: ${paging.agree}`,
    );
    if (!args.smoke || args.statisticsDatabase) {
      const engine = await engineFigures(args.statisticsDatabase ?? bench.stack.databaseUrl, log);
      for (const step of engine.steps) notes.push(`statistics engine, ${engine.persons} persons: ${step.what}: ${(step.ms / 1000).toFixed(2)} s, peak RSS ${step.peakRssMb.toFixed(0)} MB`);
    }
  }

  const mb = (pids: number[]) => (pids.reduce((n, p) => n + rssBytes(p), 0) / 2 ** 20).toFixed(0);
  notes.push(
    `store: ${bench.store.embedded ? `embedded PGlite (own process, RSS now ${mb(bench.store.pid ? [bench.store.pid] : [])} MB)` : "PostgreSQL at DATABASE_URL"}; ${bench.subgraphPids.length} subgraphs RSS now ${mb(bench.subgraphPids)} MB in all`,
    `shared state of ours (caches, APQ, rate limits): ${bench.redisUrl ? `Redis at ${new URL(bench.redisUrl).host}` : "memory (no Redis answered)"}`,
    `versions: @apollo/gateway ${versionOf("@apollo/gateway")}, @apollo/server ${versionOf("@apollo/server")}, @graphql-hive/gateway-runtime ${versionOf("@graphql-hive/gateway-runtime")}, autocannon ${versionOf("autocannon")}`,
    "peak RSS: the target's own process (ours: the gateway; bare, hive, direct: their child), sampled every 250 ms during the measured run; the subgraphs are shared",
    "CPU ms/req: user + system CPU time of that same process over the measured run, per request served (/proc/<pid>/stat): what the gateway itself costs, apart from the subgraphs it waits for",
  );
  const report: Report = {
    date,
    machine: describeMachine(),
    settings: { persons: args.persons, duration: args.duration, rounds: args.rounds, warmup: args.warmup, connections: args.connections, targets: args.targets, scenarios: args.scenarios, smoke: args.smoke, store: bench.store.embedded ? "embedded" : "postgres", sharedState: bench.redisUrl ? "redis" : "memory" },
    cells,
    soak: soakResult,
    notes,
  };
  console.log(`\n${resultsTable(cells)}\n\n${ratiosTable(cells)}\n`);
  if (soakResult) console.log(`RSS slope (ours, soak): ${soakResult.rssSlopeMbPerMin.toFixed(2)} MB/min; second half ${soakResult.rssSlopeSecondHalfMbPerMin.toFixed(2)} MB/min; V8 heap in use ${soakResult.heapSlopeMbPerMin?.toFixed(2) ?? "?"} MB/min\n`);
  if (args.smoke) log("smoke run: results not written");
  else log(`written ${writeResults(report).join(" and ")}`);
} finally {
  await stopAll();
}
