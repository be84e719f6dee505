/**
 * k-anonymity of the analyst's view, attacked through the real gateway as a determined analyst would:
 * page everyone and group by what is released, count with filters on withheld values, reach the
 * persons left out, read the rules' explanations, and bisect `asOf` inside a 5-year birth band.
 * Every expected level and value comes from the oracle in tests/setup/population.ts, worked out from
 * the synthetic persons (k = 5, the default of ANALYST_MIN_GROUP, which the test stack keeps).
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { graphql, skipReason, type As } from "../setup/graphql";
import { ANALYST_LEVEL_LEFT_OUT, analystLevels, birthBandOf, programRecordsOf, releasedView } from "../setup/population";
import { CENTERS } from "../../platform/reference/centers";
import { loadPseudonymizer, type Pseudonymizer } from "../../platform/security/pseudonym";
import { personId, syntheticPersons, type SyntheticPerson } from "../../subgraphs/kit/synthetic/person";
import { ruleDefinition } from "../../subgraphs/kit/rules/rule";
// The programs' rules, so that ruleDefinition knows them.
import "../../subgraphs/employment-support/rules/rules";
import "../../subgraphs/job-search-guarantee/rules/rules";
import "../../subgraphs/mid-career/rules/rules";
import "../../subgraphs/learning-card/rules/rules";
import { todayInKorea } from "../../platform/dates";

const K = 5;
const analyst: As = { role: "analyst", sub: "analyst-generalisation" };
const PROGRAMS = ["nationalEmploymentSupport", "jobSearchGuarantee", "midCareerSupport", "learningCard"] as const;
const THIS_YEAR = Number(todayInKorea().slice(0, 4));

let pseudonyms: Pseudonymizer;
let population: SyntheticPerson[];
let levels: Map<string, number>;
const levelOf = (p: SyntheticPerson) => levels.get(p.id)!;
const inView = (p: SyntheticPerson) => levelOf(p) < ANALYST_LEVEL_LEFT_OUT;

const PERSON_FIELDS = `id birthYear birthYears { from to } age region centerId center { id } household { size dependants incomeBand assetsBand }`;

/** Every person an analyst can page through, by real id (the test holds the pseudonym key). */
async function pageEveryone(filter: Record<string, unknown> = {}): Promise<Map<string, any>> {
  const seen = new Map<string, any>();
  let after: string | null = null;
  for (;;) {
    const { data, errors }: { data?: any; errors?: unknown[] } = await graphql(
      `query($filter: PersonFilter, $after: String) { persons(filter: $filter, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${PERSON_FIELDS} } } } }`,
      { filter, after },
      { as: analyst },
    );
    expect(errors).toBeUndefined();
    for (const edge of data.persons.edges) seen.set(pseudonyms.personId(edge.node.id)!, edge.node);
    if (!data.persons.pageInfo.hasNextPage) {
      expect(data.persons.totalCount).toBe(seen.size);
      return seen;
    }
    after = data.persons.pageInfo.endCursor;
  }
}

async function totalCount(filter: Record<string, unknown>): Promise<number> {
  const { data, errors } = await graphql(`query($filter: PersonFilter) { persons(filter: $filter, first: 0) { totalCount } }`, { filter }, { as: analyst });
  expect(errors).toBeUndefined();
  return data.persons.totalCount;
}

