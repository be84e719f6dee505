/** Coherence of the Job Search Guarantee Package's synthetic records (pure record function, first 2,000 persons). */
import { describe, expect, it } from "vitest";
import { addDays, addMonths, ageOn } from "../platform/dates";
import { CENTERS } from "../platform/reference/centers";
import { SYNTHETIC_AS_OF, syntheticPersons } from "../subgraphs/kit/synthetic/person";
import { GUARANTEE_CENTERS, guaranteeSince } from "../subgraphs/job-search-guarantee/centers";
import { guaranteeParameters } from "../subgraphs/job-search-guarantee/rules/evaluate";
import {
  CAREER_DESIGN_SESSION_MINUTES,
  FOLLOW_UP_MONTHS,
  MIN_AGE_AT_START,
  MONTHLY_WAGE_RANGE,
  PHASE_PLAN,
  SERVICE_PHASES,
  WAGE_STEP,
  jobSearchGuaranteeRecordsFor,
} from "../subgraphs/job-search-guarantee/seed";

const persons = syntheticPersons(2000);
const records = persons.map((person) => ({ person, ...jobSearchGuaranteeRecordsFor(person) }));
const participations = records.flatMap((r) => r.participations);
const phases = records.flatMap((r) => r.phases);
const placements = records.flatMap((r) => r.placements);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

describe("job-search-guarantee centers", () => {
  it("has 6 pilot centers from 2022-08-19 and 24 from 2023-06-28 (the published sources Names [N]), all real CENTERS ids", () => {
    expect(GUARANTEE_CENTERS.filter((c) => c.cohort === "PILOT_2022").map((c) => c.since)).toEqual(Array(6).fill("2022-08-19"));
    expect(GUARANTEE_CENTERS.filter((c) => c.cohort === "EXPANSION_2023").map((c) => c.since)).toEqual(Array(18).fill("2023-06-28"));
    expect(GUARANTEE_CENTERS.filter((c) => c.since <= "2023-06-28")).toHaveLength(24);
    expect(GUARANTEE_CENTERS).toHaveLength(CENTERS.length);
    expect(new Set(GUARANTEE_CENTERS.map((c) => c.centerId))).toEqual(new Set(CENTERS.map((c) => c.id)));
  });

  it("agrees with the participating-centers parameter the eligibility rule reads, on every start date", () => {
    for (const [date, ids] of guaranteeParameters.get("participating-centers").values) {
      const running = GUARANTEE_CENTERS.filter((c) => c.since <= date).map((c) => c.centerId);
      expect(new Set(running)).toEqual(new Set(ids as string[]));
    }
  });
});

