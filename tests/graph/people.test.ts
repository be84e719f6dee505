/** The people subgraph through the gateway: persons, centers, paging, filters and bad input. */
import { describe, expect, it } from "vitest";
import { graphql, skipReason } from "../setup/graphql";
import { syntheticPerson, syntheticPersons } from "../../subgraphs/kit/synthetic/person";
import { CENTERS } from "../../platform/reference/centers";
import { ageOn, todayInKorea } from "../../platform/dates";
import { inject } from "vitest";

describe.skipIf(skipReason())("people through the gateway", () => {
  it("returns a person exactly as generated", async () => {
    const expected = syntheticPerson(42);
    const center = CENTERS.find((c) => c.id === expected.centerId)!;
    const { data, errors } = await graphql(`{ person(id: "P00000042") {
      id name birthDate age region
      household { size monthlyIncome assets dependants }
      employment { status workDaysLast24Months monthlyWage }
      center { id name nameKo region focusIndustries }
    } }`);
    expect(errors).toBeUndefined();
    expect(data.person).toEqual({
      id: "P00000042",
      name: expected.name,
      birthDate: expected.birthDate,
      age: ageOn(expected.birthDate, todayInKorea()),
      region: expected.region,
      household: {
        size: expected.householdSize,
        monthlyIncome: expected.householdMonthlyIncome,
        assets: expected.householdAssets,
        dependants: expected.dependants,
      },
      employment: { status: expected.employmentStatus, workDaysLast24Months: expected.workDaysLast24Months, monthlyWage: expected.monthlyWage },
      center: { id: center.id, name: center.name, nameKo: center.nameKo, region: center.region, focusIndustries: center.focusIndustries },
    });
  });

  it("lists the network's centers, with the article's three centers and their industries", async () => {
    const { data } = await graphql(`{ employmentCenters { id illustrative focusIndustries consortiumMembers { kind } } }`);
    expect(data.employmentCenters).toHaveLength(CENTERS.length);
    const gwanak = data.employmentCenters.find((c: any) => c.id === "seoul-gwanak");
    expect(gwanak).toEqual({
      id: "seoul-gwanak",
      illustrative: false,
      focusIndustries: ["IT", "smart manufacturing", "healthcare", "services"],
      consortiumMembers: ["EMPLOYMENT_CENTER", "KOREA_POLYTECHNIC", "LOCAL_GOVERNMENT", "MID_CAREER_TOMORROW_CENTER", "WOMENS_REEMPLOYMENT_CENTER"].map((kind) => ({ kind })),
    });
    expect(data.employmentCenters.find((c: any) => c.id === "gumi").focusIndustries).toEqual(["electrical", "electronics", "mechanical", "healthcare"]);
  });

  it("pages through a filtered list with Relay cursors and the exact total", async () => {
    const all = syntheticPersons(inject("testPersons"));
    const today = todayInKorea();
    const matching = all.filter((p) => p.centerId === "gumi" && ageOn(p.birthDate, today) >= 50 && ageOn(p.birthDate, today) <= 59);
    const query = `query($after: String) { persons(first: 5, after: $after, filter: { centerId: "gumi", minAge: 50, maxAge: 59 }) {
      totalCount edges { cursor node { id age } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const first = await graphql(query);
    expect(first.errors).toBeUndefined();
    expect(first.data.persons.totalCount).toBe(matching.length);
    expect(first.data.persons.edges.map((e: any) => e.node.id)).toEqual(matching.slice(0, 5).map((p) => p.id));
    expect(first.data.persons.pageInfo.hasPreviousPage).toBe(false);
    expect(first.data.persons.pageInfo.hasNextPage).toBe(matching.length > 5);
    const second = await graphql(query, { after: first.data.persons.pageInfo.endCursor });
    expect(second.data.persons.edges.map((e: any) => e.node.id)).toEqual(matching.slice(5, 10).map((p) => p.id));
    expect(second.data.persons.pageInfo.hasPreviousPage).toBe(true);
  });

  it("answers an unknown person id with null and no error", async () => {
    const { data, errors } = await graphql(`{ person(id: "P99999999") { id name } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ person: null });
  });

  it.each([
    ["malformed person id", `{ person(id: "42") { id } }`, "id"],
    ["page size over the limit", `{ persons(first: 1000) { totalCount } }`, "first"],
    ["a cursor not made by the field", `{ persons(after: "bm90LWEtY3Vyc29y") { totalCount } }`, "after"],
    ["an impossible age range", `{ persons(filter: { minAge: 60, maxAge: 50 }) { totalCount } }`, "filter.minAge"],
  ])("refuses %s with BAD_USER_INPUT naming the argument", async (_label, query, argumentName) => {
    const { data, errors } = await graphql(query);
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName });
    expect(errors![0].message).toContain(`"${argumentName}"`);
    expect(data === null || Object.values(data ?? {}).every((v) => v === null)).toBe(true);
  });

  it("refuses an unknown filter value with a validation error", async () => {
    const { errors } = await graphql(`{ persons(filter: { region: ATLANTIS }) { totalCount } }`);
    expect(errors![0].extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
