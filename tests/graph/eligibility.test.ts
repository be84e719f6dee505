/**
 * Eligibility as rules-as-code, through the gateway, for simulated persons: a few named situations
 * per program (the full set runs against the rules alone in the rules project), the benefits, bad
 * input, and stored against simulated persons.
 */
import { describe, expect, inject, it } from "vitest";
import { graphql, skipReason } from "../setup/graphql";
import { addDays, addMonths } from "../../platform/dates";
import { syntheticPerson, syntheticPersons } from "../../subgraphs/kit/synthetic/person";
import { nessRecordsFor } from "../../subgraphs/employment-support/seed";
import { jobSearchGuaranteeRecordsFor } from "../../subgraphs/job-search-guarantee/seed";
import { midCareerRecordsFor } from "../../subgraphs/mid-career/seed";
import { learningCardRecordsFor } from "../../subgraphs/learning-card/seed";
import { freePort } from "../../scripts/stack";
import { startGateway } from "../../gateway/server";
import { gatewayConfigFromEnv } from "../../gateway/config";

const ELIGIBILITY = `eligibility(asOf: $asOf) { program eligible track benefits { kind amountPerMonth months total } reasons { rule passed observed threshold } rulesVersion asOf }`;
const FIELD = { ness: "nationalEmploymentSupport", jsg: "jobSearchGuarantee", mc: "midCareerSupport", lc: "learningCard" } as const;
const simulateQuery = (fields: readonly string[]) =>
  `query Simulate($c: CircumstancesInput!, $asOf: Date) { simulatePerson(circumstances: $c) { id ${fields.map((f) => `${f} { ${ELIGIBILITY} }`).join(" ")} } }`;
const SIMULATE = simulateQuery(Object.values(FIELD));

/** Born `years` years before `asOf`, plus `days` (so days = 1 means one day short of that age). */
const born = (asOf: string, years: number, days = 0) => addDays(addMonths(asOf, -12 * years), days);

/** A 55-year-old, unemployed, 1-person household, modest means, qualified for a new field. */
const base = (asOf: string) => ({
  birthDate: born(asOf, 55),
  householdSize: 1,
  householdMonthlyIncome: 1_000_000,
  householdAssets: 100_000_000,
  workDaysLast24Months: 200,
  workHoursLast24Months: 1_600,
  employmentStatus: "UNEMPLOYED",
  newFieldQualification: true,
  centerId: "gumi",
  leftMainCareer: true,
});

async function simulate(circumstances: Record<string, unknown>, asOf: string, fields: readonly string[] = Object.values(FIELD)) {
  const { data, errors } = await graphql(simulateQuery(fields), { c: circumstances, asOf });
  expect(errors).toBeUndefined();
  return data.simulatePerson;
}

interface Situation {
  name: string;
  program: keyof typeof FIELD;
  asOf: string;
  change: (asOf: string) => Record<string, unknown>;
  rule: string;
  passed: boolean;
  threshold?: string;
}

