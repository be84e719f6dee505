/**
 * Which employment centers run the Job Search Guarantee Package, and since when.
 *
 * programs.md, Names table, "Job Search Guarantee Package": "pilot 2022-08-19 at 6 job centers;
 * 24 centers from 2023-06-28, later 48 [N]".
 *
 * The brief does not list WHICH centers, so the choice below is illustrative, made deterministically
 * from the kit's CENTERS (which holds 40 centers, fewer than 48):
 * - pilot: the first center listed in CENTERS for each of the six metropolitan cities Seoul, Busan,
 *   Daegu, Incheon, Gwangju, Daejeon;
 * - 2023 expansion: the next 18 centers in CENTERS order (6 + 18 = 24);
 * - later expansion: every other center in CENTERS (16 of the 24 more the brief reports).
 */
import { CENTERS } from "../kit/synthetic/centers";
import { GuaranteeCenterCohort } from "./enums";

/** programs.md Names table "pilot 2022-08-19 at 6 job centers" [N]. */
export const PILOT_SINCE = "2022-08-19";
/** programs.md Names table "24 centers from 2023-06-28" [N]. */
export const EXPANSION_2023_SINCE = "2023-06-28";
/**
 * programs.md Names table "later 48" [N] gives no date. Assumption: taken as 2024-01-02, the first
 * working day of the year after the 2023 expansion. Change it here when the real date is known.
 */
export const EXPANSION_LATER_SINCE = "2024-01-02";

/** Illustrative choice (see above): the real pilot list is not in the brief. */
const PILOT_CENTER_IDS = ["seoul-gwanak", "busan", "daegu", "incheon-bukbu", "gwangju", "daejeon"] as const;

/** Illustrative choice (see above): the next 18 centers of CENTERS in list order. */
const EXPANSION_2023_CENTER_IDS = [
  "incheon-seobu", "gumi", "seoul-gangnam", "seoul-nambu", "seoul-bukbu", "ulsan", "suwon", "changwon", "jeonju",
  "seoul-seobu", "seoul-dongbu", "seoul-gangseo", "seoul-seocho", "incheon", "bucheon", "seongnam", "anyang", "ansan",
] as const;

export interface GuaranteeCenterSeed {
  centerId: string;
  since: string;
  cohort: GuaranteeCenterCohort;
}

const cohortOf = (id: string): GuaranteeCenterCohort =>
  (PILOT_CENTER_IDS as readonly string[]).includes(id)
    ? GuaranteeCenterCohort.PILOT_2022
    : (EXPANSION_2023_CENTER_IDS as readonly string[]).includes(id)
      ? GuaranteeCenterCohort.EXPANSION_2023
      : GuaranteeCenterCohort.EXPANSION_LATER;

const SINCE: Record<GuaranteeCenterCohort, string> = {
  [GuaranteeCenterCohort.PILOT_2022]: PILOT_SINCE,
  [GuaranteeCenterCohort.EXPANSION_2023]: EXPANSION_2023_SINCE,
  [GuaranteeCenterCohort.EXPANSION_LATER]: EXPANSION_LATER_SINCE,
};

/** Every center of CENTERS runs the package by now; ordered by start date, then CENTERS order. */
export const GUARANTEE_CENTERS: readonly GuaranteeCenterSeed[] = Object.freeze(
  CENTERS.map((center) => ({ centerId: center.id, cohort: cohortOf(center.id), since: SINCE[cohortOf(center.id)] }))
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => a.entry.since.localeCompare(b.entry.since) || a.order - b.order)
    .map(({ entry }) => Object.freeze(entry)),
);

const BY_CENTER = new Map(GUARANTEE_CENTERS.map((entry) => [entry.centerId, entry]));

/** The date a center started running the package, or null when it does not run it. */
export function guaranteeSince(centerId: string): string | null {
  return BY_CENTER.get(centerId)?.since ?? null;
}
