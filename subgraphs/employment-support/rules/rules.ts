/**
 * NESS (국민취업지원제도) rules. Each rule reads like the criterion it encodes; every figure comes
 * from ../parameters (dated), every rule cites the domain brief row (shared/domain/programs.md §1).
 */
import { defineRule, krw } from "../../kit/rules/rule";
import { incomeCeiling, standardMedianIncome } from "../../kit/rules/median-income";
import type { RuleInput } from "../../kit/rules/evaluation";
import { ageRangeRule } from "../../kit/rules/common";
import type { ParameterSet } from "../../kit/rules/parameters";

export interface NessHistory {
  /** An enrollment still APPLIED or IN_PROGRESS on the date asked. */
  activeEnrollmentId: string | null;
}
export type NessInput = RuleInput<NessHistory>;

const BRIEF = "shared/domain/programs.md §1";

/** Youth: 15-34, the upper age extended by months of military service, up to 37. */
export function isYouth(input: NessInput, p: ParameterSet, asOf: string): boolean {
  const ageMonths = monthsOfAge(input.person.birthDate, asOf);
  const limit = Math.min(
    (p.at("youth-age-maximum", asOf) + 1) * 12 + input.person.militaryServiceMonths,
    (p.at("youth-age-extended-maximum", asOf) + 1) * 12,
  );
  return ageMonths < limit;
}

