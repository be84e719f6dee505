/**
 * The population's answers for an analyst cannot be moved day by day to find birthdays: ages are the
 * age reached in asOf's year (a birth year, never a birthday), and the rules run on the first day
 * of asOf's month (a reform dated inside a month, on the next month's first day), as in the
 * analyst's person-level view. Counsellors keep
 * exact dates. The oracle counts the synthetic persons directly.
 */
import { describe, expect, inject, it } from "vitest";
import { graphql, NETWORK_COUNSELLOR, skipReason, type As } from "../setup/graphql";
import { syntheticPersons } from "../../subgraphs/kit/synthetic/person";
import { addMonths, ageOn, todayInKorea } from "../../platform/dates";

const ANALYST: As = { role: "analyst", sub: "analyst-birthdays" };
const PROGRAMS = ["NATIONAL_EMPLOYMENT_SUPPORT", "JOB_SEARCH_GUARANTEE", "MID_CAREER_SUPPORT", "LEARNING_CARD"] as const;
const month = todayInKorea().slice(0, 7);
const first = `${month}-01`;
const late = `${month}-28`;

const persons = async (as: As, asOf: string, age: number) =>
  (await graphql(`{ statistics(filter: { minAge: ${age}, maxAge: ${age} }, asOf: "${asOf}") { persons } }`, undefined, { as })).data.statistics.persons as number;
const eligible = async (as: As, asOf: string, program: string) =>
  (await graphql(`{ statistics(asOf: "${asOf}") { eligibility(program: ${program}) { eligible { count } } } }`, undefined, { as })).data.statistics.eligibility.eligible.count as number;

describe.skipIf(skipReason())("statistics and birthdays", () => {
  it("an age filter moved day by day counts whole birth years for an analyst, birthdays for a counsellor", async () => {
    const people = syntheticPersons(inject("testPersons"));
    const year = Number(month.slice(0, 4));
    // An age whose exact count changes between the month's first and 28th day (a birthday in between), with at least 10 persons.
    const age = [...Array(60).keys()].map((a) => a + 20).find((a) => {
      const on = (d: string) => people.filter((p) => ageOn(p.birthDate, d) === a).length;
      return on(first) !== on(late) && Math.min(on(first), on(late)) >= 10;
    })!;
    expect(age).toBeDefined();
    const byYear = people.filter((p) => year - Number(p.birthDate.slice(0, 4)) === age).length;
    expect(await persons(ANALYST, first, age)).toBe(byYear);
    expect(await persons(ANALYST, late, age)).toBe(byYear);
    expect(await persons(NETWORK_COUNSELLOR, first, age)).toBe(people.filter((p) => ageOn(p.birthDate, first) === age).length);
    expect(await persons(NETWORK_COUNSELLOR, late, age)).toBe(people.filter((p) => ageOn(p.birthDate, late) === age).length);
  });

  it("eligibility moved day by day within a month does not change for an analyst, where the exact answer does", async () => {
    let moved = 0;
    for (const program of PROGRAMS) {
      const exact = [await eligible(NETWORK_COUNSELLOR, first, program), await eligible(NETWORK_COUNSELLOR, late, program)];
      if (exact[0] !== exact[1]) moved++;
      expect(await eligible(ANALYST, late, program)).toBe(await eligible(ANALYST, first, program));
    }
    // The attack has something to find: some program's exact answer moves inside the month.
    expect(moved).toBeGreaterThan(0);
  });

  it("a reform dated inside a month is evaluated on the next month's first day for an analyst", async () => {
    const change = `{ program: LEARNING_CARD, parameter: "age-limit", value: 60, from: "${late}" }`;
    const { data, errors } = await graphql(`{ statistics(asOf: "${first}") { reform(changes: [${change}]) { evaluatedOn } } }`, undefined, { as: ANALYST });
    expect(errors).toBeUndefined();
    expect(data.statistics.reform.evaluatedOn).toBe(addMonths(first, 1));
    const exact = await graphql(`{ statistics(asOf: "${first}") { reform(changes: [${change}]) { evaluatedOn } } }`, undefined, { as: NETWORK_COUNSELLOR });
    expect(exact.data.statistics.reform.evaluatedOn).toBe(late);
  });
});
