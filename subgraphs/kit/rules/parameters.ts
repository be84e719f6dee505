/**
 * Program parameters as data, OpenFisca style: one small YAML file per parameter under a
 * subgraph's `parameters/` folder, with a description, its legal or published source, a confidence
 * mark ([O] official, [N] news, [S] secondary, or "assumption"), and values
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
import { createHash } from "node:crypto";
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

/** A parameter value one evaluation read: its name, the value (numbers as digits, lists and tables as JSON) and the date it took effect. */
export interface ParameterUse {
  name: string;
  value: string;
  effectiveFrom: string;
}

export const showParameterValue = (value: ParameterValue) => (typeof value === "object" ? JSON.stringify(value) : String(value));

export class ParameterSet {
  private readonly byName: Map<string, Parameter>;
  /** Set on a recording copy: every value read, by name and effective date. */
  private readonly reads: Map<string, ParameterUse> | null;
  /** The value in force on a date, per value list (see `at`). */
  private static readonly inForce = new WeakMap<Parameter["values"], Map<string, { found: ParameterValue; key: string; use: ParameterUse }>>();
  constructor(readonly program: string, parameters: Parameter[] | Map<string, Parameter>, reads: Map<string, ParameterUse> | null = null) {
    // A recording copy shares the parameters themselves (one is made per evaluation).
    this.byName = parameters instanceof Map ? parameters : new Map(parameters.map((p) => [p.name, p]));
    this.reads = reads;
  }

  /** A copy that records every value read (the parameters an answer used, OpenFisca's trace). */
  recording(): ParameterSet {
    return new ParameterSet(this.program, this.byName, new Map());
  }

  /** The values read so far by a recording copy, in the order first read. */
  used(): ParameterUse[] {
    return [...(this.reads?.values() ?? [])];
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
    const parameter = this.get(name);
    // Evaluating a population reads the same few values for every person on one date: the answer is
    // kept per value list (a reform swaps in another list, so it never sees these) and date.
    let byDate = ParameterSet.inForce.get(parameter.values);
    if (!byDate) ParameterSet.inForce.set(parameter.values, (byDate = new Map()));
    let hit = byDate.get(date);
    if (!hit) {
      let found: ParameterValue | undefined;
      let effectiveFrom = "";
      for (const [from, value] of parameter.values) if (from <= date) [effectiveFrom, found] = [from, value];
      if (found === undefined) {
        throw badUserInput(
          "asOf",
          `No ${this.program} rule is in force on ${date}: parameter ${name} starts on ${parameter.values[0][0]}. Ask for a date on or after ${this.firstDate()}.`,
        );
      }
      hit = { found, key: `${name}@${effectiveFrom}`, use: { name, value: showParameterValue(found), effectiveFrom } };
      if (byDate.size > 1000) byDate.clear();
      byDate.set(date, hit);
    }
    if (this.reads && !this.reads.has(hit.key)) this.reads.set(hit.key, { ...hit.use });
    return hit.found as T;
  }

  /** The date the value in force on `date` took effect. */
  effectiveFrom(name: string, date: string): string {
    const found = [...this.get(name).values].reverse().find(([from]) => from <= date);
    return found ? found[0] : this.get(name).values[0][0];
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

  /**
   * Version of the rule set: the newest effective date and a hash of the content of every parameter
   * (values, sources) and of the rules' source files, so any changed figure or formula changes it.
   */
  version(ruleSources: URL[]): string {
    const cached = this.versions.get(ruleSources);
    if (cached) return cached;
    const hash = createHash("sha256");
    for (const p of [...this.all()].sort((a, b) => a.name.localeCompare(b.name))) hash.update(JSON.stringify(p)).update("\n");
    for (const file of ruleSources) hash.update(readFileSync(file, "utf8")).update("\n");
    const latest = this.all().reduce((d, p) => (p.values.at(-1)![0] > d ? p.values.at(-1)![0] : d), "");
    const version = `${this.program}@${latest}+${hash.digest("hex").slice(0, 12)}`;
    this.versions.set(ruleSources, version);
    return version;
  }
  private readonly versions = new Map<URL[], string>();
}

/** The shared rule code every program's version also hashes. */
export const KIT_RULE_SOURCES = ["./rule.ts", "./common.ts", "./median-income.ts", "./evaluation.ts", "./parameters.ts"].map((f) => new URL(f, import.meta.url));

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
