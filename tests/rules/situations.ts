/**
 * Rule situations (OpenFisca-style tests): named situations in `subgraphs/<program>/rules/tests/*.yaml`,
 * each a person's circumstances, their history in the program and a date, with the expected answer:
 *
 *   program: ness                        # ness | job-search-guarantee | mid-career | learning-card
 *   defaults:                            # merged under every situation of the file
 *     date: 2026-06-01
 *     person: { age: 40, monthlyIncome: 1000000, workDaysLast24Months: 120 }
 *   situations:
 *     - name: Type I screened at the income line
 *       person: { monthlyIncome: 1538542 }  # circumstances by their flat names (PersonCircumstances); `age` sets birthDate
 *       history: { activeEnrollmentId: null }
 *       expect:
 *         eligible: true
 *         track: TYPE_I_SCREENED
 *         failing: [ness.youth, ness.type2.specific-group]       # exactly the rules that did not pass
 *         rules: { ness.job-seeker: true }                       # some rules' outcomes
 *         benefits: { JOB_SEEKING_ALLOWANCE: { amountPerMonth: 600000, months: 6, total: 3600000 } }
 *         reasons: { ness.type1.household-income: { threshold: "1538542", descriptionContains: "60%" } }
 *         parametersUsed: { type1-income-percent: { value: "60", effectiveFrom: 2024-01-01 } }
 *         error: asOf                    # instead: BAD_USER_INPUT on this argument
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { nestCircumstances, type FlatCircumstances } from "../../subgraphs/kit/circumstances-type";
import { EmployerSize, EmploymentStatus, Occupation, SpecificGroup, StudentStatus } from "../../subgraphs/kit/circumstances";
import type { EligibilityValue } from "../../subgraphs/kit/rules/evaluation";
import { evaluateNess } from "../../subgraphs/employment-support/rules/evaluate";
import { evaluateGuarantee } from "../../subgraphs/job-search-guarantee/rules/evaluate";
import { evaluateMidCareer } from "../../subgraphs/mid-career/rules/evaluate";
import { evaluateLearningCard } from "../../subgraphs/learning-card/rules/evaluate";
import { PROGRAM_SUBGRAPHS } from "../../platform/subgraphs";

export interface Expectation {
  eligible?: boolean;
  track?: string | null;
  failing?: string[];
  rules?: Record<string, boolean>;
  benefits?: Record<string, Record<string, unknown> & { descriptionContains?: string }> | [];
  reasons?: Record<string, { observed?: string | null; threshold?: string | null; descriptionContains?: string }>;
  parametersUsed?: Record<string, { value: string; effectiveFrom: string }>;
  error?: string;
}

export interface Situation {
  file: string;
  program: string;
  name: string;
  date: string;
  person: Record<string, unknown>;
  history: Record<string, unknown>;
  expect: Expectation;
}

const PROGRAMS: Record<string, { folder: string; history: Record<string, unknown>; evaluate: (person: any, history: any, asOf: string) => EligibilityValue }> = {
  ness: { folder: "employment-support", history: { activeEnrollmentId: null }, evaluate: evaluateNess },
  "job-search-guarantee": { folder: "job-search-guarantee", history: { activeParticipationId: null }, evaluate: evaluateGuarantee },
  "mid-career": { folder: "mid-career", history: { previousPlacementId: null }, evaluate: evaluateMidCareer },
  "learning-card": { folder: "learning-card", history: { activeCard: null }, evaluate: evaluateLearningCard },
};

/** Nobody in particular: every circumstance at none, zero or false (a situation says what matters). */
const BLANK: FlatCircumstances = {
  birthDate: "1986-06-01", centerId: "seoul-gwanak", studentStatus: StudentStatus.NONE, militaryServiceMonths: 0,
  householdSize: 1, monthlyIncome: 0, assets: 0, dependants: 0, employmentStatus: EmploymentStatus.UNEMPLOYED,
  occupation: Occupation.OTHER, employerSize: EmployerSize.NONE, monthlyWage: 0, weeklyWorkHours: 0, workDaysLast24Months: 0,
  workHoursLast24Months: 0, selfEmployedAnnualRevenue: 0, receivingUnemploymentBenefit: false, targetFieldExperienceMonths: 0,
  newFieldQualification: false, leftMainCareer: false, monthsSinceInsuredAtHost: null, specificGroup: SpecificGroup.NONE,
  foreignNational: false, trainingSupportRestricted: false, inOtherGovernmentFundedTraining: false,
};

/** The birth date that makes a person exactly `age` on `date` (their birthday). */
function birthDateFor(age: number, date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  if (m === 2 && d === 29) throw new Error("pick a date other than 29 February for an `age`");
  return `${String(y - age).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function loadSituations(root = new URL("../../subgraphs/", import.meta.url).pathname): Situation[] {
  const out: Situation[] = [];
  // A program with situations of its own but no line above would have them silently left out.
  for (const { name } of PROGRAM_SUBGRAPHS) {
    if (existsSync(join(root, name, "rules", "tests")) && !Object.values(PROGRAMS).some((p) => p.folder === name)) {
      throw new Error(`subgraphs/${name}/rules/tests/ has situations, but PROGRAMS in tests/rules/situations.ts does not list ${name}`);
    }
  }
  for (const [program, { folder }] of Object.entries(PROGRAMS)) {
    const dir = join(root, folder, "rules", "tests");
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
      const doc = parse(readFileSync(join(dir, file), "utf8"), { version: "1.2" }) as any;
      if (doc.program !== program) throw new Error(`${folder}/rules/tests/${file}: program must be ${program}`);
      const defaults = doc.defaults ?? {};
      for (const s of doc.situations as any[]) {
        out.push({
          file: `${folder}/rules/tests/${file}`,
          program,
          name: s.name,
          date: String(s.date ?? defaults.date),
          person: { ...(defaults.person ?? {}), ...(s.person ?? {}) },
          history: { ...(defaults.history ?? {}), ...(s.history ?? {}) },
          expect: s.expect,
        });
      }
    }
  }
  return out;
}

export function circumstancesOf(s: Situation) {
  const { age, ...rest } = s.person as { age?: number };
  const flat = { ...BLANK, ...rest } as FlatCircumstances;
  for (const key of Object.keys(rest)) if (!(key in BLANK)) throw new Error(`${s.file} "${s.name}": unknown circumstance ${key}`);
  if (age !== undefined) flat.birthDate = birthDateFor(age, s.date);
  return nestCircumstances("P00000000", flat);
}

export function run(s: Situation): EligibilityValue {
  const { history, evaluate } = PROGRAMS[s.program];
  return evaluate(circumstancesOf(s), { ...history, ...s.history }, s.date);
}
