/**
 * Job Search Guarantee Package (구직자 도약보장패키지) rules. The brief found no income test and no
 * cash allowance; the working assumption is: open to registered, unemployed job seekers, with
 * priority for unemployment-benefit recipients, offered only at participating centers.
 * Source: shared/domain/programs.md §2 (stages [N]; eligibility: assumption).
 */
import { defineRule } from "../../kit/rules/rule";
import type { RuleInput } from "../../kit/rules/evaluation";
import { unemployedRule } from "../../kit/rules/common";

export interface GuaranteeHistory {
  /** A participation still ACTIVE on the date asked. */
  activeParticipationId: string | null;
}
export type GuaranteeInput = RuleInput<GuaranteeHistory>;

const SOURCE = "shared/domain/programs.md §2 (working assumption, not a published rule)";

export const unemployed = unemployedRule(
  "job-search-guarantee.unemployed",
  "An unemployed job seeker (working under 15 hours a week counts as unemployed).",
  SOURCE,
);

export const participatingCenter = defineRule<GuaranteeInput>({
  id: "job-search-guarantee.participating-center",
  description: "Managed by an employment center that offers the package on the date.",
  parameters: ["participating-centers"],
  observedKind: "category",
  source: `${SOURCE}; pilot 2022-08-19 at 6 centers, 24 from 2023-06-28 [N]`,
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
  observedKind: "record",
  source: SOURCE,
  evaluate({ history }) {
    const id = history.activeParticipationId;
    return { passed: id === null, observed: id, threshold: null, description: id ? `Already taking part (${id}).` : "Not taking part now." };
  },
});

export const priority = defineRule<GuaranteeInput>({
  id: "job-search-guarantee.priority.unemployment-benefit",
  description: "Unemployment-benefit recipients come first. Informational, never excludes.",
  parameters: [],
  observedKind: "category",
  source: SOURCE,
  evaluate({ person }) {
    const receiving = person.employment.receivingUnemploymentBenefit;
    return { passed: true, observed: String(receiving), threshold: null, description: receiving ? "Priority: receives unemployment benefit." : "No priority (not receiving unemployment benefit)." };
  },
});

export const GUARANTEE_RULES = [unemployed, participatingCenter, noActiveParticipation, priority];
