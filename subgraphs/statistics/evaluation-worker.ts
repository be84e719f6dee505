/** The body of a statistics evaluation worker (workers.ts): holds population slices, evaluates on request. */
import { parentPort } from "node:worker_threads";
import { PROGRAMS } from "./programs";
import { CHUNK, emptyOutcomes, evaluateRange } from "./evaluation";
import { withParameters } from "./reform";
import type { Population } from "./population";
import type { FromWorker, ToWorker } from "./workers";

/** The slices held, newest last; two snapshots at most (the one answering and the one replacing it). */
const slices = new Map<number, Population>();

const reply = (message: FromWorker, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

parentPort!.on("message", (m: ToWorker) => {
  if (m.kind === "load") {
    slices.set(m.key, { ...m.slice, firstReached: [] });
    while (slices.size > 2) slices.delete(slices.keys().next().value!);
    return reply({ id: m.id, kind: "loaded" });
  }
  try {
    const p = slices.get(m.key);
    if (!p) throw new Error(`no population slice ${m.key} in this worker`);
    const model = PROGRAMS[m.program];
    const overrides = m.overrides.map((o) => ({ parameter: model.parameters.get(o.name), values: o.values }));
    const out = emptyOutcomes(m.indices.length);
    for (let start = 0; start < m.indices.length; start += CHUNK) {
      const end = Math.min(m.indices.length, start + CHUNK);
      withParameters(overrides, () => evaluateRange(model, p, m.indices, m.asOf, out, start, end));
      reply({ id: m.id, kind: "progress", done: end });
    }
    if (!out.rulesVersion) out.rulesVersion = model.parameters.version(model.ruleSources);
    reply({ id: m.id, kind: "done", outcomes: out }, [out.track.buffer, out.monthly.buffer, out.total.buffer, out.enrolled.buffer] as ArrayBuffer[]);
  } catch (error) {
    reply({ id: m.id, kind: "failed", message: (error as Error).message });
  }
});