const REQUIRED = /(\.age$|\.excluded\.|\.unemployed$|\.no-|participating-center|new-field-qualification)/;
// Every rule at and beside its thresholds runs against the rules directly (subgraphs/<program>/rules/tests/*.yaml,
// `npm run test -- --project rules`); through the gateway, one threshold per program and one dated change.
const situations: Situation[] = [];
for (const [asOf, ceiling] of [["2025-06-01", 1_435_207], ["2026-06-01", 1_538_542]] as const) {
  for (const [delta, passed] of [[0, true], [1, false]] as const) {
    situations.push({
      name: `NESS income ${delta === 0 ? "at" : "above"} 60% of the median on ${asOf}`,
      program: "ness", asOf, change: () => ({ householdMonthlyIncome: ceiling + delta }),
      rule: "ness.type1.household-income", passed, threshold: String(ceiling),
    });
  }
}
situations.push(
  { name: "NESS age 70", program: "ness", asOf: "2026-06-01", change: (d) => ({ birthDate: born(d, 70) }), rule: "ness.age", passed: false },
  { name: "NESS age a day short of 70", program: "ness", asOf: "2026-06-01", change: (d) => ({ birthDate: born(d, 70, 1) }), rule: "ness.age", passed: true },
  { name: "mid-career age 60", program: "mc", asOf: "2026-06-01", change: (d) => ({ birthDate: born(d, 60) }), rule: "mid-career.age", passed: false },
  { name: "job search guarantee, working 15 h a week", program: "jsg", asOf: "2026-06-01", change: () => ({ employmentStatus: "EMPLOYED", weeklyWorkHours: 15 }), rule: "job-search-guarantee.unemployed", passed: false },
  { name: "job search guarantee at a non-participating center on 2023-06-27", program: "jsg", asOf: "2023-06-27", change: () => ({ centerId: "gumi" }), rule: "job-search-guarantee.participating-center", passed: false },
  { name: "job search guarantee at the same center from 2023-06-28", program: "jsg", asOf: "2023-06-28", change: () => ({ centerId: "gumi" }), rule: "job-search-guarantee.participating-center", passed: true },
  { name: "military excluded from the learning card from 2026 only (2025)", program: "lc", asOf: "2025-06-01", change: () => ({ occupation: "MILITARY", employmentStatus: "EMPLOYED", weeklyWorkHours: 40 }), rule: "learning-card.excluded.occupation", passed: true },
  { name: "military excluded from the learning card from 2026 only (2026)", program: "lc", asOf: "2026-06-01", change: () => ({ occupation: "MILITARY", employmentStatus: "EMPLOYED", weeklyWorkHours: 40 }), rule: "learning-card.excluded.occupation", passed: false },
);

