/** Persons of the test population picked by what the deterministic generators give them. */
import { syntheticPerson, type SyntheticPerson } from "../../subgraphs/kit/synthetic/person";
import { nessRecordsFor } from "../../subgraphs/employment-support/seed";
import { jobSearchGuaranteeRecordsFor } from "../../subgraphs/job-search-guarantee/seed";
import { midCareerRecordsFor } from "../../subgraphs/mid-career/seed";
import { learningCardRecordsFor } from "../../subgraphs/learning-card/seed";

export function programRecordsOf(p: SyntheticPerson) {
  return { p, ness: nessRecordsFor(p), jsg: jobSearchGuaranteeRecordsFor(p), mc: midCareerRecordsFor(p), lc: learningCardRecordsFor(p) };
}

export type PersonWithRecords = ReturnType<typeof programRecordsOf>;

/** The first person of the test population whose records satisfy `where`. */
export function firstPerson(limit: number, where: (r: PersonWithRecords) => boolean, what: string): PersonWithRecords {
  for (let i = 1; i <= limit; i++) {
    const records = programRecordsOf(syntheticPerson(i));
    if (where(records)) return records;
  }
  throw new Error(`no ${what} in the test population`);
}

const inAllPrograms = ({ ness, jsg, mc, lc }: PersonWithRecords) =>
  ness.enrollments.length > 0 && jsg.participations.length > 0 && mc.sessions.length + mc.placements.length > 0 && lc.card !== null && lc.enrollments.length > 0;

/** The first person (within the test population) with history in all four programs. */
export function personInAllPrograms(limit: number, where: (r: PersonWithRecords) => boolean = () => true): PersonWithRecords {
  return firstPerson(limit, (r) => inAllPrograms(r) && where(r), "person with history in all four programs");
}

/**
 * The analyst's view of the test population, worked out here from the synthetic persons and the
 * README's rule, independently of the graph's own code: the quasi-identifiers each level releases,
 * and each person's level (the lowest at which k persons of that level release the same values;
 * those left at the end are left out, level 6).
 */
export const ANALYST_LEVEL_LEFT_OUT = 6;

/** The 5-year band of a birth year as the README states it: 1980-1984, 1985-1989... */
export const birthBandOf = (year: number) => ({ from: year - (year % 5), to: year - (year % 5) + 4 });

/** What an analyst reads of a person at a level (null: withheld), as the fields name them. */
export function releasedView(p: SyntheticPerson, level: number) {
  const year = Number(p.birthDate.slice(0, 4));
  const krwBand = (amount: number, width: number) => {
    const low = Math.floor(amount / width) * width;
    return `KRW ${low.toLocaleString("en-US")}-${(low + width - 1).toLocaleString("en-US")}`;
  };
  return {
    birthYear: level < 5 ? year : null,
    birthYears: level < 5 ? { from: year, to: year } : birthBandOf(year),
    region: p.region as string,
    centerId: level < 4 ? p.centerId : null,
    size: level < 3 ? p.householdSize : null,
    incomeBand: level < 2 ? krwBand(p.householdMonthlyIncome, 1_000_000) : null,
    assetsBand: level < 1 ? krwBand(p.householdAssets, 100_000_000) : null,
  };
}

const levelCache = new Map<string, Map<string, number>>();
/** Every person's level (by id) in a population of `count` synthetic persons, for groups of at least k. */
export function analystLevels(count: number, k = 5): Map<string, number> {
  const cacheKey = `${count}:${k}`;
  const cached = levelCache.get(cacheKey);
  if (cached) return cached;
  const levels = new Map<string, number>();
  let open = Array.from({ length: count }, (_, i) => syntheticPerson(i + 1));
  for (let level = 0; level < ANALYST_LEVEL_LEFT_OUT; level++) {
    const byView = new Map<string, SyntheticPerson[]>();
    for (const p of open) {
      const view = JSON.stringify(releasedView(p, level));
      byView.set(view, [...(byView.get(view) ?? []), p]);
    }
    open = [];
    for (const members of byView.values()) {
      if (members.length >= k) for (const p of members) levels.set(p.id, level);
      else open.push(...members);
    }
  }
  for (const p of open) levels.set(p.id, ANALYST_LEVEL_LEFT_OUT);
  levelCache.set(cacheKey, levels);
  return levels;
}
