/**
 * A rule is a small named function with a stable id (e.g. `ness.type1.household-income`) that
 * reads a person's circumstances and the parameters in force, and says whether it passed, what it
 * observed, against which threshold, in plain words, and on what source. Rules never read a
 * database: their inputs come through federation (@requires) and the program's own history.
 */
import type { ParameterSet } from "./parameters";
import { thousands } from "../thousands";

export interface RuleOutcomeValue {
  rule: string;
  passed: boolean;
  observed: string | null;
  threshold: string | null;
  description: string;
  source: string;
}

/**
 * What a rule's `observed` value is, so that a caller who may not see exact values gets it coarsened
 * (security/explanations.ts):
 * - `income`: a monthly amount in whole KRW (household income, wage, earnings): shown as a band of KRW 1,000,000
 * - `assets`: household assets in whole KRW: a band of KRW 100,000,000
 * - `revenue`: an annual amount in whole KRW: a band of KRW 100,000,000
 * - `age`: whole years, from the birth date the caller's view carries (the birth year's first day for analysts)
 * - `count`: days, hours, months, hours a week, as the person's record shows them
 * - `category`: an enum value or a flag
 * - `center`: the managing center's id (withheld where the analyst's view withholds the center)
 * - `record`: the id of a program record (carries the person's id, pseudonymised for analysts)
 * - `mixed`: several values, one of them an exact amount: shown to identified callers only
 * A rule without a kind shows `observed: null` to those callers.
 */
export type ObservedKind = "income" | "assets" | "revenue" | "age" | "count" | "category" | "center" | "record" | "mixed";

export interface RuleDefinition<Input> {
  id: string;
  /** The criterion in plain words, as published (eligibilityRules). */
  description: string;
  /** Parameter names the rule reads (shown with their values in the published criteria). */
  parameters: string[];
  /** What `observed` is (how it is coarsened for analysts and partners). */
  observedKind?: ObservedKind;
  /** The public source the rule rests on (law, ministry notice or page, news report) with its confidence; its parameters cite theirs. */
  source: string;
  evaluate(input: Input, parameters: ParameterSet, asOf: string): Omit<RuleOutcomeValue, "rule" | "source">;
}

/** Every rule defined in this process, by id (the published description and kind behind an outcome). */
const RULES = new Map<string, RuleDefinition<any>>();

export function defineRule<Input>(definition: RuleDefinition<Input>): RuleDefinition<Input> {
  RULES.set(definition.id, definition);
  return definition;
}

export function ruleDefinition(id: string): RuleDefinition<unknown> | undefined {
  return RULES.get(id);
}

export function applyRule<Input>(rule: RuleDefinition<Input>, input: Input, parameters: ParameterSet, asOf: string): RuleOutcomeValue {
  return { rule: rule.id, source: rule.source, ...rule.evaluate(input, parameters, asOf) };
}

/** "2,564,238 KRW" */
export const krw = (amount: number) => `${thousands(Math.round(amount))} KRW`;
