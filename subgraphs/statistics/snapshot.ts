/**
 * The population snapshot: read from the extracts on first use; after STATISTICS_SNAPSHOT_SECONDS
 * (default 300) the next request starts a new read and is answered from the old snapshot meanwhile.
 * Each new snapshot's current-law eligibility for today is computed at once, in the background.
 */
import type { Store } from "../../platform/store";
import { readPopulation } from "./extract";
import type { Population } from "./population";
import { baseline } from "./evaluation";
import { PROGRAM_LIST } from "./programs";
import { todayInKorea } from "../../platform/dates";

const ttlMs = () => 1000 * Number(process.env.STATISTICS_SNAPSHOT_SECONDS ?? 300);

let ready: { at: number; population: Population } | null = null;
let reading: Promise<Population> | null = null;

function read(store: Store): Promise<Population> {
  reading ??= readPopulation(store)
    .then((population) => {
      ready = { at: Date.now(), population };
      // Today's current-law eligibility, computed ahead of the first question about it.
      void (async () => {
        for (const program of PROGRAM_LIST) await baseline(program, population, todayInKorea()).catch(() => {});
      })();
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
