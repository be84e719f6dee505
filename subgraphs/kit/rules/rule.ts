/**
 * A rule is a small named function with a stable id (e.g. `ness.type1.household-income`) that
 * reads a person's circumstances and the parameters in force, and says whether it passed, what it
 * observed, against which threshold, in plain words, and on what source. Rules never read a
 * database: their inputs come through federation (@requires) and the program's own history.
 */
import type { ParameterSet } from "./parameters";

export interface RuleOutcomeValue {
  rule: string;
  passed: boolean;
  observed: string | null;
  threshold: string | null;
  description: string;
  source: string;
}

export interface RuleDefinition<Input> {
  id: string;
  /** The criterion in plain words, as published (eligibilityRules). */
  description: string;
  /** Parameter names the rule reads (shown with their values in the published criteria). */
  parameters: string[];
  /** The public source the rule rests on (law, ministry notice or page, news report) with its confidence; its parameters cite theirs. */
  source: string;
  /** What `observed` is, so the analyst view can coarsen it. */
  observedKind?: "amount" | "age" | "date" | "days" | "hours" | "count" | "category" | "record";
  evaluate(input: Input, parameters: ParameterSet, asOf: string): Omit<RuleOutcomeValue, "rule" | "source">;
}

export function defineRule<Input>(definition: RuleDefinition<Input>): RuleDefinition<Input> {
  return definition;
}

export function applyRule<Input>(rule: RuleDefinition<Input>, input: Input, parameters: ParameterSet, asOf: string): RuleOutcomeValue {
  return { rule: rule.id, source: rule.source, ...rule.evaluate(input, parameters, asOf) };
}

/** "2,564,238 KRW" */
export const krw = (amount: number) => `${Math.round(amount).toLocaleString("en-US")} KRW`;
