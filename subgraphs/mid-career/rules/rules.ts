/**
 * Mid-Career Career Support Program (중장년 경력지원제) rules: people in their 50s who left their
 * main career, have since gained a qualification or finished training for a new field, but have no
 * experience in it. Sources: the ministry's announcement (korea.kr, 2026-02-09) [O] and secondary
 * summaries of the operators' notices [S].
 */
import { defineRule } from "../../kit/rules/rule";
import type { RuleInput } from "../../kit/rules/evaluation";
import { ageRangeRule, unemployedRule } from "../../kit/rules/common";

export interface MidCareerHistory {
  /** A work experience placement PLANNED, IN_PROGRESS or COMPLETED before the date asked. */
  previousPlacementId: string | null;
}
export type MidCareerInput = RuleInput<MidCareerHistory>;

const MINISTRY = "MOEL announcement korea.kr/news/policyNewsView.do?newsId=148959272 (2026-02-09) [O]";
const NOTICES = "secondary summaries of the operators' recruitment notices [S]";

export const age = ageRangeRule(
  "mid-career.age",
  "In their 50s: aged within the program's age range, both ends included (the birth-year form of one 2026 operator notice is not applied).",
  "age-minimum",
  "age-maximum",
  MINISTRY,
);

export const unemployed = unemployedRule("mid-career.unemployed", "Unemployed (working fewer hours a week than the line counts as unemployed).", NOTICES);

export const noUnemploymentBenefit = defineRule<MidCareerInput>({
  id: "mid-career.no-unemployment-benefit",
  description: "Not receiving unemployment benefit (구직급여).",
  parameters: [],
  source: NOTICES,
  observedKind: "category",
  evaluate({ person }) {
    const receiving = person.employment.receivingUnemploymentBenefit;
    return { passed: !receiving, observed: String(receiving), threshold: "false", description: receiving ? "Receives unemployment benefit." : "Does not receive unemployment benefit." };
  },
});

export const leftMainCareer = defineRule<MidCareerInput>({
  id: "mid-career.left-main-career",
  description: "Has left the main career (the job held longest).",
  parameters: [],
  source: MINISTRY,
  observedKind: "category",
  evaluate({ person }) {
    const left = person.careerChange.leftMainCareer;
    return { passed: left, observed: String(left), threshold: "true", description: left ? "Has left the main career." : "Still in the main career: the program is for people who have left it." };
  },
});

export const newFieldQualification = defineRule<MidCareerInput>({
  id: "mid-career.new-field-qualification",
  description: "Has gained a qualification or finished training for the new field.",
  parameters: [],
  source: MINISTRY,
  observedKind: "category",
  evaluate({ person }) {
    const has = person.careerChange.newFieldQualification;
    return { passed: has, observed: String(has), threshold: "true", description: has ? "Qualified or trained for the new field." : "No qualification or training for a new field yet (the Tomorrow Learning Card can fund it)." };
  },
});

export const noTargetFieldExperience = defineRule<MidCareerInput>({
  id: "mid-career.no-experience-in-new-field",
  description: "Has no work experience in the new field.",
  parameters: [],
  source: MINISTRY,
  observedKind: "count",
  evaluate({ person }) {
    const months = person.careerChange.targetFieldExperienceMonths;
    return { passed: months === 0, observed: String(months), threshold: "0", description: months === 0 ? "No experience yet in the new field." : `Already has ${months} months of experience in the new field.` };
  },
});

export const notInsuredAtHost = defineRule<MidCareerInput>({
  id: "mid-career.not-insured-at-host",
  description: "Not insured (employed) at the intended host company within the lookback before the placement; passes while no host is chosen.",
  parameters: ["host-insurance-lookback-months"],
  source: NOTICES,
  observedKind: "count",
  evaluate({ person }, p, asOf) {
    const lookback = p.at("host-insurance-lookback-months", asOf);
    const since = person.careerChange.monthsSinceInsuredAtHost;
    const passed = since === null || since >= lookback;
    return {
      passed,
      observed: since === null ? null : String(since),
      threshold: `not within ${lookback} months`,
      description: since === null
        ? "Never insured at the intended host company (or no host chosen yet)."
        : passed ? `Last insured at the host ${since} months ago, at least ${lookback}.` : `Insured at the host ${since} months ago, within ${lookback} months: another host is needed.`,
    };
  },
});

export const noPreviousPlacement = defineRule<MidCareerInput>({
  id: "mid-career.no-previous-placement",
  description: "Has not already had a work experience placement in this program.",
  parameters: [],
  source: `${MINISTRY}; one placement per person is this system's reading (assumption)`,
  observedKind: "record",
  evaluate({ history }) {
    const id = history.previousPlacementId;
    return { passed: id === null, observed: id, threshold: null, description: id ? `Already placed (${id}).` : "No earlier placement." };
  },
});

export const MID_CAREER_RULES = [age, unemployed, noUnemploymentBenefit, leftMainCareer, newFieldQualification, noTargetFieldExperience, notInsuredAtHost, noPreviousPlacement];
