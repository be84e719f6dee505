/**
 * Program parameters as data, OpenFisca style: one small YAML file per parameter under a
 * subgraph's `parameters/` folder, with a description, its legal or published source, a confidence
 * mark from the domain brief ([O] official, [N] news, [S] secondary, or "assumption"), and values
 * keyed by the date they take effect. A corrected or newly announced figure is a data change.
 *
 *   description: Household income ceiling for NESS Type I (screened), % of the standard median income
 *   unit: percent
 *   reference: https://www.moel.go.kr/policyitrd/policyItrdView.do?policy_itrd_sn=355
 *   confidence: N
 *   values:
 *     2021-01-01: 50
 *     2024-01-01: 60
 *
 * A value may be a number, a string, a list, or a table keyed by e.g. household size.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "yaml";
import { isIsoDate } from "../scalars";
import { badUserInput } from "../errors";

export type ParameterValue = number | string | boolean | number[] | string[] | Record<string, number>;

export interface Parameter {
  /** File name without .yaml, e.g. `type1-income-ceiling`. */
  name: string;
  description: string;
  unit: string;
  reference: string;
  confidence: string;
  note?: string;
  /** Effective date -> value, sorted by date. */
  values: [string, ParameterValue][];
}

export class ParameterSet {
  private readonly byName: Map<string, Parameter>;
  constructor(readonly program: string, parameters: Parameter[]) {
    this.byName = new Map(parameters.map((p) => [p.name, p]));
  }

  all(): Parameter[] {
    return [...this.byName.values()];
  }

  get(name: string): Parameter {
    const parameter = this.byName.get(name);
    if (!parameter) throw new Error(`Unknown parameter ${this.program}.${name}`);
    return parameter;
  }

  /** The value in force on `date`; a date before the first value is the caller's error (BAD_USER_INPUT on asOf). */
  at<T extends ParameterValue = number>(name: string, date: string): T {
    const { values } = this.get(name);
    let found: ParameterValue | undefined;
    for (const [from, value] of values) if (from <= date) found = value;
    if (found === undefined) {
      throw badUserInput(
        "asOf",
        `No ${this.program} rule is in force on ${date}: parameter ${name} starts on ${values[0][0]}. Ask for a date on or after ${this.firstDate()}.`,
      );
    }
    return found as T;
  }

  /** The earliest date on which every parameter has a value. */
  firstDate(): string {
    return this.all().reduce((latest, p) => (p.values[0][0] > latest ? p.values[0][0] : latest), "0000-01-01");
  }

  /** Fails before evaluating anything when `date` precedes any parameter. */
  checkInForce(date: string): void {
    const first = this.firstDate();
    if (date < first) {
      throw badUserInput("asOf", `No ${this.program} rule is in force on ${date}: the published parameters start on ${first}. Ask for a date on or after ${first}.`);
    }
  }

  /** Version of the rule set: the formulas' version and the newest effective date of its parameters. */
  version(formulasVersion: string): string {
    const latest = this.all().reduce((d, p) => (p.values.at(-1)![0] > d ? p.values.at(-1)![0] : d), "");
    return `${this.program}@${formulasVersion}+params.${latest}`;
  }
}

/** Parameters every program shares (the standard median income table). */
export const SHARED_PARAMETERS_DIR = new URL("./parameters", import.meta.url).pathname;

/** A program's parameters: its own folder plus the shared ones its rules read (e.g. standard-median-income). */
export function loadParameters(program: string, dir: string, shared: string[] = []): ParameterSet {
  const sharedParameters = readParameterFiles(SHARED_PARAMETERS_DIR).filter((p) => shared.includes(p.name));
  return new ParameterSet(program, [...sharedParameters, ...readParameterFiles(dir)]);
}

function readParameterFiles(dir: string): Parameter[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((file) => {
      const raw = parse(readFileSync(join(dir, file), "utf8"), { version: "1.2" }) as Record<string, any>;
      const name = basename(file, ".yaml");
      for (const key of ["description", "unit", "reference", "confidence", "values"]) {
        if (raw?.[key] === undefined) throw new Error(`parameters/${file}: "${key}" is missing`);
      }
      const values = Object.entries(raw.values as Record<string, ParameterValue>)
        .map(([date, value]) => {
          if (!isIsoDate(String(date))) throw new Error(`parameters/${file}: "${date}" is not a YYYY-MM-DD date`);
          return [String(date), value] as [string, ParameterValue];
        })
        .sort(([a], [b]) => a.localeCompare(b));
      return { name, description: raw.description, unit: raw.unit, reference: raw.reference, confidence: String(raw.confidence), note: raw.note, values };
    });
}
