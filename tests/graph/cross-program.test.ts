/**
 * The single cross-program query through the real gateway: one person's record and history from
 * all four programs, checked field by field against the deterministic generators; the 100-person
 * page's SQL statement count; and partial data when a program's subgraph is down.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { graphql, resetStatements, skipReason, statementsPerTable } from "../setup/graphql";
import { syntheticPerson } from "../../subgraphs/kit/synthetic/person";
import { CENTERS } from "../../platform/reference/centers";
import { ageOn, todayInKorea } from "../../platform/dates";
import { trainingCourse } from "../../subgraphs/learning-card/seed";
import { nessRecordsFor } from "../../subgraphs/employment-support/seed";
import { personInAllPrograms } from "../setup/population";
import { freePort } from "../../scripts/stack";
import { startGateway, type RunningGateway } from "../../gateway/server";
import { gatewayConfigFromEnv } from "../../gateway/config";

const PERSON_QUERY = `query Person($id: ID!) {
  person(id: $id) {
    id name age center { id name }
    nationalEmploymentSupport { enrollments { id track status appliedOn allowancePayments { amount } } totalAllowancePaid }
    jobSearchGuarantee { participations { id status currentPhase phases { phase } placements { employer } } }
    midCareerSupport { careerDesignSessions { id heldOn } workExperiencePlacements { id status startedOn } }
    learningCard { card { id grantTotal used balance } enrollments { id status course { id title } } }
  }
}`;

describe.skipIf(skipReason())("one query across all four programs", () => {
  it("returns the person's record and history from every program, as generated", async () => {
    const { p, ness, jsg, mc, lc } = personInAllPrograms(inject("testPersons"));
    const { data, errors } = await graphql(PERSON_QUERY, { id: p.id });
    expect(errors).toBeUndefined();
    const person = data.person;
    expect(person.name).toBe(p.name);
    expect(person.age).toBe(ageOn(p.birthDate, todayInKorea()));
    expect(person.center).toEqual({ id: p.centerId, name: CENTERS.find((c) => c.id === p.centerId)!.name });

    const byAppliedDesc = [...ness.enrollments].sort((a, b) => b.applied_on.localeCompare(a.applied_on) || b.id.localeCompare(a.id));
    expect(person.nationalEmploymentSupport.enrollments).toEqual(
      byAppliedDesc.map((e) => ({
        id: e.id, track: e.track, status: e.status, appliedOn: e.applied_on,
        allowancePayments: ness.payments.filter((pay) => pay.enrollment_id === e.id).sort((a, b) => a.paid_on.localeCompare(b.paid_on) || a.id.localeCompare(b.id)).map((pay) => ({ amount: pay.amount })),
      })),
    );
    expect(person.nationalEmploymentSupport.totalAllowancePaid).toBe(ness.payments.reduce((s, pay) => s + pay.amount, 0));

    expect(person.jobSearchGuarantee.participations.map((x: any) => x.id).sort()).toEqual(jsg.participations.map((x) => x.id).sort());
    for (const participation of person.jobSearchGuarantee.participations) {
      const row = jsg.participations.find((x) => x.id === participation.id)!;
      expect(participation.status).toBe(row.status);
      expect(participation.currentPhase).toBe(row.current_phase);
      expect(participation.phases.map((ph: any) => ph.phase).sort()).toEqual(jsg.phases.filter((ph) => ph.participation_id === row.id).map((ph) => ph.phase).sort());
      expect(participation.placements.map((pl: any) => pl.employer)).toEqual(jsg.placements.filter((pl) => pl.participation_id === row.id).map((pl) => pl.employer));
    }

    expect(person.midCareerSupport.careerDesignSessions.map((s: any) => s.id).sort()).toEqual(mc.sessions.map((s) => s.id).sort());
    expect(person.midCareerSupport.workExperiencePlacements.map((w: any) => w.id)).toEqual(mc.placements.map((w) => w.id));

    const used = lc.enrollments.filter((e) => e.status !== "DROPPED").reduce((s, e) => s + e.card_charge, 0);
    expect(person.learningCard.card).toEqual({ id: lc.card!.id, grantTotal: lc.card!.grant_total, used, balance: lc.card!.grant_total - used });
    expect(person.learningCard.card.balance).toBeGreaterThanOrEqual(0);
    expect(person.learningCard.enrollments.map((e: any) => [e.id, e.status, e.course.id]).sort()).toEqual(
      lc.enrollments.map((e) => [e.id, e.status, e.course_id]).sort(),
    );
    for (const enrollment of person.learningCard.enrollments) {
      expect(enrollment.course.title).toBe(trainingCourse(Number(enrollment.course.id.slice(3))).title);
    }
  });

  it("runs a 100-person page across all four programs with one SQL statement per table in each subgraph", async () => {
    await resetStatements();
    const { data, errors } = await graphql(`{ persons(first: 100) { edges { node {
      id name center { name }
      nationalEmploymentSupport { enrollments { id allowancePayments { amount } } totalAllowancePaid }
      jobSearchGuarantee { participations { id phases { phase } placements { employer } } }
      midCareerSupport { careerDesignSessions { id } workExperiencePlacements { id } }
      learningCard { card { balance } enrollments { course { title } } }
    } } } }`);
    expect(errors).toBeUndefined();
    expect(data.persons.edges).toHaveLength(100);
    const counts = await statementsPerTable();
    expect(counts).toEqual({
      people: { "people.persons": 1, "people.employment_centers": 1 },
      "employment-support": { "employment_support.enrollments": 1, "employment_support.allowance_payments": 1 },
      "job-search-guarantee": { "job_search_guarantee.participations": 1, "job_search_guarantee.phases": 1, "job_search_guarantee.placements": 1 },
      "mid-career": { "mid_career.career_design_sessions": 1, "mid_career.work_experience_placements": 1 },
      "learning-card": { "learning_card.cards": 1, "learning_card.enrollments": 1, "learning_card.courses": 1 },
      journey: {},
      statistics: {},
    });
  });

  describe("with the learning-card subgraph down", () => {
    let gateway: RunningGateway;
    beforeAll(async () => {
      const deadPort = await freePort(); // nothing listens there
      gateway = await startGateway({
        ...gatewayConfigFromEnv([], {}),
        port: 0,
        subgraphUrls: { ...inject("subgraphUrls"), "learning-card": `http://127.0.0.1:${deadPort}/graphql` },
      });
    });
    afterAll(() => gateway?.stop());

    it("still returns the other programs, with an error whose path names the missing field", async () => {
      const { data, errors } = await graphql(
        `{ person(id: "P00000007") { name nationalEmploymentSupport { totalAllowancePaid } midCareerSupport { careerDesignSessions { id } } learningCard { card { balance } } } }`,
        undefined,
        { url: gateway.url },
      );
      expect(data.person.name).toBe(syntheticPerson(7).name);
      expect(data.person.nationalEmploymentSupport.totalAllowancePaid).toBe(nessRecordsFor(syntheticPerson(7)).payments.reduce((s, p) => s + p.amount, 0));
      expect(data.person.midCareerSupport).not.toBeNull();
      expect(data.person.learningCard).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors![0].path).toEqual(["person", "learningCard"]);
      expect(errors![0].extensions!.code).toBe("SUBGRAPH_UNAVAILABLE");
      expect(errors![0].extensions!.serviceName).toBe("learning-card");
    });

    it("keeps serving: the next request without that program succeeds", async () => {
      const { data, errors } = await graphql(`{ person(id: "P00000007") { id } }`, undefined, { url: gateway.url });
      expect(errors).toBeUndefined();
      expect(data.person.id).toBe("P00000007");
    });
  });
});
