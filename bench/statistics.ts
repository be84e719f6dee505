/**
 * The population side, measured two ways.
 *
 * pagingAgainstStatistics: the status quo (an analyst pages `persons(first: 100)` through the gateway
 *   and counts persons by REGION x AGE_BAND and NESS eligibility on the client) against the same
 *   answer from `statistics`, first call (the snapshot read from the extracts) and warm (p50 of 5).
 * engineFigures: the statistics engine in this process on a database (e.g. 1,000,000 persons):
 *   reading the extracts, a REGION x AGE_BAND breakdown in memory and as PostgreSQL GROUP BY over the
 *   person extract, current-law eligibility per program, one reform over all four programs; time and
 *   peak RSS of each.
 */
import { benchHeaders, type BenchRole } from "./auth";
import { openStore } from "../platform/store";
import { readPopulation } from "../subgraphs/statistics/extract";
import { breakdown, reform } from "../subgraphs/statistics/answers";
import { baseline } from "../subgraphs/statistics/evaluation";
import { StatisticsDimension } from "../subgraphs/statistics/dimensions";
import { PROGRAM_LIST } from "../subgraphs/statistics/programs";
import { todayInKorea } from "../platform/dates";
import type { ParameterChangeValue } from "../subgraphs/statistics/reform";
import { Program } from "../subgraphs/kit/eligibility";
import { readFileSync } from "node:fs";
import type { StatisticsCell } from "../subgraphs/statistics/types";
import { parallelMin, shareOut, stopWorkers, workerCount } from "../subgraphs/statistics/workers";
import { duckdbBreakdown } from "./duckdb";

type Log = (line: string) => void;

async function post(url: string, query: string, variables?: Record<string, unknown>, as: BenchRole = "analyst") {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(await benchHeaders(as)) }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`bench statistics: ${body.errors[0].message}`);
  return body.data;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export interface PagingFigures { persons: number; pages: number; pagingMs: number; statisticsFirstMs: number; statisticsWarmP50Ms: number; ratioWarm: number; ratioFirst: number; agree: boolean }

