/** Standard median income (기준 중위소득) for a household size, and "percent of median" thresholds. */
import type { ParameterSet } from "./parameters";

/** The largest household the published table gives a figure for. */
export const LARGEST_TABULATED_HOUSEHOLD = 6;

export function standardMedianIncome(parameters: ParameterSet, householdSize: number, asOf: string): number {
  const table = parameters.at<Record<string, number>>("standard-median-income", asOf);
  if (householdSize <= LARGEST_TABULATED_HOUSEHOLD) return table[String(householdSize)];
  // 7 or more: add (6-person - 5-person) per person beyond 6 (see the parameter's note).
  return table["6"] + (householdSize - 6) * (table["6"] - table["5"]);
}

/** The highest whole-KRW income at or below `percent` of the median ("at or below" passes). */
export function incomeCeiling(parameters: ParameterSet, percent: number, householdSize: number, asOf: string): number {
  return Math.floor((standardMedianIncome(parameters, householdSize, asOf) * percent) / 100);
}

/** Said in a reason when the median was extrapolated beyond the published table (households of 7 or more). */
export function extrapolationNote(householdSize: number): string {
  return householdSize > LARGEST_TABULATED_HOUSEHOLD
    ? ` The published table stops at ${LARGEST_TABULATED_HOUSEHOLD} persons: the ${householdSize}-person median is extrapolated by adding the 6-person minus 5-person difference per extra person (assumption).`
    : "";
}