describe.skipIf(skipReason())("eligibility rules through the gateway (simulated persons)", () => {
  it.each(situations)("$name", async ({ program, asOf, change, rule, passed, threshold }) => {
    const person = await simulate({ ...base(asOf), ...change(asOf) }, asOf, [FIELD[program]]);
    expect(person.id.startsWith("sim:")).toBe(true);
    const eligibility = person[FIELD[program]].eligibility;
    expect(eligibility.asOf).toBe(asOf);
    const outcome = eligibility.reasons.find((r: any) => r.rule === rule);
    expect(outcome, `rule ${rule} is reported`).toBeDefined();
    expect(outcome.passed).toBe(passed);
    if (threshold) expect(outcome.threshold).toBe(threshold);
    // A failed exclusion or required criterion makes the program ineligible (track criteria such as youth or
    // Type I income only change the track).
    if (!passed && REQUIRED.test(rule)) expect([eligibility.eligible, eligibility.track, eligibility.benefits]).toEqual([false, null, []]);
  });

  it("puts the same household over the 60% line in 2025 and under it in 2026, with the 2026 allowance", async () => {
    const c = (asOf: string) => ({ ...base(asOf), householdMonthlyIncome: 1_500_000, dependants: 2 });
    const y2025 = (await simulate(c("2025-06-01"), "2025-06-01")).nationalEmploymentSupport.eligibility;
    const y2026 = (await simulate(c("2026-06-01"), "2026-06-01")).nationalEmploymentSupport.eligibility;
    expect([y2025.eligible, y2025.track]).toEqual([true, "TYPE_II"]);
    expect([y2026.eligible, y2026.track]).toEqual([true, "TYPE_I_SCREENED"]);
    // 600,000 a month from 2026-01-01 plus 100,000 for each of 2 dependants, for 6 months.
    expect(y2026.benefits[0]).toEqual({ kind: "JOB_SEEKING_ALLOWANCE", amountPerMonth: 800_000, months: 6, total: 4_800_000 });
  });

  it("pays 500,000 in 2025 and caps the dependant top-up at 400,000", async () => {
    const c = (asOf: string) => ({ ...base(asOf), dependants: 5 });
    const y2025 = (await simulate(c("2025-06-01"), "2025-06-01")).nationalEmploymentSupport.eligibility;
    expect(y2025.benefits[0]).toEqual({ kind: "JOB_SEEKING_ALLOWANCE", amountPerMonth: 900_000, months: 6, total: 5_400_000 });
  });

  it("refuses a date before the first parameter, naming asOf and the first valid date", async () => {
    const { errors } = await graphql(SIMULATE, { c: base("2020-12-31"), asOf: "2020-12-31" });
    const ness = errors!.find((e) => e.path?.includes("nationalEmploymentSupport"))!;
    expect(ness.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "asOf" });
    expect(ness.message).toContain("2021-01-01");
  });

  it.each([
    ["a negative income", { householdMonthlyIncome: -1 }, "circumstances.householdMonthlyIncome"],
    ["household size 0", { householdSize: 0 }, "circumstances.householdSize"],
    ["household size 21", { householdSize: 21 }, "circumstances.householdSize"],
    ["a birth date in the future", { birthDate: "2999-01-01" }, "circumstances.birthDate"],
  ])("refuses %s with BAD_USER_INPUT naming the field, evaluating nothing", async (_label, change, field) => {
    const { data, errors } = await graphql(SIMULATE, { c: { ...base("2026-06-01"), ...change }, asOf: "2026-06-01" });
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: field });
  });

  it("refuses an unparseable date with BAD_USER_INPUT", async () => {
    const { errors } = await graphql(SIMULATE, { c: base("2026-06-01"), asOf: "2026-13-01" });
    expect(errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    expect(errors![0].message).toContain("YYYY-MM-DD");
  });

  it("gives a stored person and a simulated person with the same circumstances the same eligibility", async () => {
    const withoutHistory = syntheticPersons(inject("testPersons"))
      .filter((p) => {
        const ness = nessRecordsFor(p), jsg = jobSearchGuaranteeRecordsFor(p), mc = midCareerRecordsFor(p), lc = learningCardRecordsFor(p);
        return !ness.enrollments.length && !jsg.participations.length && !mc.placements.length && !lc.card;
      })
      .slice(0, 5);
    expect(withoutHistory.length).toBe(5);
    const asOf = "2026-06-01";
    for (const p of withoutHistory) {
      const stored = await graphql(`query($id: ID!, $asOf: Date) { person(id: $id) {
        nationalEmploymentSupport { ${ELIGIBILITY} } jobSearchGuarantee { ${ELIGIBILITY} } midCareerSupport { ${ELIGIBILITY} } learningCard { ${ELIGIBILITY} } } }`, { id: p.id, asOf });
      expect(stored.errors).toBeUndefined();
      const simulated = await simulate({
        birthDate: p.birthDate, householdSize: p.householdSize, householdMonthlyIncome: p.householdMonthlyIncome, householdAssets: p.householdAssets,
        workDaysLast24Months: p.workDaysLast24Months, workHoursLast24Months: p.workHoursLast24Months, weeklyWorkHours: p.weeklyWorkHours,
        employmentStatus: p.employmentStatus, occupation: p.occupation, studentStatus: p.studentStatus, employerSize: p.employerSize,
        monthlyWage: p.monthlyWage, selfEmployedAnnualRevenue: p.selfEmployedAnnualRevenue, militaryServiceMonths: p.militaryServiceMonths,
        dependants: p.dependants, receivingUnemploymentBenefit: p.receivingUnemploymentBenefit,
        targetFieldExperienceMonths: p.targetFieldExperienceMonths, newFieldQualification: p.newFieldQualification, centerId: p.centerId,
        leftMainCareer: p.leftMainCareer, monthsSinceInsuredAtHost: p.monthsSinceInsuredAtHost, specificGroup: p.specificGroup,
        foreignNational: p.foreignNational, trainingSupportRestricted: p.trainingSupportRestricted,
        inOtherGovernmentFundedTraining: p.inOtherGovernmentFundedTraining,
      }, asOf);
      const { id: _id, ...simulatedPrograms } = simulated;
      expect(simulatedPrograms).toEqual(stored.data.person);
    }
  });

  it("lists the published criteria with the parameters in force, and refuses an unknown program", async () => {
    const { data } = await graphql(`{ eligibilityRules(program: NATIONAL_EMPLOYMENT_SUPPORT, asOf: "2026-06-01") {
      program rulesVersion rules { rule description source parameters { name value effectiveFrom reference confidence } } } }`);
    const income = data.eligibilityRules.rules.find((r: any) => r.rule === "ness.type1.household-income");
    expect(income.parameters.find((p: any) => p.name === "type1-income-percent")).toMatchObject({ value: "60", effectiveFrom: "2024-01-01" });
    expect(income.parameters.find((p: any) => p.name === "standard-median-income").effectiveFrom).toBe("2026-01-01");
    const bad = await graphql(`{ eligibilityRules(program: FOO) { program } }`);
    expect(bad.errors![0].extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED" });
    expect(bad.errors![0].message).toContain('Value "FOO" does not exist in "Program" enum');
  });

  it("costs one fetch per subgraph for four programs' eligibility, summary and timeline of 100 persons", async () => {
    const plans: any[] = [];
    const gateway = await startGateway({
      ...gatewayConfigFromEnv([], {}), port: await freePort(),
      subgraphUrls: inject("subgraphUrls"), onQueryPlan: (plan) => plans.push(plan),
    });
    try {
      const { data, errors } = await graphql(`{ persons(first: 100) { edges { node { id
        nationalEmploymentSupport { eligibility { eligible } } jobSearchGuarantee { eligibility { eligible } }
        midCareerSupport { eligibility { eligible } } learningCard { eligibility { eligible } }
        eligibilitySummary { program eligible } timeline { date } } } } }`, undefined, { url: gateway.url });
      expect(errors).toBeUndefined();
      expect(data.persons.edges).toHaveLength(100);
      expect(data.persons.edges[0].node.eligibilitySummary).toHaveLength(4);
      const fetches: Record<string, number> = {};
      const walk = (node: any) => {
        if (!node || typeof node !== "object") return;
        if (node.kind === "Fetch") fetches[node.serviceName] = (fetches[node.serviceName] ?? 0) + 1;
        for (const value of Object.values(node)) if (value && typeof value === "object") walk(value);
      };
      walk(plans.at(-1));
      expect(fetches).toEqual({ people: 1, "employment-support": 1, "job-search-guarantee": 1, "mid-career": 1, "learning-card": 1, journey: 1 });
    } finally {
      await gateway.stop();
    }
  });

  it("shows the counsellor's summary, timeline and network case for a stored person", async () => {
    const p = syntheticPerson(42);
    const { data, errors } = await graphql(`{ person(id: "${p.id}") { eligibilitySummary { program eligible } timeline { date program kind } networkCase { stage nextStage nextStep } } }`);
    expect(errors).toBeUndefined();
    expect(data.person.eligibilitySummary.map((e: any) => e.program)).toEqual(["NATIONAL_EMPLOYMENT_SUPPORT", "JOB_SEARCH_GUARANTEE", "MID_CAREER_SUPPORT", "LEARNING_CARD"]);
    const dates = data.person.timeline.map((e: any) => e.date);
    expect(dates).toEqual([...dates].sort());
    const expectedEvents = midCareerRecordsFor(p).sessions.length + (learningCardRecordsFor(p).card ? 1 : 0);
    expect(data.person.timeline.length).toBeGreaterThanOrEqual(expectedEvents);
    expect(typeof data.person.networkCase.nextStep).toBe("string");
  });
});
