/**
 * What an eligibility answer cites and accepts, through the gateway: the parameter values it used,
 * public sources in the published criteria (with benefit figures and how the track is chosen), a
 * content-derived rulesVersion, amounts beyond 32 bits, a working status that must give its hours,
 * and dates back to the first parameters.
 */
import { describe, expect, it } from "vitest";
import { graphql, skipReason } from "../setup/graphql";

const SIM = `query Sim($c: CircumstancesInput!, $asOf: Date) { simulatePerson(circumstances: $c) {
  nationalEmploymentSupport { eligibility(asOf: $asOf) { eligible track rulesVersion
    benefits { kind amountPerMonth months total minimumTotal }
    reasons { rule passed observed threshold description source }
    parametersUsed { name value effectiveFrom } } }
  midCareerSupport { eligibility(asOf: $asOf) { eligible reasons { rule passed } } }
  jobSearchGuarantee { eligibility(asOf: $asOf) { eligible reasons { rule passed } } } } }`;

const person = {
  birthDate: "1976-03-01", householdSize: 1, householdMonthlyIncome: 1_000_000, householdAssets: 100_000_000,
  workDaysLast24Months: 120, employmentStatus: "UNEMPLOYED", centerId: "gumi", leftMainCareer: true, newFieldQualification: true,
};

