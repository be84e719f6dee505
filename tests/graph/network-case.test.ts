/**
 * Person.networkCase: where a person stands in the Mid-Career Employment Network's chain
 * (career design -> training -> work experience -> placement), checked exactly, for a page of the
 * test population and for a person at each place of the chain, against the seeded histories: the
 * test places each person from the generators' records (tests/setup/population.ts), not from the
 * timeline the graph answers.
 *
 * A stage is reached on the first day of any of:
 *   CAREER_DESIGN    a career design session at a Mid-Career Tomorrow Center, a NESS Individual
 *                    Action Plan set with the counsellor, or the guarantee's career design phase
 *   TRAINING         a training course entered with the Tomorrow Learning Card
 *   WORK_EXPERIENCE  a mid-career work experience placement that has started (not one only planned)
 *   PLACEMENT        a job placement through the guarantee, or a NESS employment success allowance paid
 */
import { describe, expect, inject, it } from "vitest";
import { graphql, skipReason } from "../setup/graphql";
import { firstPerson, programRecordsOf, type PersonWithRecords } from "../setup/population";
import { syntheticPerson } from "../../subgraphs/kit/synthetic/person";

const CHAIN = ["CAREER_DESIGN", "TRAINING", "WORK_EXPERIENCE", "PLACEMENT"] as const;
type Stage = (typeof CHAIN)[number];

/** The programs that offer each next stage, in order of preference. */
const OFFERED_BY: Record<Stage, string[]> = {
  CAREER_DESIGN: ["JOB_SEARCH_GUARANTEE", "NATIONAL_EMPLOYMENT_SUPPORT"],
  TRAINING: ["LEARNING_CARD"],
  WORK_EXPERIENCE: ["MID_CAREER_SUPPORT"],
  PLACEMENT: ["JOB_SEARCH_GUARANTEE", "NATIONAL_EMPLOYMENT_SUPPORT"],
};

const earliest = (dates: (string | null | undefined)[]): string | null => dates.filter((d): d is string => Boolean(d)).sort()[0] ?? null;

/** The first day each stage was reached, from the person's records in every program. */
function stagesOf({ ness, jsg, mc, lc }: PersonWithRecords): Record<Stage, string | null> {
  return {
    CAREER_DESIGN: earliest([
      ...mc.sessions.map((s) => s.held_on),
      ...ness.enrollments.map((e) => e.iap_set_on),
      ...jsg.phases.filter((ph) => ph.phase === "CAREER_DESIGN").map((ph) => ph.started_on),
    ]),
    TRAINING: earliest(lc.enrollments.map((e) => e.enrolled_on)),
    WORK_EXPERIENCE: earliest(mc.placements.filter((p) => p.status !== "PLANNED").map((p) => p.started_on)),
    PLACEMENT: earliest([...jsg.placements.map((p) => p.started_on), ...ness.payments.filter((p) => p.kind === "SUCCESS_ALLOWANCE").map((p) => p.paid_on)]),
  };
}

function expectedCase(records: PersonWithRecords) {
  const reached = stagesOf(records);
  const stagesReached = CHAIN.filter((stage) => reached[stage] !== null);
  const stage = stagesReached.at(-1) ?? null;
  const nextStage = stage === null ? CHAIN[0] : (CHAIN[CHAIN.indexOf(stage) + 1] ?? null);
  return { stage, reachedOn: stage ? reached[stage] : null, stagesReached, nextStage };
}

const CASE = `id eligibilitySummary { program eligible } networkCase { stage reachedOn stagesReached nextStage nextProgram nextStep }`;

/** Checks one person's answer against the placement computed from their records. */
function checkCase(node: any): Stage | null {
  const index = Number(node.id.slice(1));
  expect(index).toBeLessThanOrEqual(inject("testPersons"));
  const expected = expectedCase(programRecordsOf(syntheticPerson(index)));
  const { nextProgram, nextStep, ...placement } = node.networkCase;
  expect({ id: node.id, ...placement }).toEqual({ id: node.id, ...expected });
  if (expected.nextStage === null) {
    expect(nextProgram).toBeNull();
    expect(nextStep).toMatch(/^Placed: follow up/);
    return expected.stage;
  }
  // The next program is the first program offering the next stage for which the person is eligible today.
  const eligible = new Set(node.eligibilitySummary.filter((e: any) => e.eligible).map((e: any) => e.program));
  const candidates = OFFERED_BY[expected.nextStage];
  const program = candidates.find((p) => eligible.has(p)) ?? null;
  expect({ id: node.id, nextProgram }).toEqual({ id: node.id, nextProgram: program });
  if (program) expect(nextStep).not.toContain("Not eligible today");
  else expect(nextStep).toContain(`(Not eligible today for ${candidates.join(" or ")}: see eligibilitySummary for the reasons.)`);
  return expected.stage;
}

describe.skipIf(skipReason())("networkCase: the place in the network's chain", () => {
  it("places each of the first 30 persons exactly where their seeded history puts them", async () => {
    const { data, errors } = await graphql(`query NetworkCases { persons(first: 30) { edges { node { ${CASE} } } } }`);
    expect(errors).toBeUndefined();
    expect(data.persons.edges).toHaveLength(30);
    for (const { node } of data.persons.edges) checkCase(node);
  });

  it.each([null, ...CHAIN])("places the first person whose furthest stage is %s", async (stage) => {
    const records = firstPerson(inject("testPersons"), (r) => expectedCase(r).stage === stage, `person at stage ${stage}`);
    const { data, errors } = await graphql(`query NetworkCase($id: ID!) { person(id: $id) { ${CASE} } }`, { id: records.p.id });
    expect(errors).toBeUndefined();
    expect(checkCase(data.person)).toBe(stage);
  });
});
