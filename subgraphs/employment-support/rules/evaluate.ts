/**
 * NESS eligibility: which track a person qualifies for on a date, why, and the allowance.
 *   Type I screened (요건심사형): income, assets and work experience all pass.
 *   Type I selected (선발형): income and assets pass without the work experience; or youth within
 *     the youth selected-track income line and the youth asset ceiling.
 *   Type II: youth (income test as dated), mid-career within its income line, or a specific group.
 * Common to all: the age range, a job seeker, and no open enrollment.
 */
import { fileURLToPath } from "node:url";
import { Program } from "../../kit/eligibility";
import { applyRule } from "../../kit/rules/rule";
import { KIT_RULE_SOURCES, loadParameters, type ParameterSet } from "../../kit/rules/parameters";
import { ruleInput, type BenefitDefinition, type BenefitValue, type EligibilityValue, type ProgramRuleSet, type TrackDefinition } from "../../kit/rules/evaluation";
import type { Circumstances } from "../../kit/circumstances";
import { krw } from "../../kit/rules/rule";
import * as r from "./rules";

export const nessParameters = loadParameters("ness", fileURLToPath(new URL("../parameters", import.meta.url)), ["standard-median-income"]);

const COMMON = ["ness.age", "ness.job-seeker", "ness.no-active-enrollment"];

/** How the track is chosen, in order: the first that passes is the answer (published with the rules). */
export const NESS_TRACKS: TrackDefinition[] = [
  { track: "TYPE_I_SCREENED", description: "Every common rule, and household income, household assets and work experience all pass.", rules: [...COMMON, "ness.type1.household-income", "ness.type1.household-assets", "ness.type1.work-experience"] },
  { track: "TYPE_I_SELECTED", description: "Every common rule, and household income and assets pass without the work experience; or a youth within the youth selected-track income line and the youth asset ceiling.", rules: [...COMMON, "ness.type1.household-income", "ness.type1.household-assets", "ness.youth", "ness.type1.youth-selected-income"] },
  { track: "TYPE_II", description: "Every common rule, and a youth within the Type II youth income line (none on some dates), or aged from the mid-career minimum within the mid-career income line, or in a Type II specific group.", rules: [...COMMON, "ness.youth", "ness.type2.youth-income", "ness.type2.mid-career-age", "ness.type2.mid-career-income", "ness.type2.specific-group"] },
];

export const NESS_BENEFITS: BenefitDefinition[] = [
  { kind: "JOB_SEEKING_ALLOWANCE", description: "Type I: the job-seeking allowance (구직촉진수당) a month for the months given, plus the top-up per qualifying dependant up to the maximum, while the plan's job-search activities are done.", parameters: ["job-seeking-allowance-monthly", "job-seeking-allowance-months", "dependant-top-up", "dependant-top-up-maximum"] },
  { kind: "PARTICIPATION_ALLOWANCE", description: "Type II: a participation allowance between the two amounts once the Individual Action Plan is set, plus activity costs.", parameters: ["type2-participation-allowance"] },
  { kind: "SUCCESS_ALLOWANCE", description: "Both types: the employment success allowance (취업성공수당) after 6 and after 12 months in the same job.", parameters: ["success-allowance"] },
];

export const NESS_RULE_SET: ProgramRuleSet = {
  rules: r.NESS_RULES,
  parameters: nessParameters,
  ruleSources: [new URL("./rules.ts", import.meta.url), new URL("./evaluate.ts", import.meta.url), ...KIT_RULE_SOURCES],
  benefits: NESS_BENEFITS,
  tracks: NESS_TRACKS,
};

export function evaluateNess(person: Circumstances, history: r.NessHistory, asOf: string): EligibilityValue {
  nessParameters.checkInForce(asOf);
  const p = nessParameters.recording();
  const input = ruleInput(person, history, asOf);
  const outcome = Object.fromEntries(r.NESS_RULES.map((rule) => [rule.id, applyRule(rule, input, p, asOf)]));
  const passed = (id: string) => outcome[id].passed;

  const common = COMMON.every(passed);
  const isYouth = passed("ness.youth");
  const meansTested = passed("ness.type1.household-income") && passed("ness.type1.household-assets");
  let track: string | null = null;
  if (common) {
    if (meansTested && passed("ness.type1.work-experience")) track = "TYPE_I_SCREENED";
    else if (meansTested || (isYouth && passed("ness.type1.youth-selected-income") && passed("ness.type1.household-assets"))) track = "TYPE_I_SELECTED";
    else if (
      (isYouth && passed("ness.type2.youth-income")) ||
      (passed("ness.type2.mid-career-age") && passed("ness.type2.mid-career-income")) ||
      passed("ness.type2.specific-group")
    ) track = "TYPE_II";
  }
  const benefits = track ? nessBenefits(p, track, person, asOf) : [];
  return {
    program: Program.NATIONAL_EMPLOYMENT_SUPPORT,
    eligible: track !== null,
    track,
    benefits,
    reasons: r.NESS_RULES.map((rule) => outcome[rule.id]),
    parametersUsed: p.used(),
    rulesVersion: nessParameters.version(NESS_RULE_SET.ruleSources),
    asOf,
  };
}

/** Type I job-seeking allowance a month on a date: the base plus the dependant top-up, capped. */
export function monthlyJobSeekingAllowance(dependants: number, on: string, p: ParameterSet = nessParameters): number {
  return p.at("job-seeking-allowance-monthly", on) + Math.min(dependants * p.at("dependant-top-up", on), p.at("dependant-top-up-maximum", on));
}

function nessBenefits(p: ParameterSet, track: string, person: Circumstances, asOf: string): BenefitValue[] {
  const [afterSix, afterTwelve] = p.at<number[]>("success-allowance", asOf);
  const success: BenefitValue = {
    kind: "SUCCESS_ALLOWANCE",
    amountPerMonth: null,
    months: null,
    total: afterSix + afterTwelve,
    minimumTotal: null,
    description: `Employment success allowance (취업성공수당): ${krw(afterSix)} after 6 months and ${krw(afterTwelve)} after 12 months in the same job.`,
  };
  if (track === "TYPE_II") {
    const [low, high] = p.at<number[]>("type2-participation-allowance", asOf);
    return [
      {
        kind: "PARTICIPATION_ALLOWANCE",
        amountPerMonth: null,
        months: null,
        total: high,
        minimumTotal: low,
        description: `Participation allowance of ${krw(low)} to ${krw(high)} (minimumTotal to total) once the Individual Action Plan is set, plus activity costs.`,
      },
      success,
    ];
  }
  const base = p.at("job-seeking-allowance-monthly", asOf);
  const monthly = monthlyJobSeekingAllowance(person.household.dependants, asOf, p);
  const topUp = monthly - base;
  const months = p.at("job-seeking-allowance-months", asOf);
  return [
    {
      kind: "JOB_SEEKING_ALLOWANCE",
      amountPerMonth: monthly,
      months,
      total: monthly * months,
      minimumTotal: null,
      description: `Job-seeking allowance (구직촉진수당): ${krw(base)} a month${topUp ? ` plus ${krw(topUp)} for ${person.household.dependants} dependant(s)` : ""} for ${months} months, while the plan's job-search activities are done.`,
    },
    success,
  ];
}

/** The rule set as the other subgraphs find it (journey publishes it): every program's rules/evaluate.ts exports `ruleSet`. */
export { NESS_RULE_SET as ruleSet };
