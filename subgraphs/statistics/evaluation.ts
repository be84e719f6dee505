/**
 * Runs a program's rules over persons of the population: per person, eligible or not, the track,
 * and the benefits (a month, and in all). Over many persons (STATISTICS_PARALLEL_MIN, default
 * 50,000) the work is shared out to worker threads (workers.ts), each holding a slice of the
 * population; below that it runs in this thread, yielding to the event loop every CHUNK persons and
 * reporting progress. A reform runs with some parameters replaced (reform.ts) for exactly the
 * synchronous stretch of each chunk, in the thread doing that chunk, so no other request ever
 * evaluates under them.
 */
import type { Program } from "../kit/eligibility";
import type { Population } from "./population";
import { circumstancesOf } from "./population";
import { PROGRAMS, type ProgramModel } from "./programs";
import { withParameters, type ParameterOverride } from "./reform";
import { evaluateInWorkers, parallelMin, workerCount } from "./workers";
import type { Outcomes, Progress } from "./outcomes";

export type { Outcomes, Progress } from "./outcomes";

export const CHUNK = 5_000;

export function emptyOutcomes(n: number): Outcomes {
  return { track: new Uint8Array(n), tracks: [], monthly: new Float64Array(n), total: new Float64Array(n), enrolled: new Uint8Array(n), rulesVersion: "" };
}

/** Evaluates positions [start, end) of `indices` into the same positions of `out` (synchronous). */
export function evaluateRange(model: ProgramModel, p: Population, indices: Int32Array, asOf: string, out: Outcomes, start: number, end: number): void {
  for (let k = start; k < end; k++) {
    const i = indices[k];
    const value = model.evaluate(circumstancesOf(p, i), p, i, asOf);
    if (!out.rulesVersion) out.rulesVersion = value.rulesVersion;
    out.enrolled[k] = model.enrolled(p, i, asOf) ? 1 : 0;
    if (!value.eligible) continue;
    const track = value.track ?? "ELIGIBLE";
    let t = out.tracks.indexOf(track);
    if (t < 0) t = out.tracks.push(track) - 1;
    out.track[k] = t + 1;
    for (const b of value.benefits) {
      out.monthly[k] += b.amountPerMonth ?? 0;
      out.total[k] += b.total ?? 0;
    }
  }
}

/** Outcomes for persons `indices` (results at the same positions as `indices`). */
export async function evaluatePrograms(
  program: Program,
  p: Population,
  indices: Int32Array,
  asOf: string,
  overrides: ParameterOverride[] = [],
  progress?: Progress,
): Promise<Outcomes> {
  const model = PROGRAMS[program];
  model.parameters.checkInForce(asOf);
  const n = indices.length;
  if (n >= parallelMin() && workerCount() > 0) return evaluateInWorkers(program, p, indices, asOf, overrides, progress);
  const out = emptyOutcomes(n);
  for (let start = 0; start < n; start += CHUNK) {
    withParameters(overrides, () => evaluateRange(model, p, indices, asOf, out, start, Math.min(n, start + CHUNK)));
    await progress?.(Math.min(n, start + CHUNK), n);
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!out.rulesVersion) out.rulesVersion = model.parameters.version(model.ruleSources);
  return out;
}

/** Current-law outcomes of the whole population, kept per snapshot, program and date. */
const baselines = new Map<string, Promise<Outcomes>>();
const MAX_BASELINES = 16;
const baselineKey = (program: Program, p: Population, asOf: string) => `${p.loadedAt}|${program}|${asOf}`;

export function baseline(program: Program, p: Population, asOf: string, progress?: Progress): Promise<Outcomes> {
  const key = baselineKey(program, p, asOf);
  let outcomes = baselines.get(key);
  if (!outcomes) {
    if (baselines.size >= MAX_BASELINES) baselines.delete(baselines.keys().next().value!);
    const everyone = Int32Array.from({ length: p.size }, (_, i) => i);
    outcomes = evaluatePrograms(program, p, everyone, asOf, [], progress);
    outcomes.catch(() => baselines.delete(key));
    baselines.set(key, outcomes);
  }
  return outcomes;
}

/**
 * Current-law outcomes of persons `indices`: taken from the whole population's when they are kept
 * (or when `indices` is everyone, computed as those and kept), else evaluated for these persons.
 */
export async function currentLaw(program: Program, p: Population, indices: Int32Array, asOf: string, progress?: Progress): Promise<Outcomes> {
  const kept = baselines.get(baselineKey(program, p, asOf));
  if (!kept && indices.length !== p.size) return evaluatePrograms(program, p, indices, asOf, [], progress);
  const all = await (kept ?? baseline(program, p, asOf, progress));
  if (indices.length === p.size) return all;
  const out = emptyOutcomes(indices.length);
  out.tracks = all.tracks;
  out.rulesVersion = all.rulesVersion;
  indices.forEach((i, k) => {
    out.track[k] = all.track[i];
    out.monthly[k] = all.monthly[i];
    out.total[k] = all.total[i];
    out.enrolled[k] = all.enrolled[i];
  });
  await progress?.(indices.length, indices.length);
  return out;
}
