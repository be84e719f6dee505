/**
 * What every program's evaluation returns, and the published-criteria listing built from a rule set.
 */
import type { Program } from "../eligibility";
import type { Circumstances } from "../circumstances";
import { ageOn } from "../../../platform/dates";
import { showParameterValue, type ParameterSet, type ParameterUse } from "./parameters";
import type { RuleDefinition, RuleOutcomeValue } from "./rule";

export interface BenefitValue {
  kind: string;
  amountPerMonth: number | null;
  months: number | null;
  /** The total, or the most when the amount is a range or an upper limit. */
  total: number | null;
  /** The least when the amount is a range (e.g. 150,000-250,000); null when it is one figure. */
  minimumTotal?: number | null;
  description: string;
}

export interface EligibilityValue {
  program: Program;
  eligible: boolean;
  track: string | null;
  benefits: BenefitValue[];
  reasons: RuleOutcomeValue[];
  /** Every parameter value the answer read: name, value, the date that value took effect. */
  parametersUsed: ParameterUse[];
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

/** Not working, or working fewer than `weeklyHoursLimit` hours a week. */
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

/** A benefit a program pays or offers, as published: what it is and the figures it is computed from. */
export interface BenefitDefinition {
  kind: string;
  description: string;
  parameters: string[];
}

/** How a program chooses a track: the track, the rule in words, and the rules it combines. */
export interface TrackDefinition {
  track: string;
  description: string;
  rules: string[];
}

/** Everything that decides a program's answers, published as is (PIPA Art. 37-2). */
export interface ProgramRuleSet {
  rules: RuleDefinition<any>[];
  parameters: ParameterSet;
  ruleSources: URL[];
  benefits: BenefitDefinition[];
  tracks: TrackDefinition[];
}

export interface PublishedBenefit {
  kind: string;
  description: string;
  parameters: PublishedParameter[];
}

export interface PublishedCriteria {
  rulesVersion: string;
  rules: PublishedRule[];
  benefits: PublishedBenefit[];
  tracks: TrackDefinition[];
}

function publishParameter(parameters: ParameterSet, name: string, asOf: string): PublishedParameter {
  const parameter = parameters.get(name);
  return {
    name,
    description: parameter.description,
    unit: parameter.unit,
    value: showParameterValue(parameters.at(name, asOf)),
    effectiveFrom: parameters.effectiveFrom(name, asOf),
    reference: parameter.reference,
    confidence: parameter.confidence,
  };
}

/** The criteria in force on a date, with every parameter's value and source (PIPA Art. 37-2). */
export function publishRules(rules: RuleDefinition<any>[], parameters: ParameterSet, asOf: string): PublishedRule[] {
  parameters.checkInForce(asOf);
  return rules.map((rule) => ({
    rule: rule.id,
    description: rule.description,
    source: rule.source,
    parameters: rule.parameters.map((name) => publishParameter(parameters, name, asOf)),
  }));
}

/** A program's whole published criteria on a date: rules, benefit figures, how the track is chosen. */
export function publishCriteria(set: ProgramRuleSet, asOf: string): PublishedCriteria {
  return {
    rulesVersion: set.parameters.version(set.ruleSources),
    rules: publishRules(set.rules, set.parameters, asOf),
    benefits: set.benefits.map((b) => ({ kind: b.kind, description: b.description, parameters: b.parameters.map((name) => publishParameter(set.parameters, name, asOf)) })),
    tracks: set.tracks,
  };
}
