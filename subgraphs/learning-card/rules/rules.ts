/**
 * Tomorrow Learning Card (국민내일배움카드) rules: everyone may hold a card except the excluded
 * groups, which changed in 2026 (dated parameters). Source: shared/domain/programs.md §4.
 */
import { defineRule, krw } from "../../kit/rules/rule";
import { incomeCeiling } from "../../kit/rules/median-income";
import type { RuleInput } from "../../kit/rules/evaluation";

export interface LearningCardHistory {
  /** The card valid on the date asked, if any. */
  activeCard: { id: string; expiresOn: string; balance: number } | null;
}
export type LearningCardInput = RuleInput<LearningCardHistory>;

const BRIEF = "shared/domain/programs.md §4";

export const age = defineRule<LearningCardInput>({
  id: "learning-card.excluded.age",
  description: "Not aged 75 or over.",
  parameters: ["age-limit"],
  observedKind: "age",
  source: `${BRIEF} excluded [S]`,
  evaluate({ age }, p, asOf) {
    const limit = p.at("age-limit", asOf);
    const passed = age < limit;
    return { passed, observed: String(age), threshold: `under ${limit}`, description: passed ? `Age ${age} is under ${limit}.` : `Aged ${age}: people ${limit} or over are excluded.` };
  },
});

export const occupation = defineRule<LearningCardInput>({
  id: "learning-card.excluded.occupation",
  description: "Not in an excluded occupation (public servants, private school staff; from 2026 also the military).",
  parameters: ["excluded-occupations"],
  observedKind: "category",
  source: `${BRIEF} excluded (2024-2025) and (2026, unverified) [S]`,
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
  observedKind: "category",
  source: `${BRIEF} excluded (2024-2025) [S]`,
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
  observedKind: "revenue",
  source: `${BRIEF} excluded (2024-2025) [S]`,
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
  observedKind: "income",
  source: `${BRIEF} excluded (2024-2025) [S]`,
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
  observedKind: "mixed",
  source: `${BRIEF} excluded (2024-2025) [S]`,
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
  description: "Low-income priority group (household income at or below 60% of the median): a larger grant. Informational, never excludes.",
  parameters: ["priority-income-percent", "standard-median-income"],
  observedKind: "income",
  source: `${BRIEF} grant [S]; the 60% line is an assumption`,
  evaluate({ person }, p, asOf) {
    const ceiling = incomeCeiling(p, p.at("priority-income-percent", asOf), person.household.size, asOf);
    const priority = person.household.monthlyIncome <= ceiling;
    return {
      passed: true,
      observed: String(person.household.monthlyIncome),
      threshold: String(ceiling),
      description: priority ? `Priority group: household income ${krw(person.household.monthlyIncome)} is at or below ${krw(ceiling)}.` : "General group (not low-income priority).",
    };
  },
});

/** Exclusions first, then the informational priority check. */
export const LEARNING_CARD_RULES = [age, occupation, student, selfEmployedRevenue, specialTypeIncome, largeCompanyYoungWage, priorityGroup];