describe.skipIf(skipReason())("what an eligibility answer cites and accepts", () => {
  it("refuses a working status without weekly hours instead of counting it as unemployed", async () => {
    for (const employmentStatus of ["EMPLOYED", "SELF_EMPLOYED", "SPECIAL_TYPE_WORKER"]) {
      const { data, errors } = await graphql(SIM, { c: { ...person, employmentStatus }, asOf: "2026-06-01" });
      expect(data).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "circumstances.weeklyWorkHours" });
    }
    // Given, a full-time worker is neither a NESS job seeker nor unemployed for the other programs.
    const { data, errors } = await graphql(SIM, { c: { ...person, employmentStatus: "EMPLOYED", weeklyWorkHours: 40 }, asOf: "2026-06-01" });
    expect(errors).toBeUndefined();
    const ness = data.simulatePerson.nationalEmploymentSupport.eligibility;
    expect([ness.eligible, ness.reasons.find((r: any) => r.rule === "ness.job-seeker").passed]).toEqual([false, false]);
    expect(data.simulatePerson.midCareerSupport.eligibility.eligible).toBe(false);
    expect(data.simulatePerson.jobSearchGuarantee.eligibility.eligible).toBe(false);
  });

  it("takes household assets of 3,000,000,000 won (beyond a 32-bit Int) and compares them exactly", async () => {
    const { data, errors } = await graphql(SIM, { c: { ...person, householdAssets: 3_000_000_000 }, asOf: "2026-06-01" });
    expect(errors).toBeUndefined();
    const assets = data.simulatePerson.nationalEmploymentSupport.eligibility.reasons.find((r: any) => r.rule === "ness.type1.household-assets");
    expect(assets).toMatchObject({ passed: false, observed: "3000000000", threshold: "400000000" });
    const tooBig = await graphql(SIM, { c: { ...person, householdAssets: 2 ** 53 }, asOf: "2026-06-01" });
    expect(tooBig.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  });

  it("names every parameter value it used with the date it took effect, as the rules stood on the date asked", async () => {
    const NESS_ONLY = `query Sim($c: CircumstancesInput!, $asOf: Date) { simulatePerson(circumstances: $c) {
      nationalEmploymentSupport { eligibility(asOf: $asOf) { track parametersUsed { name value effectiveFrom } } } } }`;
    const { data, errors } = await graphql(NESS_ONLY, { c: { ...person, householdMonthlyIncome: 1_038_946 }, asOf: "2023-12-31" });
    expect(errors).toBeUndefined();
    const ness = data.simulatePerson.nationalEmploymentSupport.eligibility;
    expect(ness.track).toBe("TYPE_I_SCREENED");
    const used = Object.fromEntries(ness.parametersUsed.map((u: any) => [u.name, u]));
    expect(used["type1-income-percent"]).toEqual({ name: "type1-income-percent", value: "50", effectiveFrom: "2021-01-01" });
    expect(used["type1-asset-ceiling"]).toEqual({ name: "type1-asset-ceiling", value: "300000000", effectiveFrom: "2021-01-01" });
    expect(used["job-seeking-allowance-monthly"]).toEqual({ name: "job-seeking-allowance-monthly", value: "500000", effectiveFrom: "2021-01-01" });
    expect(used["standard-median-income"].effectiveFrom).toBe("2023-01-01");
    expect(JSON.parse(used["standard-median-income"].value)["1"]).toBe(2_077_892);
  });

  it("reports Type II's participation allowance as a range", async () => {
    const { data } = await graphql(SIM, { c: { ...person, householdMonthlyIncome: 2_000_000 }, asOf: "2026-06-01" });
    const ness = data.simulatePerson.nationalEmploymentSupport.eligibility;
    expect(ness.track).toBe("TYPE_II");
    expect(ness.benefits[0]).toEqual({ kind: "PARTICIPATION_ALLOWANCE", amountPerMonth: null, months: null, total: 250_000, minimumTotal: 150_000 });
  });

  it("publishes every program's rules with public sources, the benefit figures and how the track is chosen", async () => {
    const query = `query($program: Program!) { eligibilityRules(program: $program, asOf: "2026-06-01") { rulesVersion
      rules { rule source parameters { name reference confidence } }
      benefits { kind description parameters { name value effectiveFrom reference } }
      tracks { track description rules } } }`;
    for (const program of ["NATIONAL_EMPLOYMENT_SUPPORT", "JOB_SEARCH_GUARANTEE", "MID_CAREER_SUPPORT", "LEARNING_CARD"]) {
      const { data, errors } = await graphql(query, { program });
      expect(errors).toBeUndefined();
      const text = JSON.stringify(data);
      expect(text).not.toMatch(/programs\.md|shared\//);
      for (const rule of data.eligibilityRules.rules) {
        expect(rule.source.length).toBeGreaterThan(10);
        for (const p of rule.parameters) expect(p.reference.length).toBeGreaterThan(10);
      }
      expect(data.eligibilityRules.benefits.length).toBeGreaterThan(0);
      expect(data.eligibilityRules.tracks.length).toBeGreaterThan(0);
      const ruleIds = new Set(data.eligibilityRules.rules.map((r: any) => r.rule));
      for (const track of data.eligibilityRules.tracks) for (const id of track.rules) expect(ruleIds.has(id), id).toBe(true);
    }
    const { data } = await graphql(query, { program: "NATIONAL_EMPLOYMENT_SUPPORT" });
    expect(data.eligibilityRules.tracks.map((t: any) => t.track)).toEqual(["TYPE_I_SCREENED", "TYPE_I_SELECTED", "TYPE_II"]);
    const allowance = data.eligibilityRules.benefits.find((b: any) => b.kind === "JOB_SEEKING_ALLOWANCE");
    expect(allowance.parameters.map((p: any) => [p.name, p.value, p.effectiveFrom])).toEqual([
      ["job-seeking-allowance-monthly", "600000", "2026-01-01"],
      ["job-seeking-allowance-months", "6", "2021-01-01"],
      ["dependant-top-up", "100000", "2021-01-01"],
      ["dependant-top-up-maximum", "400000", "2021-01-01"],
    ]);
    const card = await graphql(query, { program: "LEARNING_CARD" });
    const kinds = card.data.eligibilityRules.benefits.map((b: any) => b.kind);
    expect(kinds).toEqual(["TRAINING_VOUCHER", "SELF_PAYMENT", "TRAINING_ALLOWANCE"]);
    const allowanceCard = card.data.eligibilityRules.benefits.find((b: any) => b.kind === "TRAINING_ALLOWANCE");
    expect(allowanceCard.parameters.find((p: any) => p.name === "training-allowance").value).toBe("[5800,116000]");
  });

  it("gives one rulesVersion, derived from content, in the answers and the published criteria", async () => {
    const answer = await graphql(SIM, { c: person, asOf: "2026-06-01" });
    const published = await graphql(`{ eligibilityRules(program: NATIONAL_EMPLOYMENT_SUPPORT, asOf: "2026-06-01") { rulesVersion } }`);
    const version = answer.data.simulatePerson.nationalEmploymentSupport.eligibility.rulesVersion;
    expect(version).toMatch(/^ness@2026-01-01\+[0-9a-f]{12}$/);
    expect(published.data.eligibilityRules.rulesVersion).toBe(version);
  });
});
