/** Job Search Guarantee Package eligibility: service only, no cash. Source: shared/domain/programs.md §2. */
import { fileURLToPath } from "node:url";
import { Program } from "../../kit/eligibility";
import { applyRule } from "../../kit/rules/rule";
import { loadParameters } from "../../kit/rules/parameters";
import { ruleInput, type EligibilityValue } from "../../kit/rules/evaluation";
import type { Circumstances } from "../../kit/circumstances";
import { GUARANTEE_RULES, type GuaranteeHistory } from "./rules";

export const GUARANTEE_FORMULAS_VERSION = "1.0.0";
export const guaranteeParameters = loadParameters("job-search-guarantee", fileURLToPath(new URL("../parameters", import.meta.url)));

export function evaluateGuarantee(person: Circumstances, history: GuaranteeHistory, asOf: string): EligibilityValue {
  const p = guaranteeParameters;
  p.checkInForce(asOf);
  const input = ruleInput(person, history, asOf);
  const reasons = GUARANTEE_RULES.map((rule) => applyRule(rule, input, p, asOf));
  const eligible = reasons.every((r) => r.passed);
  return {
    program: Program.JOB_SEARCH_GUARANTEE,
    eligible,
    track: eligible ? (person.employment.receivingUnemploymentBenefit ? "PRIORITY" : "GENERAL") : null,
    benefits: eligible
      ? [{
          kind: "CASE_MANAGED_SERVICES",
          amountPerMonth: null,
          months: null,
          total: null,
          description: "Diagnosis (JobCare AI), in-depth career design (one-to-one, about 50 minutes a session), then tailored job support: CV clinic, interview coaching, placement. No cash allowance.",
        }]
      : [],
    reasons,
    rulesVersion: p.version(GUARANTEE_FORMULAS_VERSION),
    asOf,
  };
}
