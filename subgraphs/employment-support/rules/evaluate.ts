/**
 * NESS eligibility: which track a person qualifies for on a date, why, and the allowance.
 *   Type I screened (요건심사형): income, assets and work experience all pass.
 *   Type I selected (선발형): income and assets pass without the work experience; or youth within
 *     120% of the median and the youth asset ceiling.
 *   Type II: youth (income test as dated), or mid-career 35-69 within 100% of the median.
 * Common to all: age 15-69 and no open enrollment.  Source: shared/domain/programs.md §1.
 */
import { fileURLToPath } from "node:url";
import { Program } from "../../kit/eligibility";
import { applyRule } from "../../kit/rules/rule";
import { loadParameters } from "../../kit/rules/parameters";
import { ruleInput, type BenefitValue, type EligibilityValue } from "../../kit/rules/evaluation";
import type { Circumstances } from "../../kit/circumstances";
import { krw } from "../../kit/rules/rule";
import * as r from "./rules";

export const NESS_FORMULAS_VERSION = "1.0.0";
export const nessParameters = loadParameters("ness", fileURLToPath(new URL("../parameters", import.meta.url)), ["standard-median-income"]);

export function evaluateNess(person: Circumstances, history: r.NessHistory, asOf: string): EligibilityValue {
  const p = nessParameters;
  p.checkInForce(asOf);
  const input = ruleInput(person, history, asOf);
  const outcome = Object.fromEntries(r.NESS_RULES.map((rule) => [rule.id, applyRule(rule, input, p, asOf)]));
  const passed = (id: string) => outcome[id].passed;

  const common = passed("ness.age") && passed("ness.no-active-enrollment");
  const isYouth = passed("ness.youth");
  const meansTested = passed("ness.type1.household-income") && passed("ness.type1.household-assets");
  let track: string | null = null;
  if (common) {
    if (meansTested && passed("ness.type1.work-experience")) track = "TYPE_I_SCREENED";
    else if (meansTested || (isYouth && passed("ness.type1.youth-selected-income") && passed("ness.type1.household-assets"))) track = "TYPE_I_SELECTED";
    else if ((isYouth && passed("ness.type2.youth-income")) || (passed("ness.type2.mid-career-age") && passed("ness.type2.mid-career-income"))) track = "TYPE_II";
  }
  return {
    program: Program.NATIONAL_EMPLOYMENT_SUPPORT,
    eligible: track !== null,
    track,
    benefits: track ? nessBenefits(track, person, asOf) : [],
    reasons: r.NESS_RULES.map((rule) => outcome[rule.id]),
    rulesVersion: p.version(NESS_FORMULAS_VERSION),
    asOf,
  };
}

/** Type I job-seeking allowance a month on a date: the base plus the dependant top-up, capped. */
export function monthlyJobSeekingAllowance(dependants: number, on: string): number {
  const p = nessParameters;
  return p.at("job-seeking-allowance-monthly", on) + Math.min(dependants * p.at("dependant-top-up", on), p.at("dependant-top-up-maximum", on));
}

function nessBenefits(track: string, person: Circumstances, asOf: string): BenefitValue[] {
  const p = nessParameters;
  const [afterSix, afterTwelve] = p.at<number[]>("success-allowance", asOf);
  const success: BenefitValue = {
    kind: "SUCCESS_ALLOWANCE",
    amountPerMonth: null,
    months: null,
    total: afterSix + afterTwelve,
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
        description: `Participation allowance of ${krw(low)} to ${krw(high)} once the Individual Action Plan is set, plus activity costs.`,
      },
      success,
    ];
  }
  const base = p.at("job-seeking-allowance-monthly", asOf);
  const monthly = monthlyJobSeekingAllowance(person.household.dependants, asOf);
  const topUp = monthly - base;
  const months = p.at("job-seeking-allowance-months", asOf);
  return [
    {
      kind: "JOB_SEEKING_ALLOWANCE",
      amountPerMonth: monthly,
      months,
      total: monthly * months,
      description: `Job-seeking allowance (구직촉진수당): ${krw(base)} a month${topUp ? ` plus ${krw(topUp)} for ${person.household.dependants} dependant(s)` : ""} for ${months} months, while the plan's job-search activities are done.`,
    },
    success,
  ];
}
