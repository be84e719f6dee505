/**
 * NESS (국민취업지원제도) rules. Each rule reads like the criterion it encodes; every figure comes
 * from ../parameters (dated, each with its public source), every rule cites the public source it
 * rests on with its confidence ([O] official, [N] news, [S] secondary, or assumption).
 */
import { defineRule, krw } from "../../kit/rules/rule";
import { extrapolationNote, incomeCeiling, standardMedianIncome } from "../../kit/rules/median-income";
import { isUnemployed, type RuleInput } from "../../kit/rules/evaluation";
import { ageRangeRule } from "../../kit/rules/common";
import type { ParameterSet } from "../../kit/rules/parameters";

export interface NessHistory {
  /** An enrollment still APPLIED or IN_PROGRESS on the date asked. */
  activeEnrollmentId: string | null;
}
export type NessInput = RuleInput<NessHistory>;

/** Public sources (the parameters cite theirs one by one). */
const ACT = "Act on the Promotion of Employment and Livelihood Stability of Job Seekers (구직자 취업촉진 및 생활안정지원에 관한 법률, 2021-01-01)";
const MOEL = "MOEL NESS page moel.go.kr/policyitrd/policyItrdView.do?policy_itrd_sn=355";
const NEWS = "news kmcn.kr/news/article.html?no=3044 [N]";
const TYPE2_NEWS = "news cm.asiae.co.kr/en/article/2022010411023497771";
const SECONDARY = "secondary summaries of the NESS guidance [S]";

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
    source,
    observedKind: "income",
    evaluate({ person }, p, asOf) {
      const percent = p.at(parameter, asOf);
      const ceiling = incomeCeiling(p, percent, person.household.size, asOf);
      const median = standardMedianIncome(p, person.household.size, asOf);
      const passed = person.household.monthlyIncome <= ceiling;
      return {
        passed,
        observed: String(person.household.monthlyIncome),
        threshold: String(ceiling),
        description: `Household income ${krw(person.household.monthlyIncome)} is ${passed ? "at or below" : "above"} ${percent}% of the ${person.household.size}-person median ${krw(median)} (${krw(ceiling)}).${extrapolationNote(person.household.size)}`,
      };
    },
  });

export const age = ageRangeRule("ness.age", "Aged within the NESS age range (both ends included) on the date of application.", "age-minimum", "age-maximum", `${NEWS}; ${ACT}`);

export const jobSeeker = defineRule<NessInput>({
  id: "ness.job-seeker",
  description: "A job seeker: not working, or working fewer hours a week than the line (a full-time worker is not).",
  parameters: ["job-seeker-weekly-hours"],
  source: `${ACT} (support for job seekers, persons not in employment who seek work); the hour line is an assumption`,
  observedKind: "count",
  evaluate({ person }, p, asOf) {
    const hours = p.at("job-seeker-weekly-hours", asOf);
    const { status, weeklyWorkHours } = person.employment;
    const passed = isUnemployed(person, hours);
    return {
      passed,
      observed: `${status}, ${weeklyWorkHours} h/week`,
      threshold: `UNEMPLOYED or under ${hours} h/week`,
      description: passed
        ? `Counts as a job seeker (${status === "UNEMPLOYED" ? "not working" : `${weeklyWorkHours} hours a week`}).`
        : `Works ${weeklyWorkHours} hours a week as ${status}: not a job seeker (${hours} hours or more; assumption, see the parameter).`,
    };
  },
});

export const noActiveEnrollment = defineRule<NessInput>({
  id: "ness.no-active-enrollment",
  description: "Not already in an open NESS enrollment (one enrollment at a time).",
  parameters: [],
  source: `${NEWS} (stages, with up to 3 months of follow-up); one enrollment at a time is this system's reading (assumption)`,
  observedKind: "record",
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

export const type1Income = percentRule("ness.type1.household-income", "type1-income-percent", "Type I", `${MOEL}; ${NEWS}; earlier limits: ${SECONDARY}`);

export const type1Assets = defineRule<NessInput>({
  id: "ness.type1.household-assets",
  description: "Type I: household assets at or below the ceiling (higher for youth).",
  parameters: ["type1-asset-ceiling", "type1-youth-asset-ceiling", "youth-age-maximum", "youth-age-extended-maximum"],
  source: `${NEWS}; earlier limits: ${SECONDARY}`,
  observedKind: "assets",
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
  description: "Type I screened: at least the insured work days, or the insured work hours, of the parameters in the last 24 months.",
  parameters: ["type1-work-days", "type1-work-hours"],
  source: `${NEWS}; ${MOEL}`,
  observedKind: "count",
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
  SECONDARY,
);

export const youth = defineRule<NessInput>({
  id: "ness.youth",
  description: "Youth: from the NESS minimum age to the youth maximum, the upper age extended by the months of military service up to the extended maximum.",
  parameters: ["youth-age-maximum", "youth-age-extended-maximum"],
  source: NEWS,
  observedKind: "age",
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
  "Type II mid-career group: aged from the mid-career minimum to the NESS maximum age.",
  "type2-mid-career-age-minimum",
  "age-maximum",
  `${TYPE2_NEWS}; ${SECONDARY}`,
);

export const type2MidCareerIncome = percentRule(
  "ness.type2.mid-career-income",
  "type2-mid-career-income-percent",
  "Type II (mid-career)",
  `${TYPE2_NEWS}; ${SECONDARY}`,
);

export const type2YouthIncome = defineRule<NessInput>({
  id: "ness.type2.youth-income",
  description: "Type II youth group: household income at or below the ceiling where one applies (sources conflict; see the parameter).",
  parameters: ["type2-youth-income-percent", "standard-median-income"],
  source: `${TYPE2_NEWS}; ${SECONDARY}, conflicting`,
  observedKind: "income",
  evaluate({ person }, p, asOf) {
    const percent = p.at("type2-youth-income-percent", asOf);
    if (percent === 0) return { passed: true, observed: String(person.household.monthlyIncome), threshold: null, description: "No income test for youth in Type II on this date." };
    const ceiling = incomeCeiling(p, percent, person.household.size, asOf);
    const passed = person.household.monthlyIncome <= ceiling;
    return {
      passed,
      observed: String(person.household.monthlyIncome),
      threshold: String(ceiling),
      description: `Household income ${krw(person.household.monthlyIncome)} is ${passed ? "at or below" : "above"} ${percent}% of the median (${krw(ceiling)}).${extrapolationNote(person.household.size)}`,
    };
  },
});

export const type2SpecificGroup = defineRule<NessInput>({
  id: "ness.type2.specific-group",
  description: "Type II specific groups (e.g. North Korean defectors, marriage migrants): admitted within the NESS age range whatever the household income.",
  parameters: ["type2-specific-groups"],
  source: `${TYPE2_NEWS}; ${SECONDARY}; no income test for these groups is an assumption`,
  observedKind: "category",
  evaluate({ person }, p, asOf) {
    const groups = p.at<string[]>("type2-specific-groups", asOf);
    const group = person.specificGroup;
    const passed = groups.includes(group);
    return {
      passed,
      observed: group,
      threshold: `one of ${groups.join(", ")}`,
      description: passed ? `Belongs to a Type II specific group (${group}).` : "Not in a Type II specific group.",
    };
  },
});

/** Every NESS rule, in the order it is evaluated and published. */
export const NESS_RULES = [
  age, noActiveEnrollment, jobSeeker, type1Income, type1Assets, type1WorkExperience, youth, youthSelectedIncome,
  type2MidCareerAge, type2MidCareerIncome, type2YouthIncome, type2SpecificGroup,
];
