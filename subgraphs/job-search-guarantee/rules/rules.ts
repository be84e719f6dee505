/**
 * Job Search Guarantee Package (구직자 도약보장패키지) rules. No income test and no cash allowance is
 * published; the working assumption is: open to registered, unemployed job seekers of working age,
 * with priority for unemployment-benefit recipients, offered only at participating centers.
 * Sources: news reports (stages [N]); eligibility: assumption.
 */
import { defineRule } from "../../kit/rules/rule";
import type { RuleInput } from "../../kit/rules/evaluation";
import { minimumAgeRule, unemployedRule } from "../../kit/rules/common";

export interface GuaranteeHistory {
  /** A participation still ACTIVE on the date asked. */
  activeParticipationId: string | null;
}
export type GuaranteeInput = RuleInput<GuaranteeHistory>;

const NEWS = "news sedaily.com/NewsView/26DJPOWZS7 and m.etoday.co.kr/view.php?idxno=2234431 [N]";
const SOURCE = `${NEWS}; eligibility is a working assumption, not a published rule`;

export const minimumAge = minimumAgeRule(
  "job-search-guarantee.age-minimum",
  "Of working age: at least the minimum age.",
  "age-minimum",
  `Labor Standards Act (근로기준법) Art. 64 (minimum age of employment); the package publishes no age line (assumption)`,
);

export const unemployed = unemployedRule(
  "job-search-guarantee.unemployed",
  "An unemployed job seeker (working fewer hours a week than the line counts as unemployed).",
  SOURCE,
);

export const participatingCenter = defineRule<GuaranteeInput>({
  id: "job-search-guarantee.participating-center",
  description: "Managed by an employment center that offers the package on the date.",
  parameters: ["participating-centers"],
  source: `${NEWS}: pilot 2022-08-19 at 6 centers, 24 from 2023-06-28, later 48; which centers is illustrative`,
  observedKind: "center",
  evaluate({ person }, p, asOf) {
    const centers = p.at<string[]>("participating-centers", asOf);
    const center = person.centerId;
    const passed = center !== null && centers.includes(center);
    return {
      passed,
      observed: center,
      threshold: `one of ${centers.length} participating centers`,
      description: center === null ? "No employment center given: the package is offered only at participating centers." : passed ? `${center} offers the package.` : `${center} does not offer the package on this date.`,
    };
  },
});

export const noActiveParticipation = defineRule<GuaranteeInput>({
  id: "job-search-guarantee.no-active-participation",
  description: "Not already taking part in the package.",
  parameters: [],
  source: SOURCE,
  observedKind: "record",
  evaluate({ history }) {
    const id = history.activeParticipationId;
    return { passed: id === null, observed: id, threshold: null, description: id ? `Already taking part (${id}).` : "Not taking part now." };
  },
});

export const priority = defineRule<GuaranteeInput>({
  id: "job-search-guarantee.priority.unemployment-benefit",
  description: "Unemployment-benefit recipients come first. Informational, never excludes.",
  parameters: [],
  source: SOURCE,
  observedKind: "category",
  evaluate({ person }) {
    const receiving = person.employment.receivingUnemploymentBenefit;
    return { passed: true, observed: String(receiving), threshold: null, description: receiving ? "Priority: receives unemployment benefit." : "No priority (not receiving unemployment benefit)." };
  },
});

export const GUARANTEE_RULES = [minimumAge, unemployed, participatingCenter, noActiveParticipation, priority];
