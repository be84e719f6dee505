/**
 * Tomorrow Learning Card (국민내일배움카드) rules: everyone of working age may hold a card except the
 * excluded groups, which changed in 2026 (dated parameters). Sources: the Lifelong Vocational
 * Competency Development Act, and secondary summaries of the ministry's guidance [S]; the 2026 list
 * is one summary checked against the 2026 notice, unverified.
 */
import { defineRule, krw, type RuleDefinition } from "../../kit/rules/rule";
import { extrapolationNote, incomeCeiling } from "../../kit/rules/median-income";
import type { RuleInput } from "../../kit/rules/evaluation";
import { minimumAgeRule } from "../../kit/rules/common";

export interface LearningCardHistory {
  /** The card valid on the date asked, if any. */
  activeCard: { id: string; expiresOn: string; balance: number } | null;
}
export type LearningCardInput = RuleInput<LearningCardHistory>;

const GUIDANCE = "secondary summaries of the MOEL Tomorrow Learning Card guidance (Work24) [S]";
const LIST_2024 = `${GUIDANCE}, exclusions 2024-2025 (carried back to 2021: assumption)`;
const LIST_2026 = "one secondary summary checked against the 2026 MOEL notice [S, unverified]";

export const minimumAge = minimumAgeRule(
  "learning-card.age-minimum",
  "Of working age: at least the minimum age.",
  "age-minimum",
  "Labor Standards Act (근로기준법) Art. 64 (minimum age of employment); the card guidance names no lower age (assumption)",
);

export const age = defineRule<LearningCardInput>({
  id: "learning-card.excluded.age",
  description: "Not at or over the age limit.",
  parameters: ["age-limit"],
  source: `${LIST_2024}; ${LIST_2026}`,
  observedKind: "age",
  evaluate({ age }, p, asOf) {
    const limit = p.at("age-limit", asOf);
    const passed = age < limit;
    return { passed, observed: String(age), threshold: `under ${limit}`, description: passed ? `Age ${age} is under ${limit}.` : `Aged ${age}: people ${limit} or over are excluded.` };
  },
});

export const occupation = defineRule<LearningCardInput>({
  id: "learning-card.excluded.occupation",
  description: "Not in an excluded occupation (public servants, private school staff; the 2026 list adds the military).",
  parameters: ["excluded-occupations"],
  source: `${LIST_2024}; ${LIST_2026}`,
  observedKind: "category",
  evaluate({ person }, p, asOf) {
    const excluded = p.at<string[]>("excluded-occupations", asOf);
    const passed = !excluded.includes(person.employment.occupation);
    return {
      passed,
      observed: person.employment.occupation,
      threshold: `not ${excluded.join(", ")}`,
      description: passed ? "Occupation is not excluded." : `${person.employment.occupation} is excluded on this date.`,
    };
  },
});

export const student = defineRule<LearningCardInput>({
  id: "learning-card.excluded.student",
  description: "Not a student with more than 2 years to graduation (final-year students may apply), while that exclusion applies.",
  parameters: ["students-excluded"],
  source: LIST_2024,
  observedKind: "category",
  evaluate({ person }, p, asOf) {
    const applies = p.at<boolean>("students-excluded", asOf);
    const passed = !applies || person.studentStatus !== "ENROLLED";
    return {
      passed,
      observed: person.studentStatus,
      threshold: applies ? "not ENROLLED" : "no student exclusion on this date",
      description: passed ? "Student status does not exclude." : "Students with more than 2 years to graduation are excluded.",
    };
  },
});

export const selfEmployedRevenue = defineRule<LearningCardInput>({
  id: "learning-card.excluded.self-employed-revenue",
  description: "Self-employed with annual revenue below the ceiling, while that exclusion applies.",
  parameters: ["self-employed-revenue-ceiling"],
  source: LIST_2024,
  observedKind: "revenue",
  evaluate({ person }, p, asOf) {
    const ceiling = p.at("self-employed-revenue-ceiling", asOf);
    const revenue = person.employment.status === "SELF_EMPLOYED" ? person.employment.selfEmployedAnnualRevenue : 0;
    const passed = ceiling === 0 || revenue < ceiling;
    return {
      passed,
      observed: String(revenue),
      threshold: ceiling ? `under ${ceiling}` : null,
      description: ceiling === 0 ? "No revenue exclusion on this date." : passed ? `Annual revenue ${krw(revenue)} is under ${krw(ceiling)}.` : `Annual revenue ${krw(revenue)} reaches ${krw(ceiling)}.`,
    };
  },
});

