/**
 * k-anonymity of the analyst's view by local recoding: each person gets a generalisation level, the
 * lowest at which the persons whose released quasi-identifiers are identical to theirs number at
 * least k (`ANALYST_MIN_GROUP`, default 5). The quasi-identifiers are what an analyst can read of a
 * person, directly or through the rules' explanations: birth year, managing center (and its region),
 * household size, income band, assets band. The levels, each withholding more:
 *
 *   0  everything released
 *   1  assets band withheld
 *   2  and the income band
 *   3  and the household size
 *   4  and the center (only its region is released)
 *   5  and the birth year (only its 5-year band is released, e.g. 1980-1984)
 *   6  the person is left out of the analyst's view
 *
 * A released tuple at one level never equals one at another (a withheld value is not a value), so a
 * group is always made of persons of one level: the levels are assigned from 0 upwards, a group that
 * reaches k at a level keeps it, and what remains goes one level up. Pure and deterministic: the
 * same persons give the same levels in any order.
 */

/** What an analyst can read of a person that links them to the outside world. */
export interface QuasiIdentifiers {
  birthYear: number;
  centerId: string | null;
  region: string | null;
  householdSize: number;
  incomeBand: string;
  assetsBand: string;
}

export const LEVEL_ALL_RELEASED = 0;
export const LEVEL_LEFT_OUT = 6;
export const DEFAULT_ANALYST_MIN_GROUP = 5;
/** Width of the birth-year band that replaces the birth year at level 5. */
export const BIRTH_YEAR_BAND = 5;

/** What a level releases (true: released as recorded). */
export interface Released {
  assetsBand: boolean;
  incomeBand: boolean;
  householdSize: boolean;
  center: boolean;
  birthYear: boolean;
  /** false: the person is not in the analyst's view at all. */
  person: boolean;
}

export function released(level: number): Released {
  return { assetsBand: level < 1, incomeBand: level < 2, householdSize: level < 3, center: level < 4, birthYear: level < 5, person: level < LEVEL_LEFT_OUT };
}

/** The 5-year band of a birth year: 1983 -> { from: 1980, to: 1984 }. */
export function birthYearBand(year: number): { from: number; to: number } {
  const from = Math.floor(year / BIRTH_YEAR_BAND) * BIRTH_YEAR_BAND;
  return { from, to: from + BIRTH_YEAR_BAND - 1 };
}

/** The released tuple of a person at a level, as a key (null at the level that leaves the person out). */
export function releasedKey(q: QuasiIdentifiers, level: number): string | null {
  const r = released(level);
  if (!r.person) return null;
  const band = birthYearBand(q.birthYear);
  return JSON.stringify([
    level,
    r.birthYear ? q.birthYear : `${band.from}-${band.to}`,
    q.region,
    r.center ? q.centerId : null,
    r.householdSize ? q.householdSize : null,
    r.incomeBand ? q.incomeBand : null,
    r.assetsBand ? q.assetsBand : null,
  ]);
}

/** The level of every person (same order as given), for groups of at least `k`. */
export function generalisationLevels(persons: readonly QuasiIdentifiers[], k: number): number[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number of at least 1 (got ${k})`);
  const levels = new Array<number>(persons.length).fill(LEVEL_LEFT_OUT);
  let remaining = persons.map((_, i) => i);
  for (let level = LEVEL_ALL_RELEASED; level < LEVEL_LEFT_OUT && remaining.length > 0; level++) {
    const groups = new Map<string, number[]>();
    for (const i of remaining) {
      const key = releasedKey(persons[i], level)!;
      const group = groups.get(key);
      if (group) group.push(i);
      else groups.set(key, [i]);
    }
    const next: number[] = [];
    for (const group of groups.values()) {
      if (group.length >= k) for (const i of group) levels[i] = level;
      else next.push(...group);
    }
    remaining = next;
  }
  return levels;
}

/** k from `ANALYST_MIN_GROUP` (default 5); a value that is not a whole number of at least 1 is refused. */
export function analystMinGroup(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ANALYST_MIN_GROUP;
  if (raw === undefined || raw === "") return DEFAULT_ANALYST_MIN_GROUP;
  const k = Number(raw);
  if (!Number.isInteger(k) || k < 1) throw new Error(`ANALYST_MIN_GROUP must be a whole number of at least 1 (got "${raw}")`);
  return k;
}