export async function pagingAgainstStatistics(gatewayUrl: string, log: Log): Promise<PagingFigures> {
  // An analyst's own view is k-anonymous (withheld centers, birth years in bands, the rarest persons
  // left out) and cannot give the exact answer at all; the same pages read by a counsellor of every
  // center can, at the same cost a page: that is the status quo measured here.
  const asOf = todayInKorea();
  const PAGE = `query($after: String) { persons(first: 100, after: $after) { edges { node { age region nationalEmploymentSupport { eligibility(asOf: "${asOf}") { eligible } } } } pageInfo { hasNextPage endCursor } } }`;
  const STATS = `{ statistics(asOf: "${asOf}") { persons breakdown(by: [REGION, AGE_BAND]) { keys { value } count suppressed } eligibility(program: NATIONAL_EMPLOYMENT_SUPPORT) { eligible { count } } } }`;
  const counts = new Map<string, number>();
  let eligible = 0;
  let pages = 0;
  let persons = 0;
  let after: string | null = null;
  const t0 = performance.now();
  for (;;) {
    const data = await post(gatewayUrl, PAGE, { after }, "counsellor");
    pages++;
    for (const { node } of data.persons.edges) {
      persons++;
      const band = Math.floor(node.age / 10) * 10; // the age on asOf (today), as AGE_BAND counts it
      const key = `${node.region}|${band}-${band + 9}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (node.nationalEmploymentSupport.eligibility.eligible) eligible++;
    }
    if (!data.persons.pageInfo.hasNextPage) break;
    after = data.persons.pageInfo.endCursor;
  }
  const pagingMs = performance.now() - t0;
  log(`statistics: paging ${persons} persons in ${pages} pages took ${(pagingMs / 1000).toFixed(1)} s`);
  // The first question waits for the snapshot (the extracts read, current law computed): past the
  // gateway's subgraph timeout the statistics service goes on, and the question is asked again.
  let t = performance.now();
  let first: any;
  for (let attempt = 1; ; attempt++) {
    try {
      first = await post(gatewayUrl, STATS);
      break;
    } catch (error) {
      if (attempt >= 30) throw error;
      log(`statistics: first call, attempt ${attempt}: ${(error as Error).message}; asking again`);
    }
  }
  const statisticsFirstMs = performance.now() - t;
  const warm: number[] = [];
  for (let k = 0; k < 5; k++) {
    t = performance.now();
    await post(gatewayUrl, STATS);
    warm.push(performance.now() - t);
  }
  const agree = first.statistics.persons === persons && first.statistics.eligibility.eligible.count === eligible &&
    first.statistics.breakdown.every((c: any) => c.suppressed || counts.get(c.keys.map((k: any) => k.value).join("|")) === c.count);
  const statisticsWarmP50Ms = median(warm);
  log(`statistics: the same answer from statistics, first ${statisticsFirstMs.toFixed(0)} ms, warm p50 ${statisticsWarmP50Ms.toFixed(0)} ms; answers agree: ${agree}`);
  return { persons, pages, pagingMs, statisticsFirstMs, statisticsWarmP50Ms, ratioWarm: pagingMs / statisticsWarmP50Ms, ratioFirst: pagingMs / statisticsFirstMs, agree };
}

export interface EngineStep { what: string; ms: number; peakRssMb: number; /** CPU seconds of this process, every thread (the workers too). */ cpuS?: number }

/** Runs `fn`, sampling this process's RSS every 100 ms. */
async function measured<T>(what: string, steps: EngineStep[], log: Log, fn: () => Promise<T>): Promise<T> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const t = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await fn();
  } finally {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const used = process.cpuUsage(cpu);
    const step = { what, ms: performance.now() - t, peakRssMb: peak / 2 ** 20, cpuS: (used.user + used.system) / 1e6 };
    steps.push(step);
    log(`statistics engine: ${what}: ${(step.ms / 1000).toFixed(2)} s (CPU ${step.cpuS.toFixed(1)} s), peak RSS ${step.peakRssMb.toFixed(0)} MB`);
  }
}

export const FOUR_PROGRAM_REFORM: ParameterChangeValue[] = [
  { program: Program.NATIONAL_EMPLOYMENT_SUPPORT, parameter: "type1-income-percent", value: 70, from: "2027-01-01" },
  { program: Program.JOB_SEARCH_GUARANTEE, parameter: "unemployed-weekly-hours", value: 20, from: "2027-01-01" },
  { program: Program.MID_CAREER_SUPPORT, parameter: "age-maximum", value: 64, from: "2027-01-01" },
  { program: Program.LEARNING_CARD, parameter: "age-limit", value: 79, from: "2027-01-01" },
];

export interface EngineFigures { persons: number; steps: EngineStep[]; breakdownP50: { memoryMs: number; postgresMs: number; duckdbMs: number }; breakdownsAgree: boolean; loadAverage: string }

const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

export async function engineFigures(databaseUrl: string, log: Log): Promise<EngineFigures> {
  const store = openStore({ connectionString: databaseUrl, applicationName: "bench-statistics" });
  const steps: EngineStep[] = [];
  const asOf = todayInKorea();
  const startLoad = loadAverage();
  log(`statistics engine: load average ${startLoad} at the start; ${workerCount()} evaluation worker threads`);
  try {
    const population = await measured("read the extracts into memory", steps, log, () => readPopulation(store));
    const everyone = Int32Array.from({ length: population.size }, (_, i) => i);
    const covered = { population, indices: everyone, asOf, agesOn: asOf, byMonth: false, threshold: 10 };
    const times = (prefix: string) => steps.filter((s) => s.what.startsWith(prefix)).map((s) => s.ms);
    let memory: StatisticsCell[] = [];
    for (let k = 0; k < 5; k++) memory = await measured(`breakdown REGION x AGE_BAND in memory, run ${k + 1}`, steps, log, async () => breakdown(covered, [StatisticsDimension.REGION, StatisticsDimension.AGE_BAND]));
    // The age on asOf, as the statistics count it (AGE_BAND).
    const sql = `select region, (floor(extract(year from age($1::date, birth_date)) / 10) * 10)::int as band, count(*)::int as n
      from people.statistics_persons_v2 group by 1, 2`;
    let pg: { region: string; band: number; n: number }[] = [];
    for (let k = 0; k < 5; k++) {
      pg = await measured(`breakdown REGION x AGE_BAND as PostgreSQL GROUP BY over the extract, run ${k + 1}`, steps, log, () =>
        store.session(async (query) => {
          await query("select set_config('naeil.statistics_key', 'bench', false)");
          return query<{ region: string; band: number; n: number }>(sql, [asOf]);
        }));
    }
    const duck = await measured("DuckDB in memory: feed the person extract's columns (as read above), then 5 breakdowns", steps, log, () => duckdbBreakdown(population, asOf));
    steps.push({ what: "DuckDB: of which feeding the columns (appender)", ms: duck.loadMs, peakRssMb: steps.at(-1)!.peakRssMb });
    duck.runsMs.forEach((ms, k) => {
      steps.push({ what: `breakdown REGION x AGE_BAND as DuckDB GROUP BY, run ${k + 1}`, ms, peakRssMb: process.memoryUsage().rss / 2 ** 20 });
      log(`statistics engine: breakdown REGION x AGE_BAND as DuckDB GROUP BY, run ${k + 1}: ${(ms / 1000).toFixed(3)} s`);
    });
    const shown = memory.filter((c) => !c.suppressed);
    const key = (c: StatisticsCell) => c.keys.map((k) => k.value).join("|");
    const pgCells = new Map(pg.map((r) => [`${r.region}|${r.band}-${r.band + 9}`, r.n]));
    const breakdownsAgree = shown.every((c) => pgCells.get(key(c)) === c.count && duck.cells.get(key(c)) === c.count);
    log(`statistics engine: the three breakdowns agree on every cell shown: ${breakdownsAgree}`);
    if (population.size >= parallelMin() && workerCount() > 0) {
      await measured(`send the snapshot to the ${workerCount()} worker threads (a slice each, once per snapshot)`, steps, log, () => shareOut(population));
    }
    for (const program of PROGRAM_LIST) await measured(`current-law eligibility, ${program}`, steps, log, () => baseline(program, population, asOf));
    await measured("one reform over all four programs (current law and reform on the reform's date)", steps, log, () => reform(covered, FOUR_PROGRAM_REFORM));
    await measured("the same reform again (current law on that date kept)", steps, log, () => reform(covered, FOUR_PROGRAM_REFORM));
    const breakdownP50 = { memoryMs: median(times("breakdown REGION x AGE_BAND in memory")), postgresMs: median(times("breakdown REGION x AGE_BAND as PostgreSQL")), duckdbMs: median(duck.runsMs) };
    log(`statistics engine: breakdown p50: in memory ${breakdownP50.memoryMs.toFixed(0)} ms, PostgreSQL ${breakdownP50.postgresMs.toFixed(0)} ms, DuckDB ${breakdownP50.duckdbMs.toFixed(0)} ms`);
    const endLoad = loadAverage();
    log(`statistics engine: load average ${endLoad} at the end`);
    return { persons: population.size, steps, breakdownP50, breakdownsAgree, loadAverage: `${startLoad} at the start, ${endLoad} at the end` };
  } finally {
    await store.close();
    await stopWorkers();
  }
}

// `npm run bench:statistics [-- DATABASE_URL]`: the engine's figures alone, on a seeded database.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) throw new Error("give the database: npm run bench:statistics -- postgres://... (or DATABASE_URL)");
  const { persons, steps, breakdownP50, breakdownsAgree, loadAverage } = await engineFigures(url, (line) => console.log(`[bench] ${line}`));
  console.log(`\n| ${persons.toLocaleString("en-US")} persons (load average ${loadAverage}) | s | CPU s (all threads) | peak RSS MB |\n|---|---:|---:|---:|`);
  for (const s of steps) console.log(`| ${s.what} | ${(s.ms / 1000).toFixed(2)} | ${s.cpuS?.toFixed(1) ?? ""} | ${s.peakRssMb.toFixed(0)} |`);
  console.log(`\nbreakdown REGION x AGE_BAND p50 of 5: in memory ${breakdownP50.memoryMs.toFixed(0)} ms, PostgreSQL ${breakdownP50.postgresMs.toFixed(0)} ms, DuckDB ${breakdownP50.duckdbMs.toFixed(0)} ms; cells agree: ${breakdownsAgree}`);
}
