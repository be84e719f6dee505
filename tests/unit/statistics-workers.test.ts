/**
 * Evaluation in worker threads gives the outcomes of the same evaluation in this thread, person by
 * person, for current law and for a reform; a reform's parameters never show outside its evaluation.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { syntheticPersons } from "../../subgraphs/kit/synthetic/person";
import { nessRecordsFor } from "../../subgraphs/employment-support/seed";
import { evaluatePrograms, type Outcomes } from "../../subgraphs/statistics/evaluation";
import { PROGRAM_LIST, PROGRAMS } from "../../subgraphs/statistics/programs";
import { parameterOverrides, withParameters } from "../../subgraphs/statistics/reform";
import { stopWorkers } from "../../subgraphs/statistics/workers";
import { Program } from "../../subgraphs/kit/eligibility";
import type { Population } from "../../subgraphs/statistics/population";
import { countBy, valuesOf, StatisticsDimension } from "../../subgraphs/statistics/dimensions";

const N = 4_000;

/** A population built from the synthetic persons themselves (the columns the extracts publish), with NESS's records. */
function populationOf(n: number): Population {
  const persons = syntheticPersons(n);
  const col = <T>(f: (p: (typeof persons)[number]) => T) => persons.map(f);
  return {
    size: n,
    loadedAt: Date.now(),
    birthDate: col((p) => p.birthDate), region: col((p) => p.region), centerId: col((p) => p.centerId),
    householdSize: Int32Array.from(col((p) => p.householdSize)), monthlyIncome: Float64Array.from(col((p) => p.householdMonthlyIncome)),
    assets: Float64Array.from(col((p) => p.householdAssets)), dependants: Int32Array.from(col((p) => p.dependants)),
    employmentStatus: col((p) => p.employmentStatus), occupation: col((p) => p.occupation), studentStatus: col((p) => p.studentStatus),
    employerSize: col((p) => p.employerSize), monthlyWage: Float64Array.from(col((p) => p.monthlyWage)),
    weeklyWorkHours: Int32Array.from(col((p) => p.weeklyWorkHours)), workDays: Int32Array.from(col((p) => p.workDaysLast24Months)),
    workHours: Int32Array.from(col((p) => p.workHoursLast24Months)), selfEmployedRevenue: Float64Array.from(col((p) => p.selfEmployedAnnualRevenue)),
    militaryServiceMonths: Int32Array.from(col((p) => p.militaryServiceMonths)),
    receivingUnemploymentBenefit: Uint8Array.from(col((p) => (p.receivingUnemploymentBenefit ? 1 : 0))),
    targetFieldExperienceMonths: Int32Array.from(col((p) => p.targetFieldExperienceMonths)),
    newFieldQualification: Uint8Array.from(col((p) => (p.newFieldQualification ? 1 : 0))), leftMainCareer: Uint8Array.from(col((p) => (p.leftMainCareer ? 1 : 0))),
    monthsSinceInsuredAtHost: Int32Array.from(col((p) => p.monthsSinceInsuredAtHost ?? -1)), specificGroup: col((p) => p.specificGroup),
    foreignNational: Uint8Array.from(col((p) => (p.foreignNational ? 1 : 0))), trainingSupportRestricted: Uint8Array.from(col((p) => (p.trainingSupportRestricted ? 1 : 0))),
    inOtherGovernmentFundedTraining: Uint8Array.from(col((p) => (p.inOtherGovernmentFundedTraining ? 1 : 0))),
    nessEnrollments: persons.map((p) => {
      const rows = nessRecordsFor(p).enrollments;
      return rows.length ? rows.map((r) => ({ applied_on: r.applied_on, decided_on: r.decided_on, status: r.status, services_end_on: r.services_end_on })) : undefined;
    }),
    guaranteeParticipations: new Array(n), midCareerPlacements: new Array(n), learningCards: new Array(n), cardCharges: new Array(n), firstReached: new Array(n),
  };
}

/** Outcomes person by person, tracks by name (each run numbers its tracks in the order met). */
const perPerson = (o: Outcomes) => Array.from(o.track, (t, k) => `${t ? o.tracks[t - 1] : "-"}|${o.monthly[k]}|${o.total[k]}|${o.enrolled[k]}`);

