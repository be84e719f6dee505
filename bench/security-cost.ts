/**
 * What authentication, authorization and the access log cost on the cross-program query:
 * the same stack started with security on and with NAEIL_SECURITY=off, alternately (on, off, on,
 * off...) so machine drift cancels; the same query, token and load each time. The personal cache
 * is off in both (security off turns it off; on, it would answer this one repeated request itself).
 *   npm run bench:security -- [--persons 10000] [--duration 15] [--rounds 2] [--connections 10]
 */
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { freePort, startStack } from "../scripts/stack";
import { SUBGRAPH_NAMES } from "../subgraphs";
import { devToken } from "../gateway/auth/dev-token";
import { syntheticPerson } from "../subgraphs/kit/synthetic/person";
import { BENCH_ENV } from "./stack";
import { cpuMs } from "./procs";

const { values } = parseArgs({ options: { persons: { type: "string" }, duration: { type: "string" }, rounds: { type: "string" }, connections: { type: "string" } } });
const persons = Number(values.persons ?? 10_000);
const duration = Number(values.duration ?? 15);
const rounds = Number(values.rounds ?? 2);
const connections = Number(values.connections ?? 10);

const PERSON = 7178; // history in all four programs (README)
const person = syntheticPerson(PERSON);
const QUERY = `query CrossProgram($id: ID!) { person(id: $id) { name age center { name }
  nationalEmploymentSupport { enrollments { track status appliedOn } totalAllowancePaid currentEligibility { eligible } }
  jobSearchGuarantee { participations { status currentPhase } currentEligibility { eligible } }
  midCareerSupport { careerDesignSessions { heldOn kind } currentEligibility { eligible } }
  learningCard { card { balance } enrollments { status course { title } } currentEligibility { eligible } } } }`;

/**
 * Throughput and latency move with whatever else the machine runs; the CPU the stack's processes
 * spend per answered request (gateway and subgraphs, from /proc; the embedded store runs in this
 * process beside autocannon and is not counted) moves much less, so both are reported.
 */
interface Run { mode: "on" | "off"; rps: number; p50: number; p99: number; errors: number; cpuMsPerRequest: number }
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(mode: "on" | "off"): Promise<Run> {
  const ports = Object.fromEntries(await Promise.all(["gateway", ...SUBGRAPH_NAMES].map(async (n) => [n, await freePort()])));
  const stack = await startStack({ persons, ports, storePort: await freePort(), output: "quiet", env: { ...BENCH_ENV, ...(mode === "off" ? { NAEIL_SECURITY: "off" } : { PERSONAL_CACHE_SECONDS: "0" }) } });
  try {
    const token = await devToken({ role: "counsellor", sub: "bench", centers: [person.centerId] });
    const request = { method: "POST" as const, headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: QUERY, variables: { id: person.id } }) };
    const check = await fetch(stack.gatewayUrl, request).then((r) => r.json() as Promise<{ errors?: unknown[]; data?: { person?: { name?: string } } }>);
    if (check.errors || check.data?.person?.name !== person.name) throw new Error(`unexpected answer in mode ${mode}: ${JSON.stringify(check).slice(0, 300)}`);
    await autocannon({ url: stack.gatewayUrl, connections, duration: 3, ...request }); // warm-up
    const pids = Object.values(stack.pids);
    const cpuBefore = pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
    const result = await autocannon({ url: stack.gatewayUrl, connections, duration, ...request });
    const cpu = pids.reduce((sum, pid) => sum + cpuMs(pid), 0) - cpuBefore;
    return { mode, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, cpuMsPerRequest: cpu / Math.max(1, result.requests.total) };
  } finally {
    await stack.stop();
  }
}

const runs: Run[] = [];
for (let round = 0; round < rounds; round++) {
  for (const mode of ["on", "off"] as const) {
    const run = await measure(mode);
    runs.push(run);
    console.log(`round ${round + 1} security ${mode}: ${run.rps.toFixed(1)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, CPU ${run.cpuMsPerRequest.toFixed(1)} ms a request, errors ${run.errors}`);
  }
}
const on = runs.filter((r) => r.mode === "on");
const off = runs.filter((r) => r.mode === "off");
const rpsOn = median(on.map((r) => r.rps));
const rpsOff = median(off.map((r) => r.rps));
console.log(`\nmedian req/s: security on ${rpsOn.toFixed(1)}, off ${rpsOff.toFixed(1)}; on/off = ${(rpsOn / rpsOff).toFixed(3)} (cost ${((1 - rpsOn / rpsOff) * 100).toFixed(1)}%)`);
console.log(`median p50: on ${median(on.map((r) => r.p50))} ms, off ${median(off.map((r) => r.p50))} ms; ${connections} connections, ${duration} s per run, ${persons} persons`);
const cpuOn = median(on.map((r) => r.cpuMsPerRequest));
const cpuOff = median(off.map((r) => r.cpuMsPerRequest));
console.log(`median CPU per request (gateway and subgraphs): on ${cpuOn.toFixed(1)} ms, off ${cpuOff.toFixed(1)} ms; on/off = ${(cpuOn / cpuOff).toFixed(3)}`);
