/** Job Search Guarantee Package eligibility: service only, no cash. */
import { fileURLToPath } from "node:url";
import { Program } from "../../kit/eligibility";
import { applyRule } from "../../kit/rules/rule";
import { KIT_RULE_SOURCES, loadParameters } from "../../kit/rules/parameters";
import { ruleInput, type EligibilityValue, type ProgramRuleSet } from "../../kit/rules/evaluation";
import type { Circumstances } from "../../kit/circumstances";
import { GUARANTEE_RULES, type GuaranteeHistory } from "./rules";

export const guaranteeParameters = loadParameters("job-search-guarantee", fileURLToPath(new URL("../parameters", import.meta.url)));

export const GUARANTEE_RULE_SET: ProgramRuleSet = {
  rules: GUARANTEE_RULES,
  parameters: guaranteeParameters,
  ruleSources: [new URL("./rules.ts", import.meta.url), new URL("./evaluate.ts", import.meta.url), ...KIT_RULE_SOURCES],
  benefits: [
    { kind: "CASE_MANAGED_SERVICES", description: "Diagnosis (JobCare AI), in-depth career design (one-to-one, about 50 minutes a session), then tailored job support: CV clinic, interview coaching, placement. No cash allowance.", parameters: [] },
  ],
  tracks: [
    { track: "PRIORITY", description: "Every rule passes and the person receives unemployment benefit.", rules: GUARANTEE_RULES.map((r) => r.id) },
    { track: "GENERAL", description: "Every rule passes and the person does not receive unemployment benefit.", rules: GUARANTEE_RULES.map((r) => r.id) },
  ],
};

export function evaluateGuarantee(person: Circumstances, history: GuaranteeHistory, asOf: string): EligibilityValue {
  guaranteeParameters.checkInForce(asOf);
  const p = guaranteeParameters.recording();
  const input = ruleInput(person, history, asOf);
  const reasons = GUARANTEE_RULES.map((rule) => applyRule(rule, input, p, asOf));
  const eligible = reasons.every((r) => r.passed);
  return {
    program: Program.JOB_SEARCH_GUARANTEE,
    eligible,
    track: eligible ? (person.employment.receivingUnemploymentBenefit ? "PRIORITY" : "GENERAL") : null,
    benefits: eligible ? GUARANTEE_RULE_SET.benefits.map((b) => ({ kind: b.kind, amountPerMonth: null, months: null, total: null, minimumTotal: null, description: b.description })) : [],
    reasons,
    parametersUsed: p.used(),
    rulesVersion: guaranteeParameters.version(GUARANTEE_RULE_SET.ruleSources),
    asOf,
  };
}

/** The rule set as the other subgraphs find it (journey publishes it): every program's rules/evaluate.ts exports `ruleSet`. */
export { GUARANTEE_RULE_SET as ruleSet };