const population = populationOf(N);
const everyone = Int32Array.from({ length: N }, (_, i) => i);
// Every other person, as a counsellor's centers would pick them: positions spread over both workers' slices.
const some = everyone.filter((i) => i % 3 !== 1);
const asOf = "2027-03-01";
const REFORM = [
  { program: Program.NATIONAL_EMPLOYMENT_SUPPORT, parameter: "type1-income-percent", value: 70, from: "2027-01-01" },
  { program: Program.LEARNING_CARD, parameter: "age-limit", value: 79, from: "2027-01-01" },
];

function inThisThread<T>(fn: () => Promise<T>): Promise<T> {
  process.env.STATISTICS_WORKERS = "0";
  return fn();
}
function inWorkers<T>(fn: () => Promise<T>): Promise<T> {
  process.env.STATISTICS_WORKERS = "2";
  process.env.STATISTICS_PARALLEL_MIN = "0";
  return fn();
}

afterEach(() => {
  delete process.env.STATISTICS_WORKERS;
  delete process.env.STATISTICS_PARALLEL_MIN;
});
afterAll(() => stopWorkers());

describe("statistics evaluation in worker threads", () => {
  it.each(PROGRAM_LIST)("current law for %s: the same outcome for every person as in this thread", async (program) => {
    const here = await inThisThread(() => evaluatePrograms(program, population, everyone, asOf));
    const there = await inWorkers(() => evaluatePrograms(program, population, everyone, asOf));
    expect(perPerson(there)).toEqual(perPerson(here));
    expect(there.rulesVersion).toBe(here.rulesVersion);
    const subset = await inWorkers(() => evaluatePrograms(program, population, some, asOf));
    expect(perPerson(subset)).toEqual(Array.from(some, (i) => perPerson(here)[i]));
  });

  it("a reform: the same outcomes as in this thread, different from current law, and the published values untouched", async () => {
    const overrides = parameterOverrides(REFORM);
    const published = PROGRAMS[Program.NATIONAL_EMPLOYMENT_SUPPORT].parameters.at("type1-income-percent", asOf);
    for (const program of [Program.NATIONAL_EMPLOYMENT_SUPPORT, Program.LEARNING_CARD]) {
      const own = new Set(PROGRAMS[program].parameters.all());
      const mine = overrides.filter((o) => own.has(o.parameter));
      const here = await inThisThread(() => evaluatePrograms(program, population, everyone, asOf, mine));
      const progress: number[] = [];
      const pending = inWorkers(() => evaluatePrograms(program, population, everyone, asOf, mine, (done) => void progress.push(done)));
      // While the workers evaluate the reform, this thread still reads the published value.
      expect(PROGRAMS[Program.NATIONAL_EMPLOYMENT_SUPPORT].parameters.at("type1-income-percent", asOf)).toBe(published);
      const there = await pending;
      expect(perPerson(there)).toEqual(perPerson(here));
      const current = await inThisThread(() => evaluatePrograms(program, population, everyone, asOf));
      expect(perPerson(there)).not.toEqual(perPerson(current));
      expect(progress.at(-1)).toBe(N);
    }
    expect(PROGRAMS[Program.NATIONAL_EMPLOYMENT_SUPPORT].parameters.at("type1-income-percent", asOf)).toBe(published);
  });

  it("a parameter read on a date follows a reform's values while they are in place, and the published ones after", () => {
    const parameters = PROGRAMS[Program.NATIONAL_EMPLOYMENT_SUPPORT].parameters;
    const published = parameters.at("type1-income-percent", asOf);
    expect(published).not.toBe(70);
    const during = withParameters(parameterOverrides([REFORM[0]]), () => parameters.at("type1-income-percent", asOf));
    expect(during).toBe(70);
    expect(parameters.at("type1-income-percent", asOf)).toBe(published);
    expect(parameters.at("type1-income-percent", "2026-12-31")).toBe(published);
  });
});

describe("statistics breakdown", () => {
  it.each([
    [[StatisticsDimension.REGION, StatisticsDimension.AGE_BAND]],
    [[StatisticsDimension.CENTER, StatisticsDimension.EMPLOYMENT_STATUS, StatisticsDimension.INCOME_BAND]],
    [[StatisticsDimension.AGE_BAND]],
  ])("by %j: each person counted once, under the values valuesOf gives", (by) => {
    const expected = new Map<string, number>();
    for (const i of some) {
      const key = by.map((d) => valuesOf(d, population, i, asOf)[0]).join("|");
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const cells = countBy(by, population, some, asOf);
    expect(new Map([...cells.values()].map((c) => [c.keys.join("|"), c.count]))).toEqual(expected);
  });
});
