/**
 * Where the time goes: the stack with every process under `node --cpu-prof`, one scenario driven
 * for a while (after a warm-up), then the hottest functions and packages (self time) of the gateway
 * and of each subgraph. Profiles cover each process from its start, so start-up (module loading) shows too.
 *   npm run bench:profile -- [--scenario counsellor] [--duration 15] [--persons 10000] [--top 12]
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { freePort, startStack } from "../scripts/stack";
import { SUBGRAPH_NAMES } from "../subgraphs";
import { BENCH_ENV } from "./stack";
import { benchHeaders } from "./auth";
import { scenarioRuns } from "./scenarios";

const { values } = parseArgs({ options: { scenario: { type: "string" }, duration: { type: "string" }, persons: { type: "string" }, top: { type: "string" } } });
const scenarioName = values.scenario ?? "counsellor";
const duration = Number(values.duration ?? 15);
const top = Number(values.top ?? 12);

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

type Frame = ProfileNode["callFrame"];

/** Self time grouped by `keyOf(frame)`, as shares of the samples that were not idle, largest first. */
function selfTime(path: string, count: number, keyOf: (frame: Frame) => string): string[] {
  const profile = JSON.parse(readFileSync(path, "utf8")) as Profile;
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    if (frame.functionName === "(idle)" || frame.functionName === "(program)") return;
    const dt = profile.timeDeltas[i] ?? 0;
    busy += dt;
    const key = keyOf(frame);
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, count).map(([key, us]) => `${((us / busy) * 100).toFixed(1).padStart(5)}%  ${key}`);
}

/** Per function. */
const functionOf = (frame: Frame) =>
  `${frame.functionName || "(anonymous)"} ${frame.url ? frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/main\//, "") : ""}:${frame.lineNumber + 1}`;

/** Per package: node_modules/<package>, node:<module>, or this repository's file. */
const packageOf = (frame: Frame) =>
  !frame.url
    ? frame.functionName === "(garbage collector)" ? "(garbage collector)" : "(native)"
    : frame.url.replace(/^.*node_modules\/(@[^/]+\/[^/]+|[^/]+)\/.*$/, "$1").replace(/^file:\/\/.*\/main\//, "");

const dir = mkdtempSync("/tmp/naeil-profile-");
const persons = Number(values.persons ?? 10_000);
const scenario = scenarioRuns([scenarioName], persons).find((s) => s.everyRound) ?? scenarioRuns([scenarioName], persons)[0];
if (!scenario) throw new Error(`unknown scenario ${scenarioName}`);
const ports = Object.fromEntries(await Promise.all(["gateway", ...SUBGRAPH_NAMES].map(async (n) => [n, await freePort()])));
const stack = await startStack({
  persons, ports, storePort: await freePort(), output: "quiet",
  env: BENCH_ENV,
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
});
const pids = stack.pids;
try {
  const headers = { "content-type": "application/json", ...(await benchHeaders(scenario.role)) };
  const requests = scenario.bodies.map((body) => ({ method: "POST" as const, headers, body }));
  // Warm up first, so lazily compiled modules and JIT warm-up weigh little against the measured run.
  await autocannon({ url: stack.gatewayUrl, connections: 10, duration: Math.min(10, duration), requests });
  const result = await autocannon({ url: stack.gatewayUrl, connections: 10, duration, requests });
  console.log(`${scenarioName}: ${result.requests.average.toFixed(1)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}`);
} finally {
  await stack.stop();
}
for (const [part, pid] of Object.entries(pids)) {
  const file = readdirSync(dir).find((f) => f.includes(`.${pid}.`));
  if (!file) continue;
  console.log(`\n${part} (pid ${pid}): hottest functions, self time`);
  for (const line of selfTime(join(dir, file), part.startsWith("gateway") ? top : 5, functionOf)) console.log(`  ${line}`);
  console.log(`  by package:`);
  for (const line of selfTime(join(dir, file), part.startsWith("gateway") ? 12 : 6, packageOf)) console.log(`  ${line}`);
}
