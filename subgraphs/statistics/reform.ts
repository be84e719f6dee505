/**
 * A reform: some published parameters given new values from a date (OpenFisca's reforms, applied to
 * the registered population). Checked against what the program publishes (eligibilityRules): the
 * parameter must exist, the value must have the parameter's shape and unit, and the date must fall
 * within the rules' validity.
 */
import { GraphQLError } from "graphql";
import { ErrorCode } from "../kit/errors";
import type { Program } from "../kit/eligibility";
import type { Parameter, ParameterValue } from "../kit/rules/parameters";
import { PROGRAMS } from "./programs";

export interface ParameterChangeValue {
  program: Program;
  parameter: string;
  /** A number parameter's new value. */
  value?: number | null;
  /** A list parameter's new values (e.g. success-allowance: after 6 and after 12 months). */
  values?: number[] | null;
  /** The unit the value is given in; when given it must be the parameter's published unit. */
  unit?: string | null;
  from: string;
}

export interface ParameterOverride {
  parameter: Parameter;
  values: [string, ParameterValue][];
}

const bad = (index: number, message: string, reason: string) =>
  new GraphQLError(`changes[${index}]: ${message}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: "changes", reason } });

/** What a unit admits: whole KRW, whole counts, percentages between 0 and 1000. */
function checkUnit(unit: string, value: number): string | null {
  if (!Number.isFinite(value) || value < 0) return `a value in ${unit} must be a finite number of 0 or more`;
  const u = unit.toLowerCase();
  if (u.startsWith("percent")) return value > 1000 ? `${value} is not a plausible percentage (0-1000)` : null;
  if (u.startsWith("krw") || u.startsWith("years") || u.startsWith("months") || u.startsWith("days") || u.startsWith("hours")) {
    return Number.isInteger(value) ? null : `a value in ${unit} must be a whole number`;
  }
  return null;
}

/** The overrides a list of changes makes, or BAD_USER_INPUT naming the first bad change. */
export function parameterOverrides(changes: ParameterChangeValue[]): ParameterOverride[] {
  if (changes.length === 0) throw new GraphQLError("changes: give at least one parameter change.", { extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: "changes", reason: "EMPTY" } });
  if (changes.length > 50) throw bad(50, "at most 50 changes in one reform.", "TOO_MANY");
  const byParameter = new Map<Parameter, ParameterOverride>();
  changes.forEach((change, index) => {
    const model = PROGRAMS[change.program];
    const parameter = model.parameters.all().find((p) => p.name === change.parameter);
    if (!parameter) {
      const known = model.parameters.all().map((p) => p.name).sort().join(", ");
      throw bad(index, `${change.program} publishes no parameter "${change.parameter}". Its parameters: ${known}.`, "UNKNOWN_PARAMETER");
    }
    if (change.unit != null && change.unit !== parameter.unit) {
      throw bad(index, `${change.parameter} is in "${parameter.unit}", not "${change.unit}".`, "WRONG_UNIT");
    }
    const first = parameter.values[0][0];
    if (change.from < first) throw bad(index, `${change.parameter} starts on ${first}; a change from ${change.from} precedes the rules.`, "BEFORE_RULES_START");
    const current = parameter.values[parameter.values.length - 1][1];
    let value: ParameterValue;
    if (typeof current === "number") {
      if (change.value == null || change.values != null) throw bad(index, `${change.parameter} is one number in ${parameter.unit}: give \`value\`.`, "WRONG_SHAPE");
      value = change.value;
    } else if (Array.isArray(current) && current.every((v) => typeof v === "number")) {
      if (change.values == null || change.values.length !== current.length || change.value != null) {
        throw bad(index, `${change.parameter} is a list of ${current.length} numbers in ${parameter.unit}: give \`values\` with ${current.length} numbers.`, "WRONG_SHAPE");
      }
      value = change.values;
    } else {
      throw bad(index, `${change.parameter} (${parameter.unit}) is not a number or a list of numbers, and cannot be changed by a reform.`, "WRONG_SHAPE");
    }
    for (const v of typeof value === "number" ? [value] : (value as number[])) {
      const problem = checkUnit(parameter.unit, v);
      if (problem) throw bad(index, `${change.parameter}: ${problem}.`, "WRONG_UNIT");
    }
    const override = byParameter.get(parameter) ?? { parameter, values: parameter.values };
    // From `from` on, the new value replaces every value the parameter had scheduled.
    override.values = [...override.values.filter(([date]) => date < change.from), [change.from, value]];
    byParameter.set(parameter, override);
  });
  return [...byParameter.values()];
}

/** The latest date a change takes effect (a reform is evaluated on it when it is after asOf). */
export const latestChange = (changes: ParameterChangeValue[]) => changes.reduce((latest, c) => (c.from > latest ? c.from : latest), "");

/**
 * Runs `fn` with the overrides in place of the published values, and puts them back. `fn` must be
 * synchronous: nothing else can run in between, so only `fn` ever sees the reform.
 */
export function withParameters<T>(overrides: ParameterOverride[], fn: () => T): T {
  if (overrides.length === 0) return fn();
  const saved = overrides.map((o) => o.parameter.values);
  overrides.forEach((o) => (o.parameter.values = o.values));
  try {
    const result = fn();
    if (result instanceof Promise) throw new Error("withParameters needs a synchronous function");
    return result;
  } finally {
    overrides.forEach((o, k) => (o.parameter.values = saved[k]));
  }
}