describe("job-search-guarantee seed", () => {
  it("is deterministic", () => {
    for (const person of persons.slice(0, 500)) expect(jobSearchGuaranteeRecordsFor(person)).toEqual(jobSearchGuaranteeRecordsFor(person));
  });

  it("takes part only unemployed persons at a participating center, about 12%, benefit recipients about twice as often", () => {
    const eligible = persons.filter((p) => p.employmentStatus === "UNEMPLOYED" && guaranteeSince(p.centerId));
    const joined = records.filter((r) => r.participations.length > 0);
    for (const { person } of joined) {
      expect(person.employmentStatus).toBe("UNEMPLOYED");
      expect(guaranteeSince(person.centerId)).not.toBeNull();
    }
    const share = joined.length / eligible.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.16);
    const rate = (benefit: boolean) =>
      joined.filter((r) => r.person.receivingUnemploymentBenefit === benefit).length / eligible.filter((p) => p.receivingUnemploymentBenefit === benefit).length;
    expect(rate(true) / rate(false)).toBeGreaterThan(1.3);
    expect(rate(true) / rate(false)).toBeLessThan(3.2);
  });

  it("gives unique, stable ids and keeps every row with its person", () => {
    const ids = participations.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(placements.map((p) => p.id)).size).toBe(placements.length);
    for (const { person, participations: mine, phases: myPhases, placements: myPlacements } of records) {
      mine.forEach((p, i) => expect(p.id).toBe(`JSG-${person.id}-${i + 1}`));
      for (const row of [...mine, ...myPhases, ...myPlacements]) expect(row.person_id).toBe(person.id);
      for (const p of mine) {
        expect(p.center_id).toBe(person.centerId);
        expect(p.unemployment_benefit_at_start).toBe(person.receivingUnemploymentBenefit);
      }
    }
  });

  it("starts no earlier than the center's start date and the minimum age, and before the snapshot date", () => {
    for (const { person, participations: mine } of records) {
      for (const p of mine) {
        expect(p.started_on).toMatch(ISO);
        expect(p.started_on >= guaranteeSince(p.center_id)!).toBe(true);
        expect(guaranteeParameters.at<string[]>("participating-centers", p.started_on)).toContain(p.center_id);
        expect(p.started_on < SYNTHETIC_AS_OF).toBe(true);
        expect(ageOn(person.birthDate, p.started_on)).toBeGreaterThanOrEqual(MIN_AGE_AT_START);
      }
      // Participations never overlap; only the last may be active.
      for (let i = 1; i < mine.length; i++) {
        expect(mine[i - 1].ended_on).not.toBeNull();
        expect(mine[i].started_on > mine[i - 1].ended_on!).toBe(true);
      }
    }
  });

  it("has phases in order DIAGNOSIS -> CAREER_DESIGN -> JOB_SUPPORT with no gap or overlap, and a consistent status", () => {
    for (const p of participations) {
      const mine = phases.filter((ph) => ph.participation_id === p.id);
      expect(mine.length).toBeGreaterThanOrEqual(1);
      expect(mine.map((ph) => ph.phase)).toEqual(SERVICE_PHASES.slice(0, mine.length));
      expect(mine[0].started_on).toBe(p.started_on);
      mine.forEach((ph, i) => {
        expect(ph.started_on <= SYNTHETIC_AS_OF).toBe(true);
        if (ph.ended_on !== null) {
          expect(ph.ended_on >= ph.started_on).toBe(true);
          expect(ph.ended_on < SYNTHETIC_AS_OF).toBe(true);
        }
        if (i > 0) expect(ph.started_on).toBe(addDays(mine[i - 1].ended_on!, 1));
        if (i < mine.length - 1) expect(ph.ended_on).not.toBeNull();
        const plan = PHASE_PLAN[ph.phase];
        expect(ph.sessions).toBeGreaterThanOrEqual(1);
        expect(ph.sessions).toBeLessThanOrEqual(plan.sessions[1]);
        expect(ph.note).toBe(plan.note(ph.sessions));
      });
      const last = mine[mine.length - 1];
      if (p.status === "ACTIVE") {
        expect(p.ended_on).toBeNull();
        expect(last.ended_on).toBeNull();
        expect(p.current_phase).toBe(last.phase);
      } else {
        expect(last.ended_on).not.toBeNull();
        expect(p.ended_on).toBe(last.ended_on);
        if (p.status === "COMPLETED") {
          expect(mine).toHaveLength(3);
          const inFollowUp = SYNTHETIC_AS_OF <= addMonths(p.ended_on!, FOLLOW_UP_MONTHS);
          expect(p.current_phase).toBe(inFollowUp ? "FOLLOW_UP" : "CLOSED");
        } else {
          expect(p.status).toBe("DROPPED");
          expect(p.current_phase).toBe("CLOSED");
        }
      }
    }
    expect(PHASE_PLAN.CAREER_DESIGN.note(3)).toContain(`about ${CAREER_DESIGN_SESSION_MINUTES} minutes`);
    expect(new Set(participations.map((p) => p.status))).toEqual(new Set(["ACTIVE", "COMPLETED", "DROPPED"]));
  });

  it("places about 45% of completed participations, once, after job support began and before the snapshot date", () => {
    const completed = participations.filter((p) => p.status === "COMPLETED");
    for (const placement of placements) {
      const p = participations.find((x) => x.id === placement.participation_id)!;
      expect(p.status).toBe("COMPLETED");
      expect(placement.id).toBe(`${p.id}-J1`);
      const jobSupport = phases.find((ph) => ph.participation_id === p.id && ph.phase === "JOB_SUPPORT")!;
      expect(placement.started_on > jobSupport.started_on).toBe(true);
      expect(placement.started_on < SYNTHETIC_AS_OF).toBe(true);
      expect(CENTERS.find((c) => c.id === p.center_id)!.focusIndustries).toContain(placement.industry);
      const [low, high] = MONTHLY_WAGE_RANGE[placement.employment_type];
      expect(placement.monthly_wage).toBeGreaterThanOrEqual(low);
      expect(placement.monthly_wage).toBeLessThanOrEqual(high);
      expect(placement.monthly_wage % WAGE_STEP).toBe(0);
      expect(placement.employer.length).toBeGreaterThan(0);
    }
    expect(new Set(placements.map((p) => p.participation_id)).size).toBe(placements.length);
    const share = placements.length / completed.length;
    expect(share).toBeGreaterThan(0.33);
    expect(share).toBeLessThan(0.57);
  });
});
