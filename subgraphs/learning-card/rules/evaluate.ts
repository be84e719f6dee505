/** Tomorrow Learning Card eligibility: not excluded; the grant depends on the priority group. Source: programs.md §4. */
import { fileURLToPath } from "node:url";
import { Program } from "../../kit/eligibility";
import { applyRule, krw } from "../../kit/rules/rule";
import { loadParameters } from "../../kit/rules/parameters";
import { incomeCeiling } from "../../kit/rules/median-income";
import { ruleInput, type EligibilityValue } from "../../kit/rules/evaluation";
import type { Circumstances } from "../../kit/circumstances";
import { LEARNING_CARD_RULES, type LearningCardHistory } from "./rules";

export const LEARNING_CARD_FORMULAS_VERSION = "1.0.0";
export const learningCardParameters = loadParameters("learning-card", fileURLToPath(new URL("../parameters", import.meta.url)), ["standard-median-income"]);

export function evaluateLearningCard(person: Circumstances, history: LearningCardHistory, asOf: string): EligibilityValue {
  const p = learningCardParameters;
  p.checkInForce(asOf);
  const input = ruleInput(person, history, asOf);
  const reasons = LEARNING_CARD_RULES.map((rule) => applyRule(rule, input, p, asOf));
  const eligible = reasons.every((r) => r.passed);
  const priority = person.household.monthlyIncome <= incomeCeiling(p, p.at("priority-income-percent", asOf), person.household.size, asOf);
  const [general, priorityGrant] = p.at<number[]>("grant", asOf);
  const grant = priority ? priorityGrant : general;
  const years = p.at("validity-years", asOf);
  const benefits = !eligible
    ? []
    : history.activeCard
      ? [{
          kind: "TRAINING_VOUCHER_BALANCE",
          amountPerMonth: null,
          months: null,
          total: history.activeCard.balance,
          description: `Holds card ${history.activeCard.id}, valid until ${history.activeCard.expiresOn}, with ${krw(history.activeCard.balance)} left.`,
        }]
      : [{
          kind: "TRAINING_VOUCHER",
          amountPerMonth: null,
          months: years * 12,
          total: grant,
          description: `${krw(grant)} of training over ${years} years (${priority ? "low-income priority group" : "general"}); the trainee pays a share by course.`,
        }];
  return {
    program: Program.LEARNING_CARD,
    eligible,
    track: eligible ? (priority ? "PRIORITY" : "GENERAL") : null,
    benefits,
    reasons,
    rulesVersion: p.version(LEARNING_CARD_FORMULAS_VERSION),
    asOf,
  };
}