describe.skipIf(skipReason())("the analyst's view is k-anonymous", () => {
  beforeAll(async () => {
    pseudonyms = await loadPseudonymizer();
    population = syntheticPersons(inject("testPersons"));
    levels = analystLevels(population.length, K);
  });

  it("the test population exercises every level from 2 to 6", () => {
    const perLevel = [0, 1, 2, 3, 4, 5, 6].map((l) => population.filter((p) => levelOf(p) === l).length);
    for (const level of [2, 3, 4, 5, 6]) expect(perLevel[level], `persons at level ${level}`).toBeGreaterThan(0);
  });

  it("pages everyone in the view, each with exactly what their level releases, in groups of at least k", async () => {
    const seen = await pageEveryone();
    expect(seen.size).toBe(population.filter(inView).length);
    const groups = new Map<string, number>();
    for (const p of population) {
      const node = seen.get(p.id);
      if (!inView(p)) {
        expect(node, `${p.id} is left out`).toBeUndefined();
        continue;
      }
      const expected = releasedView(p, levelOf(p));
      const released = {
        birthYear: node.birthYear, birthYears: node.birthYears, region: node.region, centerId: node.centerId,
        size: node.household.size, incomeBand: node.household.incomeBand, assetsBand: node.household.assetsBand,
      };
      expect(released, p.id).toEqual(expected);
      // Derived fields follow what they derive from.
      expect(node.age).toBe(expected.birthYear === null ? null : THIS_YEAR - expected.birthYear);
      expect(node.center?.id ?? null).toBe(expected.centerId);
      expect(node.household.dependants === null).toBe(expected.size === null);
      const key = JSON.stringify(released);
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    expect(Math.min(...groups.values())).toBeGreaterThanOrEqual(K);
  });

  it("filters match released values only: no count recovers a withheld center or birth year", async () => {
    const withheldCenter = population.find((p) => levelOf(p) === 4 || levelOf(p) === 5)!;
    const center = withheldCenter.centerId;
    expect(await totalCount({ centerId: center })).toBe(population.filter((p) => p.centerId === center && levelOf(p) < 4).length);
    const inCenter = await pageEveryone({ centerId: center });
    expect(inCenter.has(withheldCenter.id)).toBe(false);

    expect(await totalCount({ region: withheldCenter.region })).toBe(population.filter((p) => p.region === withheldCenter.region && inView(p)).length);

    // A level-5 person: one age selects birth years exactly, so only persons whose year is released.
    const banded = population.find((p) => levelOf(p) === 5 && Number(p.birthDate.slice(0, 4)) % 5 !== 0)!;
    const year = Number(banded.birthDate.slice(0, 4));
    const age = THIS_YEAR - year;
    expect(await totalCount({ minAge: age, maxAge: age })).toBe(population.filter((p) => levelOf(p) < 5 && Number(p.birthDate.slice(0, 4)) === year).length);
    // Ages covering the whole band: persons of the band whose year is released, and those with the band only.
    const band = birthBandOf(year);
    const wholeBand = await totalCount({ minAge: THIS_YEAR - band.to, maxAge: THIS_YEAR - band.from });
    expect(wholeBand).toBe(population.filter((p) => inView(p) && birthBandOf(Number(p.birthDate.slice(0, 4))).from === band.from).length);
    // Ages covering all but one year of the band: none of the band-only persons.
    const partial = await totalCount({ minAge: THIS_YEAR - band.to, maxAge: THIS_YEAR - band.from - 1 });
    expect(partial).toBe(population.filter((p) => levelOf(p) < 5 && Number(p.birthDate.slice(0, 4)) > band.from && Number(p.birthDate.slice(0, 4)) <= band.to).length);
  });

  it("does not reach the persons left out: same error as an id that names nobody, and no count includes them", async () => {
    const leftOut = population.filter((p) => !inView(p)).slice(0, 3);
    expect(leftOut.length).toBeGreaterThan(0);
    const answer = async (id: string) => {
      const { data, errors } = await graphql(`query($id: ID!) { person(id: $id) { id birthYears { from } nationalEmploymentSupport { currentEligibility { eligible } } } }`, { id }, { as: analyst });
      expect(data?.person ?? null).toBeNull();
      return errors?.map((e) => ({ code: e.extensions?.code, message: e.message, argumentName: e.extensions?.argumentName }));
    };
    const nobody = await answer(pseudonyms.pseudonym(personId(99_999_999)));
    expect(nobody?.[0]?.code).toBe("BAD_USER_INPUT");
    expect(await answer(personId(1))).toEqual(nobody);
    for (const p of leftOut) expect(await answer(pseudonyms.pseudonym(p.id)), p.id).toEqual(nobody);
    expect(await totalCount({})).toBe(population.filter(inView).length);
  });

  it("explanations carry no withheld value, at any level", async () => {
    const query = `query($id: ID!) { person(id: $id) { ${PROGRAMS.map((p) => `${p} { currentEligibility { reasons { rule passed observed threshold description } } }`).join(" ")} } }`;
    for (const level of [1, 2, 3, 4, 5]) {
      const sample = population.filter((p) => levelOf(p) === level).slice(0, 3);
      for (const p of sample) {
        const { data, errors } = await graphql(query, { id: pseudonyms.pseudonym(p.id) }, { as: analyst });
        expect(errors).toBeUndefined();
        const full = releasedView(p, 0);
        // Every outcome but the revenue band's (KRW 0-99,999,999 is also an assets band, of another amount).
        const text = JSON.stringify(PROGRAMS.map((program) => data.person[program].currentEligibility.reasons.filter((r: any) => ruleDefinition(r.rule)?.observedKind !== "revenue")));
        if (level >= 1) expect(text, `${p.id} assets band`).not.toContain(full.assetsBand!);
        if (level >= 4) expect(text, `${p.id} center`).not.toContain(`"${p.centerId}"`);
        for (const program of PROGRAMS) {
          for (const reason of data.person[program].currentEligibility.reasons) {
            const rule = ruleDefinition(reason.rule)!;
            const where = `${p.id} level ${level} ${reason.rule}`;
            if (rule.observedKind === "assets" && level >= 1) expect(reason.observed, where).toBeNull();
            if (rule.observedKind === "income" && level >= 2) expect(reason.observed, where).toBeNull();
            if (rule.observedKind === "center" && level >= 4) expect(reason.observed, where).toBeNull();
            // A threshold read from the median-income table for the household's size would tell the size.
            if (rule.parameters.includes("standard-median-income") && level >= 3) expect(reason.threshold, where).toBeNull();
            if (rule.observedKind === "age" && level >= 5) {
              const band = birthBandOf(Number(p.birthDate.slice(0, 4)));
              expect(reason.observed, where).toBe(`${THIS_YEAR - band.to}-${THIS_YEAR - band.from}`);
            }
            if (reason.observed === null) expect(reason.description, where).toBe(`${rule.description} ${reason.passed ? "Met" : "Not met"}.`);
          }
        }
      }
    }
  });

  it("program histories do not name a withheld center: record center ids, session providers, event texts", async () => {
    const HISTORY = `query($id: ID!) { person(id: $id) {
      nationalEmploymentSupport { enrollments { centerId } events { description } }
      jobSearchGuarantee { participations { centerId } events { description } }
      midCareerSupport { careerDesignSessions { provider } events { description } }
      timeline { description } } }`;
    const withHistory = (p: SyntheticPerson) => {
      const r = programRecordsOf(p);
      return r.ness.enrollments.length > 0 || r.jsg.participations.length > 0 || r.mc.sessions.length > 0;
    };
    const cases = [
      ...population.filter((p) => levelOf(p) >= 4 && inView(p) && withHistory(p)).slice(0, 4),
      ...population.filter((p) => levelOf(p) < 4 && withHistory(p)).slice(0, 2),
    ];
    expect(cases.filter((p) => levelOf(p) >= 4).length).toBeGreaterThan(0);
    for (const p of cases) {
      const { data, errors } = await graphql(HISTORY, { id: pseudonyms.pseudonym(p.id) }, { as: analyst });
      expect(errors).toBeUndefined();
      const r = programRecordsOf(p);
      const center = CENTERS.find((c) => c.id === p.centerId)!;
      const place = center.name.replace(/ Employment Center$/, "");
      const text = JSON.stringify(data);
      const withheld = levelOf(p) >= 4;
      expect(data.person.nationalEmploymentSupport.enrollments.map((e: any) => e.centerId)).toEqual(r.ness.enrollments.map(() => (withheld ? null : p.centerId)));
      expect(data.person.jobSearchGuarantee.participations.map((x: any) => x.centerId)).toEqual(r.jsg.participations.map(() => (withheld ? null : p.centerId)));
      if (withheld) {
        expect(text, p.id).not.toContain(p.centerId);
        expect(text, p.id).not.toContain(place);
        for (const s of data.person.midCareerSupport.careerDesignSessions) expect(s.provider).toBe("(center withheld) Mid-Career Tomorrow Center");
      } else if (r.mc.sessions.length > 0) {
        expect(data.person.midCareerSupport.careerDesignSessions[0].provider).toContain(place);
      }
    }
  });

  it("asOf cannot be bisected to a birth year inside the band: every person of a band gets the same age outcomes on every date", async () => {
    // Two level-5 persons of one band, born in different years of it.
    const banded = population.filter((p) => levelOf(p) === 5);
    let pair: [SyntheticPerson, SyntheticPerson] | null = null;
    for (const a of banded) {
      const b = banded.find((x) => birthBandOf(Number(x.birthDate.slice(0, 4))).from === birthBandOf(Number(a.birthDate.slice(0, 4))).from && x.birthDate.slice(0, 4) !== a.birthDate.slice(0, 4));
      if (b) {
        pair = [a, b];
        break;
      }
    }
    expect(pair).not.toBeNull();
    const band = birthBandOf(Number(pair![0].birthDate.slice(0, 4)));
    // Every year in which a person of the band turns 15 (NESS minimum) or 69 (NESS maximum) and
    // learning-card ages, on 1 January and mid-year: a bisection would look exactly there.
    const years = [...new Set([15, 34, 35, 40, 45, 50, 60, 65, 69, 70, 75].flatMap((age) => [0, 1, 2, 3, 4, 5].map((d) => band.from + age + d)))].filter((y) => y >= 2021 && y <= 2030);
    const dates = years.flatMap((y) => [`${y}-01-01`, `${y}-07-01`]);
    const fields = dates.map((date, i) => `d${i}: eligibility(asOf: "${date}") { reasons { rule passed observed threshold } }`).join(" ");
    const query = `query($id: ID!) { person(id: $id) { nationalEmploymentSupport { ${fields} } learningCard { ${fields} } midCareerSupport { ${fields} } } }`;
    const outcomes = async (p: SyntheticPerson) => {
      const { data, errors } = await graphql(query, { id: pseudonyms.pseudonym(p.id) }, { as: analyst });
      expect(errors).toBeUndefined();
      return ["nationalEmploymentSupport", "learningCard", "midCareerSupport"].flatMap((program) =>
        dates.flatMap((date, i) =>
          (data.person[program][`d${i}`].reasons as any[])
            .filter((r) => ruleDefinition(r.rule)?.observedKind === "age")
            .map((r) => ({ date, ...r, observed: r.rule === "ness.youth" ? null : r.observed })),
        ),
      );
    };
    const [a, b] = await Promise.all(pair!.map(outcomes));
    expect(a.length).toBeGreaterThan(0);
    // The youth rule also reads months of military service, which differ between persons: compare its passed only where it does not.
    expect(a.filter((r) => r.rule !== "ness.youth")).toEqual(b.filter((r) => r.rule !== "ness.youth"));
    // And an age outcome moves only on 1 January of a year counted from the band's first year.
    const nessAge = a.filter((r) => r.rule === "ness.age");
    for (const r of nessAge) {
      const [min, max] = String(r.threshold).split("-").map(Number);
      const ageFromBand = Number(r.date.slice(0, 4)) - band.from;
      expect(r.passed, r.date).toBe(ageFromBand >= min && ageFromBand <= max);
      expect(r.observed).toBe(`${Number(r.date.slice(0, 4)) - band.to}-${ageFromBand}`);
    }
  });
});
