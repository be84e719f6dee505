/** Mid-Career Career Support Program eligibility: all rules must pass. */
import { fileURLToPath } from "node:url";
import { Program } from "../../kit/eligibility";
import { applyRule, krw } from "../../kit/rules/rule";
import { KIT_RULE_SOURCES, loadParameters } from "../../kit/rules/parameters";
import { ruleInput, type EligibilityValue, type ProgramRuleSet } from "../../kit/rules/evaluation";
import type { Circumstances } from "../../kit/circumstances";
import { MID_CAREER_RULES, type MidCareerHistory } from "./rules";

export const midCareerParameters = loadParameters("mid-career", fileURLToPath(new URL("../parameters", import.meta.url)));

export const MID_CAREER_RULE_SET: ProgramRuleSet = {
  rules: MID_CAREER_RULES,
  parameters: midCareerParameters,
  ruleSources: [new URL("./rules.ts", import.meta.url), new URL("./evaluate.ts", import.meta.url), ...KIT_RULE_SOURCES],
  benefits: [
    { kind: "PARTICIPANT_ALLOWANCE", description: "Up to the monthly allowance for a work experience placement of the months given, with mentoring; reduced when attendance is under the weekly hours.", parameters: ["participant-allowance-monthly", "placement-months", "participant-minimum-weekly-hours"] },
    { kind: "HOST_EMPLOYER_SUBSIDY", description: "Paid to a host company with at least the insured staff given: up to the monthly subsidy per participant.", parameters: ["host-subsidy-monthly", "placement-months", "host-minimum-insured-staff"] },
  ],
  tracks: [{ track: "WORK_EXPERIENCE", description: "Every rule passes.", rules: MID_CAREER_RULES.map((r) => r.id) }],
};

export function evaluateMidCareer(person: Circumstances, history: MidCareerHistory, asOf: string): EligibilityValue {
  midCareerParameters.checkInForce(asOf);
  const p = midCareerParameters.recording();
  const input = ruleInput(person, history, asOf);
  const reasons = MID_CAREER_RULES.map((rule) => applyRule(rule, input, p, asOf));
  const eligible = reasons.every((r) => r.passed);
  const benefits = () => {
    const monthly = p.at("participant-allowance-monthly", asOf);
    const [minMonths, maxMonths] = p.at<number[]>("placement-months", asOf);
    const subsidy = p.at("host-subsidy-monthly", asOf);
    const hours = p.at("participant-minimum-weekly-hours", asOf);
    const staff = p.at("host-minimum-insured-staff", asOf);
    return [
      {
        kind: "PARTICIPANT_ALLOWANCE",
        amountPerMonth: monthly,
        months: maxMonths,
        total: monthly * maxMonths,
        minimumTotal: null,
        description: `Up to ${krw(monthly)} a month for a ${minMonths}-${maxMonths} month work experience placement with mentoring, reduced when attendance is under ${hours} hours a week.`,
      },
      {
        kind: "HOST_EMPLOYER_SUBSIDY",
        amountPerMonth: subsidy,
        months: maxMonths,
        total: subsidy * maxMonths,
        minimumTotal: null,
        description: `Paid to the host company (at least ${staff} insured staff): up to ${krw(subsidy)} a month per participant.`,
      },
    ];
  };
  return {
    program: Program.MID_CAREER_SUPPORT,
    eligible,
    track: eligible ? "WORK_EXPERIENCE" : null,
    benefits: eligible ? benefits() : [],
    reasons,
    parametersUsed: p.used(),
    rulesVersion: midCareerParameters.version(MID_CAREER_RULE_SET.ruleSources),
    asOf,
  };
}

/** The rule set as the other subgraphs find it (journey publishes it): every program's rules/evaluate.ts exports `ruleSet`. */
export { MID_CAREER_RULE_SET as ruleSet };