export const specialTypeIncome = defineRule<LearningCardInput>({
  id: "learning-card.excluded.special-type-worker-income",
  description: "Special-type workers earning below the monthly ceiling, while that exclusion applies.",
  parameters: ["special-type-income-ceiling"],
  source: LIST_2024,
  observedKind: "income",
  evaluate({ person }, p, asOf) {
    const ceiling = p.at("special-type-income-ceiling", asOf);
    const income = person.employment.status === "SPECIAL_TYPE_WORKER" ? person.employment.monthlyWage : 0;
    const passed = ceiling === 0 || income < ceiling;
    return {
      passed,
      observed: String(income),
      threshold: ceiling ? `under ${ceiling}` : null,
      description: ceiling === 0 ? "No special-type worker exclusion on this date." : passed ? `Monthly earnings ${krw(income)} are under ${krw(ceiling)}.` : `Monthly earnings ${krw(income)} reach ${krw(ceiling)}.`,
    };
  },
});

export const largeCompanyYoungWage = defineRule<LearningCardInput>({
  id: "learning-card.excluded.large-company-young-high-wage",
  description: "Not a large-company employee under 45 earning at or above the ceiling, while that exclusion applies.",
  parameters: ["large-company-young-wage-ceiling", "large-company-age-limit"],
  source: LIST_2024,
  observedKind: "mixed",
  evaluate({ person, age }, p, asOf) {
    const ceiling = p.at("large-company-young-wage-ceiling", asOf);
    const ageLimit = p.at("large-company-age-limit", asOf);
    const applies = ceiling > 0 && person.employment.status === "EMPLOYED" && person.employment.employerSize === "LARGE" && age < ageLimit;
    const passed = !applies || person.employment.monthlyWage < ceiling;
    return {
      passed,
      observed: `${person.employment.employerSize}, age ${age}, ${person.employment.monthlyWage}`,
      threshold: ceiling ? `LARGE and under ${ageLimit} and at least ${ceiling}: excluded` : null,
      description: passed ? "Not excluded as a young, well-paid large-company employee." : `Large-company employee under ${ageLimit} earning ${krw(person.employment.monthlyWage)}: excluded.`,
    };
  },
});

export const priorityGroup = defineRule<LearningCardInput>({
  id: "learning-card.priority.low-income",
  description: "Low-income priority group (household income at or below the percentage of the median): a larger grant. Informational, never excludes.",
  parameters: ["priority-income-percent", "standard-median-income"],
  source: `${GUIDANCE} (priority groups, e.g. low income); the income line is an assumption`,
  observedKind: "income",
  evaluate({ person }, p, asOf) {
    const ceiling = incomeCeiling(p, p.at("priority-income-percent", asOf), person.household.size, asOf);
    const priority = person.household.monthlyIncome <= ceiling;
    return {
      passed: true,
      observed: String(person.household.monthlyIncome),
      threshold: String(ceiling),
      description: (priority ? `Priority group: household income ${krw(person.household.monthlyIncome)} is at or below ${krw(ceiling)}.` : "General group (not low-income priority).") + extrapolationNote(person.household.size),
    };
  },
});

/** An exclusion switched on by a dated boolean parameter (the 2026 additions). */
function flagExclusion(id: string, description: string, parameter: string, observe: (input: LearningCardInput) => boolean, who: string): RuleDefinition<LearningCardInput> {
  return defineRule<LearningCardInput>({
    id,
    description,
    parameters: [parameter],
    source: `${LIST_2026}; not on the 2024-2025 list, so earlier dates do not exclude (assumption)`,
    observedKind: "category",
    evaluate(input, p, asOf) {
      const applies = p.at<boolean>(parameter, asOf);
      const is = observe(input);
      const passed = !applies || !is;
      return {
        passed,
        observed: String(is),
        threshold: applies ? "false" : null,
        description: !applies ? `No exclusion of ${who} on this date.` : passed ? `Not ${who}.` : `${who[0].toUpperCase()}${who.slice(1)} are excluded on this date (2026 list, unverified).`,
      };
    },
  });
}

export const foreignNational = flagExclusion(
  "learning-card.excluded.foreign-national",
  "Not a foreign national, while that exclusion applies.",
  "foreigners-excluded",
  ({ person }) => person.foreignNational,
  "foreign nationals",
);

export const sanctioned = flagExclusion(
  "learning-card.excluded.sanctioned",
  "Not under a sanction restricting training support, while that exclusion applies.",
  "sanctioned-excluded",
  ({ person }) => person.trainingSupportRestricted,
  "people under a training-support sanction",
);

export const otherGovernmentTraining = flagExclusion(
  "learning-card.excluded.other-government-training",
  "Not in another government-funded training program, while that exclusion applies.",
  "other-government-training-excluded",
  ({ person }) => person.inOtherGovernmentFundedTraining,
  "people in other government-funded training",
);

/** Exclusions first, then the informational priority check. */
export const LEARNING_CARD_RULES = [
  minimumAge, age, occupation, foreignNational, sanctioned, otherGovernmentTraining, student, selfEmployedRevenue, specialTypeIncome,
  largeCompanyYoungWage, priorityGroup,
];
