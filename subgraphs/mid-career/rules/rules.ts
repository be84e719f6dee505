/**
 * Mid-Career Career Support Program (중장년 경력지원제) rules: people in their 50s who left their
 * main career, have since gained a qualification or finished training for a new field, but have no
 * experience in it. Source: shared/domain/programs.md §3.
 */
import { defineRule } from "../../kit/rules/rule";
import type { RuleInput } from "../../kit/rules/evaluation";
import { ageRangeRule, unemployedRule } from "../../kit/rules/common";

export interface MidCareerHistory {
  /** A work experience placement PLANNED, IN_PROGRESS or COMPLETED before the date asked. */
  previousPlacementId: string | null;
}
export type MidCareerInput = RuleInput<MidCareerHistory>;

const BRIEF = "shared/domain/programs.md §3";

export const age = ageRangeRule("mid-career.age", "In their 50s: aged 50 to 59.", "age-minimum", "age-maximum", `${BRIEF} age [O]`);

export const unemployed = unemployedRule("mid-career.unemployed", "Unemployed (working under 15 hours a week counts as unemployed).", `${BRIEF} status [S]`);

export const noUnemploymentBenefit = defineRule<MidCareerInput>({
  id: "mid-career.no-unemployment-benefit",
  description: "Not receiving unemployment benefit (구직급여).",
  parameters: [],
  observedKind: "category",
  source: `${BRIEF} status [S]`,
  evaluate({ person }) {
    const receiving = person.employment.receivingUnemploymentBenefit;
    return { passed: !receiving, observed: String(receiving), threshold: "false", description: receiving ? "Receives unemployment benefit." : "Does not receive unemployment benefit." };
  },
});

export const newFieldQualification = defineRule<MidCareerInput>({
  id: "mid-career.new-field-qualification",
  description: "Has gained a qualification or finished training for the new field.",
  parameters: [],
  observedKind: "category",
  source: `${BRIEF} target [O]`,
  evaluate({ person }) {
    const has = person.careerChange.newFieldQualification;
    return { passed: has, observed: String(has), threshold: "true", description: has ? "Qualified or trained for the new field." : "No qualification or training for a new field yet (the Tomorrow Learning Card can fund it)." };
  },
});

export const noTargetFieldExperience = defineRule<MidCareerInput>({
  id: "mid-career.no-experience-in-new-field",
  description: "Has no work experience in the new field.",
  parameters: [],
  observedKind: "count",
  source: `${BRIEF} target [O]`,
  evaluate({ person }) {
    const months = person.careerChange.targetFieldExperienceMonths;
    return { passed: months === 0, observed: String(months), threshold: "0", description: months === 0 ? "No experience yet in the new field." : `Already has ${months} months of experience in the new field.` };
  },
});

export const noPreviousPlacement = defineRule<MidCareerInput>({
  id: "mid-career.no-previous-placement",
  description: "Has not already had a work experience placement in this program.",
  parameters: [],
  observedKind: "record",
  source: `${BRIEF} (one placement per person is this system's reading: assumption)`,
  evaluate({ history }) {
    const id = history.previousPlacementId;
    return { passed: id === null, observed: id, threshold: null, description: id ? `Already placed (${id}).` : "No earlier placement." };
  },
});

export const MID_CAREER_RULES = [age, unemployed, noUnemploymentBenefit, newFieldQualification, noTargetFieldExperience, noPreviousPlacement];
