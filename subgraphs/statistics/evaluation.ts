/**
 * Runs a program's rules over persons of the population: per person, eligible or not, the track,
 * and the benefits (a month, and in all). Long runs yield to the event loop every CHUNK persons and
 * report progress. A reform runs with some parameters replaced (reform.ts) for exactly the
 * synchronous stretch of each chunk, so no other request ever evaluates under them.
 */
import type { Program } from "../kit/eligibility";
import type { Population } from "./population";
import { circumstancesOf } from "./population";
import { PROGRAMS } from "./programs";
import { withParameters, type ParameterOverride } from "./reform";

const CHUNK = 5_000;

export interface Outcomes {
  /** 0: not eligible; otherwise 1 + the index of the track in `tracks`. */
  track: Uint8Array;
  tracks: string[];
  monthly: Float64Array;
  total: Float64Array;
  enrolled: Uint8Array;
  rulesVersion: string;
}

export type Progress = (done: number, of: number) => void | Promise<void>;

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
  const out: Outcomes = {
    track: new Uint8Array(n), tracks: [], monthly: new Float64Array(n), total: new Float64Array(n), enrolled: new Uint8Array(n), rulesVersion: "",
  };
  const trackIndex = new Map<string, number>();
  for (let start = 0; start < n; start += CHUNK) {
    withParameters(overrides, () => {
      for (let k = start; k < Math.min(n, start + CHUNK); k++) {
        const i = indices[k];
        const value = model.evaluate(circumstancesOf(p, i), p, i, asOf);
        if (!out.rulesVersion) out.rulesVersion = value.rulesVersion;
        out.enrolled[k] = model.enrolled(p, i, asOf) ? 1 : 0;
        if (!value.eligible) continue;
        const track = value.track ?? "ELIGIBLE";
        let t = trackIndex.get(track);
        if (t === undefined) {
          t = out.tracks.push(track) - 1;
          trackIndex.set(track, t);
        }
        out.track[k] = t + 1;
        for (const b of value.benefits) {
          out.monthly[k] += b.amountPerMonth ?? 0;
          out.total[k] += b.total ?? 0;
        }
      }
    });
    await progress?.(Math.min(n, start + CHUNK), n);
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!out.rulesVersion) out.rulesVersion = model.parameters.version(model.ruleSources);
  return out;
}

/** Current-law outcomes of the whole population, kept per snapshot, program and date. */
const baselines = new Map<string, Promise<Outcomes>>();
const MAX_BASELINES = 16;

export function baseline(program: Program, p: Population, asOf: string): Promise<Outcomes> {
  const key = `${p.loadedAt}|${program}|${asOf}`;
  let outcomes = baselines.get(key);
  if (!outcomes) {
    if (baselines.size >= MAX_BASELINES) baselines.delete(baselines.keys().next().value!);
    const everyone = Int32Array.from({ length: p.size }, (_, i) => i);
    outcomes = evaluatePrograms(program, p, everyone, asOf);
    outcomes.catch(() => baselines.delete(key));
    baselines.set(key, outcomes);
  }
  return outcomes;
}
