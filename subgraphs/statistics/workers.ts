/**
 * Evaluation over many persons in worker threads (STATISTICS_WORKERS, default one per core). Each
 * worker holds one slice of each population snapshot, sent once (the persons by position, no id);
 * a request sends each worker the positions in its slice, and, for a reform, the changed values of
 * the program's parameters: the worker puts them in place for its own evaluation only, in its own
 * copy of the rules, so no other request, in this thread or another, sees them.
 */
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { Program } from "../kit/eligibility";
import type { ParameterValue } from "../kit/rules/parameters";
import type { Population } from "./population";
import type { Outcomes, Progress } from "./outcomes";
import type { ParameterOverride } from "./reform";

/** How many worker threads evaluate (0: none, everything in this thread). */
export const workerCount = () => Number(process.env.STATISTICS_WORKERS ?? availableParallelism());
/** Fewer persons than this are evaluated in this thread. */
export const parallelMin = () => Number(process.env.STATISTICS_PARALLEL_MIN ?? 50_000);

/** The columns a worker evaluates on: a Population without the network events. */
export type Slice = Omit<Population, "firstReached">;

export type ToWorker =
  | { kind: "load"; id: number; key: number; slice: Slice }
  | { kind: "evaluate"; id: number; key: number; program: Program; asOf: string; overrides: { name: string; values: [string, ParameterValue][] }[]; indices: Int32Array };

export type FromWorker =
  | { id: number; kind: "progress"; done: number }
  | { id: number; kind: "loaded" }
  | { id: number; kind: "done"; outcomes: Outcomes }
  | { id: number; kind: "failed"; message: string };

interface Pending { resolve: (o: Outcomes | null) => void; reject: (e: Error) => void; progress: (done: number) => void }

class EvaluationWorker {
  readonly worker: Worker;
  readonly loaded = new Map<number, Promise<unknown>>();
  readonly pending = new Map<number, Pending>();
  dead = false;
  constructor() {
    // tsx's hooks are registered in the worker itself, so the same works under `npm start` and vitest.
    this.worker = new Worker(new URL("./evaluation-worker.mjs", import.meta.url), { execArgv: [] });
    this.worker.unref();
    this.worker.on("message", (m: FromWorker) => {
      const pending = this.pending.get(m.id);
      if (!pending) return;
      if (m.kind === "progress") return pending.progress(m.done);
      this.pending.delete(m.id);
      if (this.pending.size === 0) this.worker.unref();
      if (m.kind === "done") pending.resolve(m.outcomes);
      else if (m.kind === "loaded") pending.resolve(null);
      else pending.reject(new Error(m.message));
    });
    const fail = (error: Error) => {
      this.dead = true;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`statistics worker exited (${code})`)));
  }
  send(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }
  request(message: ToWorker, transfer: ArrayBuffer[], progress: (done: number) => void = () => {}): Promise<Outcomes | null> {
    this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject, progress });
      this.send(message, transfer);
    });
  }
  /** This worker's slice of population p (key), sent once; resolves when the worker holds it. */
  load(p: Population, key: number, lo: number, hi: number): Promise<unknown> {
    let loading = this.loaded.get(key);
    if (!loading) {
      const slice = slicePopulation(p, lo, hi);
      const buffers = Object.values(slice).filter((c): c is Int32Array => ArrayBuffer.isView(c)).map((c) => c.buffer as ArrayBuffer);
      loading = this.request({ kind: "load", id: nextId++, key, slice }, buffers);
      loading.catch(() => this.loaded.delete(key));
      this.loaded.set(key, loading);
    }
    return loading;
  }
}

let pool: EvaluationWorker[] = [];
let nextId = 1;
const keys = new WeakMap<Population, number>();
let nextKey = 1;

function workers(): EvaluationWorker[] {
  pool = pool.filter((w) => !w.dead);
  while (pool.length < workerCount()) pool.push(new EvaluationWorker());
  return pool.slice(0, workerCount());
}

/** Positions [lo, hi) of the population, as a worker holds them (typed arrays copied). */
export function slicePopulation(p: Population, lo: number, hi: number): Slice {
  const slice: Record<string, unknown> = { size: hi - lo, loadedAt: p.loadedAt };
  for (const [name, column] of Object.entries(p)) {
    if (name === "size" || name === "loadedAt" || name === "firstReached") continue;
    slice[name] = (column as unknown[] | Int32Array).slice(lo, hi);
  }
  return slice as unknown as Slice;
}

/** evaluatePrograms over worker threads: the same outcomes, at the same positions. */
function keyOf(p: Population): number {
  let key = keys.get(p);
  if (key === undefined) keys.set(p, (key = nextKey++));
  return key;
}

/** Sends every worker its slice of the population (done by the first evaluation otherwise). */
export async function shareOut(p: Population): Promise<void> {
  const team = workers();
  const per = Math.ceil(p.size / team.length);
  await Promise.all(team.map((w, t) => w.load(p, keyOf(p), t * per, Math.min(p.size, (t + 1) * per))));
}

export async function evaluateInWorkers(
  program: Program,
  p: Population,
  indices: Int32Array,
  asOf: string,
  overrides: ParameterOverride[],
  progress?: Progress,
): Promise<Outcomes> {
  const team = workers();
  const key = keyOf(p);
  const per = Math.ceil(p.size / team.length);
  // Which persons go to which worker, and where their outcomes go back.
  const positions: number[][] = team.map(() => []);
  for (let k = 0; k < indices.length; k++) positions[Math.min(team.length - 1, Math.floor(indices[k] / per))].push(k);
  const done = team.map(() => 0);
  let reported = 0;
  const results = await Promise.all(
    team.map((w, t) => {
      const lo = t * per;
      void w.load(p, key, lo, Math.min(p.size, lo + per));
      const local = Int32Array.from(positions[t], (k) => indices[k] - lo);
      const message = { kind: "evaluate" as const, id: nextId++, key, program, asOf, overrides: overrides.map((o) => ({ name: o.parameter.name, values: o.values })), indices: local };
      return w.request(message, [message.indices.buffer as ArrayBuffer], (n) => {
        done[t] = n;
        const all = done.reduce((a, b) => a + b, 0);
        // Reported in order, at most once per CHUNK-ish step of any worker.
        if (all > reported) {
          reported = all;
          void progress?.(all, indices.length);
        }
      });
    }),
  );
  const out: Outcomes = { track: new Uint8Array(indices.length), tracks: [], monthly: new Float64Array(indices.length), total: new Float64Array(indices.length), enrolled: new Uint8Array(indices.length), rulesVersion: "" };
  (results as Outcomes[]).forEach((r, t) => {
    out.rulesVersion ||= r.rulesVersion;
    const map = r.tracks.map((track) => {
      const at = out.tracks.indexOf(track);
      return at >= 0 ? at + 1 : out.tracks.push(track);
    });
    positions[t].forEach((k, j) => {
      out.track[k] = r.track[j] ? map[r.track[j] - 1] : 0;
      out.monthly[k] = r.monthly[j];
      out.total[k] = r.total[j];
      out.enrolled[k] = r.enrolled[j];
    });
  });
  await progress?.(indices.length, indices.length);
  return out;
}

/** Ends the worker threads (their slices go with them); the next evaluation starts new ones. */
export async function stopWorkers(): Promise<void> {
  const stopping = pool;
  pool = [];
  await Promise.all(stopping.map((w) => w.worker.terminate()));
}