function monthsOfAge(birthDate: string, asOf: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = asOf.split("-").map(Number);
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

const percentRule = (id: string, parameter: string, title: string, source: string) =>
  defineRule<NessInput>({
    id,
    description: `${title}: household income at or below the percentage of the standard median income for the household's size.`,
    parameters: [parameter, "standard-median-income"],
    observedKind: "income",
    source,
    evaluate({ person }, p, asOf) {
      const percent = p.at(parameter, asOf);
      const ceiling = incomeCeiling(p, percent, person.household.size, asOf);
      const median = standardMedianIncome(p, person.household.size, asOf);
      const passed = person.household.monthlyIncome <= ceiling;
      return {
        passed,
        observed: String(person.household.monthlyIncome),
        threshold: String(ceiling),
        description: `Household income ${krw(person.household.monthlyIncome)} is ${passed ? "at or below" : "above"} ${percent}% of the ${person.household.size}-person median ${krw(median)} (${krw(ceiling)}).`,
      };
    },
  });

export const age = ageRangeRule("ness.age", "Aged 15 to 69 inclusive on the date of application.", "age-minimum", "age-maximum", `${BRIEF} age [N]`);

export const noActiveEnrollment = defineRule<NessInput>({
  id: "ness.no-active-enrollment",
  description: "Not already in an open NESS enrollment (one enrollment at a time).",
  parameters: [],
  observedKind: "record",
  source: `${BRIEF} stages [N]; one enrollment at a time is this system's reading (assumption)`,
  evaluate({ history }) {
    const passed = history.activeEnrollmentId === null;
    return {
      passed,
      observed: history.activeEnrollmentId,
      threshold: null,
      description: passed ? "No open NESS enrollment." : `Already enrolled (${history.activeEnrollmentId}); a new application waits until it closes.`,
    };
  },
});

export const type1Income = percentRule("ness.type1.household-income", "type1-income-percent", "Type I", `${BRIEF} Type I screened [N]; earlier limits [S]`);

export const type1Assets = defineRule<NessInput>({
  id: "ness.type1.household-assets",
  description: "Type I: household assets at or below the ceiling (higher for youth).",
  parameters: ["type1-asset-ceiling", "type1-youth-asset-ceiling", "youth-age-maximum", "youth-age-extended-maximum"],
  observedKind: "assets",
  source: `${BRIEF} Type I screened [N]`,
  evaluate(input, p, asOf) {
    const youth = isYouth(input, p, asOf);
    const ceiling = p.at(youth ? "type1-youth-asset-ceiling" : "type1-asset-ceiling", asOf);
    const assets = input.person.household.assets;
    const passed = assets <= ceiling;
    return {
      passed,
      observed: String(assets),
      threshold: String(ceiling),
      description: `Household assets ${krw(assets)} are ${passed ? "at or below" : "above"} the ${youth ? "youth " : ""}ceiling ${krw(ceiling)}.`,
    };
  },
});

export const type1WorkExperience = defineRule<NessInput>({
  id: "ness.type1.work-experience",
  description: "Type I screened: at least 100 insured work days or 800 hours in the last 24 months.",
  parameters: ["type1-work-days", "type1-work-hours"],
  observedKind: "count",
  source: `${BRIEF} Type I screened [N]`,
  evaluate({ person }, p, asOf) {
    const days = p.at("type1-work-days", asOf);
    const hours = p.at("type1-work-hours", asOf);
    const { workDaysLast24Months: d, workHoursLast24Months: h } = person.employment;
    const passed = d >= days || h >= hours;
    return {
      passed,
      observed: `${d} days, ${h} hours`,
      threshold: `${days} days or ${hours} hours`,
      description: `${d} work days and ${h} work hours in the last 24 months ${passed ? "meet" : "fall short of"} ${days} days or ${hours} hours.`,
    };
  },
});

export const youthSelectedIncome = percentRule(
  "ness.type1.youth-selected-income",
  "type1-youth-selected-income-percent",
  "Type I selected (youth)",
  `${BRIEF} Type I selected [S]`,
);

export const youth = defineRule<NessInput>({
  id: "ness.youth",
  description: "Youth: aged 15-34, the upper age extended by months of military service up to 37.",
  parameters: ["youth-age-maximum", "youth-age-extended-maximum"],
  observedKind: "age",
  source: `${BRIEF} age [N]`,
  evaluate(input, p, asOf) {
    const passed = isYouth(input, p, asOf);
    const extension = input.person.militaryServiceMonths;
    return {
      passed,
      observed: `age ${input.age}, ${extension} months of military service`,
      threshold: `${p.at("youth-age-maximum", asOf)} (+ service, up to ${p.at("youth-age-extended-maximum", asOf)})`,
      description: passed ? `Counts as youth (age ${input.age}).` : `Does not count as youth (age ${input.age}).`,
    };
  },
});

export const type2MidCareerAge = ageRangeRule(
  "ness.type2.mid-career-age",
  "Type II mid-career group: aged 35 to 69.",
  "type2-mid-career-age-minimum",
  "age-maximum",
  `${BRIEF} Type II [S]`,
);

export const type2MidCareerIncome = percentRule(
  "ness.type2.mid-career-income",
  "type2-mid-career-income-percent",
  "Type II (mid-career)",
  `${BRIEF} Type II [S]`,
);

export const type2YouthIncome = defineRule<NessInput>({
  id: "ness.type2.youth-income",
  description: "Type II youth group: household income at or below the ceiling where one applies (sources conflict; see the parameter).",
  parameters: ["type2-youth-income-percent", "standard-median-income"],
  observedKind: "income",
  source: `${BRIEF} Type II [S], conflicting`,
  evaluate({ person }, p, asOf) {
    const percent = p.at("type2-youth-income-percent", asOf);
    if (percent === 0) return { passed: true, observed: String(person.household.monthlyIncome), threshold: null, description: "No income test for youth in Type II on this date." };
    const ceiling = incomeCeiling(p, percent, person.household.size, asOf);
    const passed = person.household.monthlyIncome <= ceiling;
    return {
      passed,
      observed: String(person.household.monthlyIncome),
      threshold: String(ceiling),
      description: `Household income ${krw(person.household.monthlyIncome)} is ${passed ? "at or below" : "above"} ${percent}% of the median (${krw(ceiling)}).`,
    };
  },
});

/** Every NESS rule, in the order it is evaluated and published. */
export const NESS_RULES = [
  age, noActiveEnrollment, type1Income, type1Assets, type1WorkExperience, youth, youthSelectedIncome,
  type2MidCareerAge, type2MidCareerIncome, type2YouthIncome,
];
