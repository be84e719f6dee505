/**
 * Which employment centers run the Job Search Guarantee Package, and since when.
 *
 * the published sources, Names table, "Job Search Guarantee Package": "pilot 2022-08-19 at 6 job centers;
 * 24 centers from 2023-06-28, later 48 [N]".
 *
 * Single source of truth: the dated parameter parameters/participating-centers.yaml, which the
 * eligibility rule (rules/rules.ts, job-search-guarantee.participating-center) reads too. The seed and
 * the `jobSearchGuaranteeCenters` root field use this view of it, so they cannot disagree with the rule.
 * The sources do not list WHICH centers, so the lists there are illustrative, taken from the kit's
 * CENTERS. The third step (all 40 centers of CENTERS, fewer than the reported 48) is dated 2024-01-02
 * as an assumption: no date is published for "later 48".
 * A center's cohort is the step of the parameter where it first appears.
 */
import type { ParameterValue } from "../kit/rules/parameters";
import { GuaranteeCenterCohort } from "./enums";
import { guaranteeParameters } from "./rules/evaluate";

export const PARTICIPATING_CENTERS_PARAMETER = "participating-centers";

/** Cohort of each step of the parameter, in date order; any later step is also EXPANSION_LATER. */
const COHORTS = [GuaranteeCenterCohort.PILOT_2022, GuaranteeCenterCohort.EXPANSION_2023, GuaranteeCenterCohort.EXPANSION_LATER];

export interface GuaranteeCenterSeed {
  centerId: string;
  since: string;
  cohort: GuaranteeCenterCohort;
}

function fromParameter(steps: [string, ParameterValue][]): readonly GuaranteeCenterSeed[] {
  const seen = new Map<string, GuaranteeCenterSeed>();
  steps.forEach(([since, centerIds], step) => {
    for (const centerId of centerIds as string[]) {
      if (!seen.has(centerId)) seen.set(centerId, Object.freeze({ centerId, since, cohort: COHORTS[Math.min(step, COHORTS.length - 1)] }));
    }
  });
  // Map insertion order: by start date, then the parameter's list order.
  return Object.freeze([...seen.values()]);
}

/** Every center that runs the package by now, with the date it started; oldest first. */
export const GUARANTEE_CENTERS: readonly GuaranteeCenterSeed[] = fromParameter(guaranteeParameters.get(PARTICIPATING_CENTERS_PARAMETER).values);

const BY_CENTER = new Map(GUARANTEE_CENTERS.map((entry) => [entry.centerId, entry]));

/** The date a center started running the package, or null when it does not run it. */
export function guaranteeSince(centerId: string): string | null {
  return BY_CENTER.get(centerId)?.since ?? null;
}
