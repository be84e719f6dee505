/**
 * The population snapshot: read from the extracts on first use; after STATISTICS_SNAPSHOT_SECONDS
 * (default 300) the next request starts a new read and is answered from the old snapshot meanwhile.
 */
import type { Store } from "../kit/store";
import { readPopulation } from "./extract";
import type { Population } from "./population";

const ttlMs = () => 1000 * Number(process.env.STATISTICS_SNAPSHOT_SECONDS ?? 300);

let ready: { at: number; population: Population } | null = null;
let reading: Promise<Population> | null = null;

function read(store: Store): Promise<Population> {
  reading ??= readPopulation(store)
    .then((population) => {
      ready = { at: Date.now(), population };
      return population;
    })
    .finally(() => {
      reading = null;
    });
  return reading;
}

export function population(store: Store): Promise<Population> {
  if (!ready) return read(store);
  if (Date.now() - ready.at > ttlMs()) read(store).catch(() => {});
  return Promise.resolve(ready.population);
}
