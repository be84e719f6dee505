/**
 * k-anonymity by local recoding (subgraphs/kit/security/generalisation.ts) on a population made by
 * hand, whose levels are worked out below person by person.
 */
import { describe, expect, it } from "vitest";
import { analystMinGroup, birthYearBand, generalisationLevels, releasedKey, type QuasiIdentifiers } from "../../subgraphs/kit/security/generalisation";

const q = (birthYear: number, centerId: string, region: string, householdSize: number, incomeBand: string, assetsBand: string): QuasiIdentifiers => ({
  birthYear, centerId, region, householdSize, incomeBand, assetsBand,
});

/**
 * With k = 2:
 * - A, B share everything: level 0.
 * - C, D differ from each other (and from A, B) only by the assets band: level 1 (A and B, already
 *   at level 0, do not count in a level-1 group: their released tuples differ).
 * - E, F differ by the income band: level 2.
 * - G, H differ by the household size: level 3.
 * - I, J differ by the center, in one region: level 4 (A..H share year and region but are at lower levels).
 * - K (1981) and L (1983) differ by the birth year, in one 5-year band and region: level 5.
 * - M is alone in its band and region: left out (6).
 */
const POPULATION: [string, QuasiIdentifiers, number][] = [
  ["A", q(1980, "c1", "R1", 2, "I1", "A1"), 0],
  ["B", q(1980, "c1", "R1", 2, "I1", "A1"), 0],
  ["C", q(1980, "c1", "R1", 2, "I1", "A2"), 1],
  ["D", q(1980, "c1", "R1", 2, "I1", "A3"), 1],
  ["E", q(1980, "c1", "R1", 2, "I2", "A1"), 2],
  ["F", q(1980, "c1", "R1", 2, "I3", "A1"), 2],
  ["G", q(1980, "c1", "R1", 3, "I1", "A1"), 3],
  ["H", q(1980, "c1", "R1", 4, "I1", "A1"), 3],
  ["I", q(1980, "c2", "R1", 1, "I1", "A1"), 4],
  ["J", q(1980, "c3", "R1", 1, "I1", "A1"), 4],
  ["K", q(1981, "c4", "R2", 1, "I1", "A1"), 5],
  ["L", q(1983, "c5", "R2", 2, "I2", "A2"), 5],
  ["M", q(1990, "c1", "R1", 1, "I1", "A1"), 6],
];

describe("generalisation levels", () => {
  it("gives each person the lowest level at which their released tuple is shared by k persons", () => {
    const levels = generalisationLevels(POPULATION.map(([, p]) => p), 2);
    expect(Object.fromEntries(POPULATION.map(([name], i) => [name, levels[i]]))).toEqual(Object.fromEntries(POPULATION.map(([name, , level]) => [name, level])));
  });

  it("does not depend on the order of the persons", () => {
    const reversed = [...POPULATION].reverse();
    const levels = generalisationLevels(reversed.map(([, p]) => p), 2);
    expect(levels).toEqual(reversed.map(([, , level]) => level));
  });

  it("with k = 3, worked out again", () => {
    // Level 0: no tuple reaches 3. Level 1: A, B, C, D share (1980, c1, 2, I1): 4. Level 2: E, F share
    // (1980, c1, 2): 2; G, H alone. Level 3: E, F, G, H share (1980, c1): 4. Level 4: I, J share
    // (1980, R1): 2. Level 5: I, J (1980-1984, R1) 2, K, L (1980-1984, R2) 2, M alone: all left out.
    const levels = generalisationLevels(POPULATION.map(([, p]) => p), 3);
    expect(levels).toEqual([1, 1, 1, 1, 3, 3, 3, 3, 6, 6, 6, 6, 6]);
  });

  it("releases everything when k is 1, and refuses a k under 1", () => {
    expect(generalisationLevels(POPULATION.map(([, p]) => p), 1).every((l) => l === 0)).toBe(true);
    expect(generalisationLevels([], 5)).toEqual([]);
    expect(() => generalisationLevels([], 0)).toThrow(RangeError);
  });

  it("released tuples of different levels never coincide, and the band is five years", () => {
    const p = POPULATION[0][1];
    const keys = [0, 1, 2, 3, 4, 5].map((level) => releasedKey(p, level));
    expect(new Set(keys).size).toBe(6);
    expect(releasedKey(p, 6)).toBeNull();
    expect(birthYearBand(1983)).toEqual({ from: 1980, to: 1984 });
    expect(birthYearBand(1985)).toEqual({ from: 1985, to: 1989 });
  });

  it("reads k from ANALYST_MIN_GROUP, 5 by default", () => {
    expect(analystMinGroup({})).toBe(5);
    expect(analystMinGroup({ ANALYST_MIN_GROUP: "10" })).toBe(10);
    expect(() => analystMinGroup({ ANALYST_MIN_GROUP: "0" })).toThrow();
    expect(() => analystMinGroup({ ANALYST_MIN_GROUP: "2.5" })).toThrow();
  });
});

describe("what the levels withhold from explanations and rules", () => {
  it("withholds the income band from level 2, the threshold by household size from level 3, the age from level 5", async () => {
    const { coarseOutcome } = await import("../../subgraphs/kit/security/explanations");
    const { analystBirthDate } = await import("../../subgraphs/kit/security/analyst-view");
    await import("../../subgraphs/employment-support/rules/rules");
    const income = { rule: "ness.type1.household-income", passed: true, observed: "1360000", threshold: "1538543", description: "exact", source: "s" };
    expect(coarseOutcome(income, { level: 1, birthYear: 1983 }, "2026-03-01")).toMatchObject({ observed: "KRW 1,000,000-1,999,999", threshold: "1538543" });
    expect(coarseOutcome(income, { level: 2, birthYear: 1983 }, "2026-03-01")).toMatchObject({ observed: null, threshold: "1538543" });
    expect(coarseOutcome(income, { level: 3, birthYear: 1983 }, "2026-03-01")).toMatchObject({ observed: null, threshold: null });
    const assets = { rule: "ness.type1.household-assets", passed: true, observed: "325000000", threshold: "400000000", description: "exact", source: "s" };
    expect(coarseOutcome(assets, { level: 0, birthYear: 1983 }).observed).toBe("KRW 300,000,000-399,999,999");
    expect(coarseOutcome(assets, { level: 1, birthYear: 1983 })).toMatchObject({ observed: null, threshold: "400000000" });
    const age = { rule: "ness.age", passed: true, observed: "46", threshold: "15-69", description: "exact", source: "s" };
    expect(coarseOutcome(age, { level: 4, birthYear: 1980 }, "2026-03-01").observed).toBe("46");
    // Level 5: the ages of the band 1980-1984 in the year asked.
    expect(coarseOutcome(age, { level: 5, birthYear: 1980 }, "2026-03-01")).toMatchObject({ observed: "42-46", description: expect.stringMatching(/Met: 42-46\.$/) });
    // The rules run on the birth year's first day, or on the band's.
    expect(analystBirthDate("1983-06-10", 4)).toBe("1983-01-01");
    expect(analystBirthDate("1983-06-10", 5)).toBe("1980-01-01");
  });
});
