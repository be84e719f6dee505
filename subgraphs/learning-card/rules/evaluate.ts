/** Tomorrow Learning Card eligibility: not excluded; the grant depends on the priority group. */
import { Program } from "../../kit/eligibility";
import { applyRule, krw } from "../../kit/rules/rule";
import { KIT_RULE_SOURCES } from "../../kit/rules/parameters";
import { incomeCeiling } from "../../kit/rules/median-income";
import { ruleInput, type BenefitValue, type EligibilityValue, type ProgramRuleSet } from "../../kit/rules/evaluation";
import type { Circumstances } from "../../kit/circumstances";
import { LEARNING_CARD_RULES, type LearningCardHistory } from "./rules";
import { learningCardParameters } from "./parameters";

export { learningCardParameters };

export const LEARNING_CARD_RULE_SET: ProgramRuleSet = {
  rules: LEARNING_CARD_RULES,
  parameters: learningCardParameters,
  ruleSources: [
    new URL("./rules.ts", import.meta.url), new URL("./evaluate.ts", import.meta.url), new URL("./self-payment.ts", import.meta.url),
    new URL("./parameters.ts", import.meta.url), ...KIT_RULE_SOURCES,
  ],
  benefits: [
    { kind: "TRAINING_VOUCHER", description: "The grant over the card's validity (general, priority group), plus the top-up for digital basics courses.", parameters: ["grant", "validity-years", "digital-basics-top-up", "priority-income-percent"] },
    { kind: "SELF_PAYMENT", description: "The trainee's share of a course's tuition: by the course's 3-year placement rate for general trainees, the NESS Type I percent for its participants, and on key-industry courses at most the percent and the amount given.", parameters: ["self-payment-bands", "ness-type1-self-payment-percent", "key-industry-self-payment"] },
    { kind: "TRAINING_ALLOWANCE", description: "With attendance at or above the line, a day's allowance per training day up to the month's most (key-industry courses: their own figures).", parameters: ["training-allowance", "key-industry-training-allowance", "training-allowance-attendance-percent"] },
  ],
  tracks: [
    { track: "PRIORITY", description: "Every exclusion passes and household income is at or below the priority line.", rules: LEARNING_CARD_RULES.map((r) => r.id) },
    { track: "GENERAL", description: "Every exclusion passes and household income is above the priority line.", rules: LEARNING_CARD_RULES.map((r) => r.id) },
  ],
};

export function evaluateLearningCard(person: Circumstances, history: LearningCardHistory, asOf: string): EligibilityValue {
  learningCardParameters.checkInForce(asOf);
  const p = learningCardParameters.recording();
  const input = ruleInput(person, history, asOf);
  const reasons = LEARNING_CARD_RULES.map((rule) => applyRule(rule, input, p, asOf));
  const eligible = reasons.every((r) => r.passed);
  const priority = person.household.monthlyIncome <= incomeCeiling(p, p.at("priority-income-percent", asOf), person.household.size, asOf);
  const benefits = (): BenefitValue[] => {
    const [daily, monthlyMax] = p.at<number[]>("training-allowance", asOf);
    const attendance = p.at("training-allowance-attendance-percent", asOf);
    const allowance: BenefitValue = {
      kind: "TRAINING_ALLOWANCE",
      amountPerMonth: monthlyMax,
      months: null,
      total: null,
      minimumTotal: null,
      description: `With at least ${attendance}% attendance: ${krw(daily)} a training day, up to ${krw(monthlyMax)} a month (key-industry courses more; see the published criteria).`,
    };
    if (history.activeCard) {
      return [{
        kind: "TRAINING_VOUCHER_BALANCE",
        amountPerMonth: null,
        months: null,
        total: history.activeCard.balance,
        minimumTotal: null,
        description: `Holds card ${history.activeCard.id}, valid until ${history.activeCard.expiresOn}, with ${krw(history.activeCard.balance)} left.`,
      }, allowance];
    }
    const [general, priorityGrant] = p.at<number[]>("grant", asOf);
    const grant = priority ? priorityGrant : general;
    const years = p.at("validity-years", asOf);
    const digital = p.at("digital-basics-top-up", asOf);
    return [{
      kind: "TRAINING_VOUCHER",
      amountPerMonth: null,
      months: years * 12,
      total: grant,
      minimumTotal: null,
      description: `${krw(grant)} of training over ${years} years (${priority ? "low-income priority group" : "general"}), plus ${krw(digital)} for digital basics courses; the trainee pays a share by course (NESS Type I participants pay none).`,
    }, allowance];
  };
  return {
    program: Program.LEARNING_CARD,
    eligible,
    track: eligible ? (priority ? "PRIORITY" : "GENERAL") : null,
    benefits: eligible ? benefits() : [],
    reasons,
    parametersUsed: p.used(),
    rulesVersion: learningCardParameters.version(LEARNING_CARD_RULE_SET.ruleSources),
    asOf,
  };
}

/** The rule set as the other subgraphs find it (journey publishes it): every program's rules/evaluate.ts exports `ruleSet`. */
export { LEARNING_CARD_RULE_SET as ruleSet };
