/**
 * What every program's evaluation returns, and the published-criteria listing built from a rule set.
 */
import type { Program } from "../eligibility";
import type { Circumstances } from "../circumstances";
import { ageOn } from "../dates";
import type { ParameterSet, ParameterValue } from "./parameters";
import type { RuleDefinition, RuleOutcomeValue } from "./rule";

export interface BenefitValue {
  kind: string;
  amountPerMonth: number | null;
  months: number | null;
  total: number | null;
  description: string;
}

export interface EligibilityValue {
  program: Program;
  eligible: boolean;
  track: string | null;
  benefits: BenefitValue[];
  reasons: RuleOutcomeValue[];
  rulesVersion: string;
  asOf: string;
}

/** The inputs of every program's rules: the person's circumstances and that program's own history. */
export interface RuleInput<History> {
  person: Circumstances;
  history: History;
  age: number;
}

export function ruleInput<History>(person: Circumstances, history: History, asOf: string): RuleInput<History> {
  return { person, history, age: ageOn(person.birthDate, asOf) };
}

/** Not working, or working fewer than `weeklyHoursLimit` hours a week (programs.md §3 status). */
export function isUnemployed(person: Circumstances, weeklyHoursLimit: number): boolean {
  return person.employment.status === "UNEMPLOYED" || person.employment.weeklyWorkHours < weeklyHoursLimit;
}

export interface PublishedParameter {
  name: string;
  description: string;
  unit: string;
  value: string;
  effectiveFrom: string;
  reference: string;
  confidence: string;
}

export interface PublishedRule {
  rule: string;
  description: string;
  source: string;
  parameters: PublishedParameter[];
}

const show = (value: ParameterValue) => (typeof value === "object" ? JSON.stringify(value) : String(value));

/** The criteria in force on a date, with every parameter's value and source (PIPA Art. 37-2). */
export function publishRules(rules: RuleDefinition<any>[], parameters: ParameterSet, asOf: string): PublishedRule[] {
  parameters.checkInForce(asOf);
  return rules.map((rule) => ({
    rule: rule.id,
    description: rule.description,
    source: rule.source,
    parameters: rule.parameters.map((name) => {
      const parameter = parameters.get(name);
      const [effectiveFrom] = [...parameter.values].reverse().find(([from]) => from <= asOf)!;
      return {
        name,
        description: parameter.description,
        unit: parameter.unit,
        value: show(parameters.at(name, asOf)),
        effectiveFrom,
        reference: parameter.reference,
        confidence: parameter.confidence,
      };
    }),
  }));
}
