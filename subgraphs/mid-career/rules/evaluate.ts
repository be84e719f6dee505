/** Mid-Career Career Support Program eligibility: all rules must pass. Source: shared/domain/programs.md §3. */
import { fileURLToPath } from "node:url";
import { Program } from "../../kit/eligibility";
import { applyRule, krw } from "../../kit/rules/rule";
import { loadParameters } from "../../kit/rules/parameters";
import { ruleInput, type EligibilityValue } from "../../kit/rules/evaluation";
import type { Circumstances } from "../../kit/circumstances";
import { MID_CAREER_RULES, type MidCareerHistory } from "./rules";

export const MID_CAREER_FORMULAS_VERSION = "1.0.0";
export const midCareerParameters = loadParameters("mid-career", fileURLToPath(new URL("../parameters", import.meta.url)));

export function evaluateMidCareer(person: Circumstances, history: MidCareerHistory, asOf: string): EligibilityValue {
  const p = midCareerParameters;
  p.checkInForce(asOf);
  const input = ruleInput(person, history, asOf);
  const reasons = MID_CAREER_RULES.map((rule) => applyRule(rule, input, p, asOf));
  const eligible = reasons.every((r) => r.passed);
  const monthly = p.at("participant-allowance-monthly", asOf);
  const [, maxMonths] = p.at<number[]>("placement-months", asOf);
  const subsidy = p.at("host-subsidy-monthly", asOf);
  return {
    program: Program.MID_CAREER_SUPPORT,
    eligible,
    track: eligible ? "WORK_EXPERIENCE" : null,
    benefits: eligible
      ? [
          {
            kind: "PARTICIPANT_ALLOWANCE",
            amountPerMonth: monthly,
            months: maxMonths,
            total: monthly * maxMonths,
            description: `Up to ${krw(monthly)} a month for a 1-${maxMonths} month work experience placement with mentoring, reduced with attendance.`,
          },
          {
            kind: "HOST_EMPLOYER_SUBSIDY",
            amountPerMonth: subsidy,
            months: maxMonths,
            total: subsidy * maxMonths,
            description: `Paid to the host company (at least 5 insured staff): up to ${krw(subsidy)} a month per participant.`,
          },
        ]
      : [],
    reasons,
    rulesVersion: p.version(MID_CAREER_FORMULAS_VERSION),
    asOf,
  };
}
