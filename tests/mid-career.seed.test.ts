/** Coherence of the Mid-Career Career Support Program's synthetic records (pure record function, first 2,000 persons). */
import { describe, expect, it } from "vitest";
import { addDays, addMonths, ageOn, daysBetween } from "../platform/dates";
import { CENTERS } from "../platform/reference/centers";
import { SYNTHETIC_AS_OF, syntheticPersons } from "../subgraphs/kit/synthetic/person";
import {
  ALLOWANCE_STEP,
  CAREER_DESIGN_MIN_AGE,
  HOST_MIN_INSURED_STAFF,
  MAX_SESSIONS,
  MIN_WEEKLY_HOURS,
  PILOT_2025_FIRST_START,
  PILOT_2025_LAST_START,
  PLACES_2026_FIRST_START,
  PLANNED_HORIZON_DAYS,
  SESSIONS_FROM,
  SESSION_HOURS,
  TARGET_FIELDS,
  admittedToPlacement,
  midCareerRecordsFor,
  placementWindows,
} from "../subgraphs/mid-career/seed";
import { allowancePaid, type PlacementRow } from "../subgraphs/mid-career/store";

const persons = syntheticPersons(2000);
const records = persons.map((person) => ({ person, ...midCareerRecordsFor(person) }));
const sessions = records.flatMap((r) => r.sessions);
const placements = records.flatMap((r) => r.placements);
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const centerOf = new Map(CENTERS.map((c) => [c.id, c]));

describe("mid-career seed figures", () => {
  it("uses the program's figures (the published sources)", async () => {
    const seed = await import("../subgraphs/mid-career/seed");
    expect(seed.PLACEMENT_AGE_MINIMUM).toBe(50);
    expect(seed.PLACEMENT_AGE_MAXIMUM).toBe(59);
    expect([seed.PLACEMENT_MONTHS_MIN, seed.PLACEMENT_MONTHS_MAX]).toEqual([1, 3]);
    expect(seed.PARTICIPANT_ALLOWANCE_MAX).toBe(1_500_000);
    expect(seed.HOST_SUBSIDY_MONTHLY).toBe(400_000);
    expect(HOST_MIN_INSURED_STAFF).toBe(5);
    expect(MIN_WEEKLY_HOURS).toBe(20);
  });
});

describe("mid-career seed", () => {
  it("is deterministic", () => {
    for (const person of persons) expect(midCareerRecordsFor(person)).toEqual(midCareerRecordsFor(person));
  });

  it("gives unique, stable ids and keeps every row with its person", () => {
    expect(new Set(sessions.map((s) => s.id)).size).toBe(sessions.length);
    expect(new Set(placements.map((p) => p.id)).size).toBe(placements.length);
    for (const { person, sessions: mine, placements: myPlacements } of records) {
      mine.forEach((s, i) => expect(s.id).toBe(`MCD-${person.id}-${i + 1}`));
      myPlacements.forEach((p, i) => expect(p.id).toBe(`MCS-${person.id}-${i + 1}`));
      for (const row of [...mine, ...myPlacements]) expect(row.person_id).toBe(person.id);
    }
  });

  it("holds 1-4 sessions for persons aged 40+ on each session date, in order, 2024-01-01 .. SYNTHETIC_AS_OF", () => {
    for (const { person, sessions: mine } of records) {
      if (mine.length === 0) continue;
      expect(mine.length).toBeGreaterThanOrEqual(1);
      expect(mine.length).toBeLessThanOrEqual(MAX_SESSIONS);
      expect(mine[0].kind).toBe("LIFETIME_CAREER_DESIGN");
      mine.forEach((s, i) => {
        expect(s.held_on).toMatch(ISO);
        expect(s.held_on >= SESSIONS_FROM).toBe(true);
        expect(s.held_on <= SYNTHETIC_AS_OF).toBe(true);
        if (i > 0) expect(s.held_on > mine[i - 1].held_on).toBe(true);
        expect(ageOn(person.birthDate, s.held_on)).toBeGreaterThanOrEqual(CAREER_DESIGN_MIN_AGE);
        const [low, high] = SESSION_HOURS[s.kind];
        expect(s.hours).toBeGreaterThanOrEqual(low);
        expect(s.hours).toBeLessThanOrEqual(high);
        expect(s.provider).toBe(`${centerOf.get(person.centerId)!.name.replace(" Employment Center", "")} Mid-Career Tomorrow Center`);
      });
    }
  });

  it("gives sessions to about 35% of persons aged 40+ and to nobody younger", () => {
    const over40 = records.filter((r) => ageOn(r.person.birthDate, SYNTHETIC_AS_OF) >= CAREER_DESIGN_MIN_AGE);
    const share = over40.filter((r) => r.sessions.length > 0).length / over40.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.4);
    for (const r of records) if (ageOn(r.person.birthDate, SYNTHETIC_AS_OF) < CAREER_DESIGN_MIN_AGE) expect(r.sessions).toEqual([]);
  });

  it("places only admitted persons, aged 50-59 on the start date, at most once, after their first session", () => {
    for (const { person, sessions: mine, placements: myPlacements } of records) {
      expect(myPlacements.length).toBeLessThanOrEqual(1);
      for (const p of myPlacements) {
        expect(person.employmentStatus).toBe("UNEMPLOYED");
        expect(person.receivingUnemploymentBenefit).toBe(false);
        expect(person.newFieldQualification).toBe(true);
        expect(person.targetFieldExperienceMonths).toBe(0);
        const age = ageOn(person.birthDate, p.started_on);
        expect(age).toBeGreaterThanOrEqual(50);
        expect(age).toBeLessThanOrEqual(59);
        if (mine.length > 0) expect(p.started_on > mine[0].held_on).toBe(true);
        const inPilot = p.started_on >= PILOT_2025_FIRST_START && p.started_on <= PILOT_2025_LAST_START;
        const in2026 = p.started_on >= PLACES_2026_FIRST_START && p.started_on <= addDays(SYNTHETIC_AS_OF, PLANNED_HORIZON_DAYS);
        expect(inPilot || in2026).toBe(true);
      }
    }
  });

  it("places about 20% of the admitted persons who could start (wider sample of 20,000)", () => {
    const pool = syntheticPersons(20_000).filter((p) => admittedToPlacement(p) && placementWindows(p, null).length > 0);
    const share = pool.filter((p) => midCareerRecordsFor(p).placements.length > 0).length / pool.length;
    // Below 20% only because a late first career design session can leave no start date (the chain).
    expect(share).toBeGreaterThan(0.14);
    expect(share).toBeLessThan(0.23);
  });

  it("keeps placement figures within the program's rules: host >= 5 staff, >= 20 h/week, allowance <= 1,500,000, subsidy 400,000", () => {
    expect(placements.length).toBeGreaterThan(5);
    for (const p of placements) {
      const person = persons[Number(p.person_id.slice(1)) - 1];
      expect(centerOf.get(person.centerId)!.focusIndustries).toContain(p.industry);
      expect(TARGET_FIELDS).toContain(p.target_field);
      expect(p.host_insured_staff).toBeGreaterThanOrEqual(5);
      expect(p.weekly_hours).toBeGreaterThanOrEqual(20);
      expect(p.weekly_hours).toBeLessThanOrEqual(40);
      expect(p.monthly_allowance).toBeLessThanOrEqual(1_500_000);
      expect(p.monthly_allowance).toBeGreaterThanOrEqual(1_050_000);
      expect(p.monthly_allowance % ALLOWANCE_STEP).toBe(0);
      if (p.status === "PLANNED") expect(p.monthly_allowance).toBe(1_500_000);
      expect(p.host_subsidy_monthly).toBe(400_000);
    }
  });

  it("ends 1-3 months after the start, with the status the dates give on SYNTHETIC_AS_OF", () => {
    const wholeMonths = (p: PlacementRow) => [1, 2, 3].filter((m) => p.ended_on === addDays(addMonths(p.started_on, m), -1));
    for (const p of placements) {
      expect(p.started_on).toMatch(ISO);
      expect(p.ended_on).toMatch(ISO);
      expect(p.ended_on >= addDays(addMonths(p.started_on, 1), -1)).toBe(true);
      expect(p.ended_on <= addDays(addMonths(p.started_on, 3), -1)).toBe(true);
      switch (p.status) {
        case "PLANNED":
          expect(p.started_on > SYNTHETIC_AS_OF).toBe(true);
          expect(wholeMonths(p)).toHaveLength(1);
          break;
        case "IN_PROGRESS":
          expect(p.started_on <= SYNTHETIC_AS_OF).toBe(true);
          expect(p.ended_on >= SYNTHETIC_AS_OF).toBe(true);
          expect(wholeMonths(p)).toHaveLength(1);
          break;
        case "COMPLETED":
          expect(p.ended_on < SYNTHETIC_AS_OF).toBe(true);
          expect(wholeMonths(p)).toHaveLength(1);
          break;
        case "DROPPED":
          expect(p.ended_on < SYNTHETIC_AS_OF).toBe(true);
          // Left in month 2 or 3, before the longest planned end.
          expect(p.ended_on >= addMonths(p.started_on, 1)).toBe(true);
          expect(p.ended_on < addDays(addMonths(p.started_on, 3), -1)).toBe(true);
          break;
        default:
          throw new Error(`unexpected status ${p.status}`);
      }
    }
    const statuses = new Set(placements.map((p) => p.status));
    expect(statuses.has("COMPLETED")).toBe(true);
  });
});

describe("allowancePaid", () => {
  const row = (status: PlacementRow["status"], started_on: string, ended_on: string, monthly_allowance = 1_500_000) => ({
    status, started_on, ended_on, monthly_allowance,
  });

  it("pays every month of a completed placement, nothing of a planned one", () => {
    // Service months of a 2025-01-31 start: 01-31..02-27, 02-28..03-30, 03-31..04-29 (month ends clamp).
    expect(allowancePaid(row("COMPLETED", "2025-04-20", "2025-06-19"), SYNTHETIC_AS_OF)).toBe(3_000_000);
    expect(allowancePaid(row("COMPLETED", "2025-01-31", "2025-04-29", 1_300_000), SYNTHETIC_AS_OF)).toBe(3_900_000);
    expect(allowancePaid(row("PLANNED", "2026-11-10", "2026-12-09"), SYNTHETIC_AS_OF)).toBe(0);
  });

  it("pays the last month of a drop-out pro rata by days, rounded down to the won", () => {
    // Month 1 2026-08-10..09-09 in full; month 2 2026-09-10..10-09 (30 days), 23 days served.
    expect(allowancePaid(row("DROPPED", "2026-08-10", "2026-10-02"), SYNTHETIC_AS_OF)).toBe(1_500_000 + 1_150_000);
    expect(allowancePaid(row("DROPPED", "2026-01-01", "2026-02-10", 1_000_000), SYNTHETIC_AS_OF)).toBe(1_000_000 + Math.floor((1_000_000 * 10) / 28));
  });

  it("pays an in-progress placement only for service months finished before the records' date", () => {
    // Month 1 2026-09-15..10-14 is paid; month 2 2026-10-15..11-14 still runs on 2026-11-01.
    expect(allowancePaid(row("IN_PROGRESS", "2026-09-15", "2026-12-14"), SYNTHETIC_AS_OF)).toBe(1_500_000);
    // Month 1 ends 2026-10-31, the day before the records' date: paid.
    expect(allowancePaid(row("IN_PROGRESS", "2026-10-01", "2026-11-30"), SYNTHETIC_AS_OF)).toBe(1_500_000);
    expect(allowancePaid(row("IN_PROGRESS", "2026-10-20", "2026-11-19"), SYNTHETIC_AS_OF)).toBe(0);
  });

  it("never exceeds the monthly allowance times the months on site, over the seeded placements", () => {
    for (const p of placements) {
      const paid = allowancePaid(p, SYNTHETIC_AS_OF);
      const months = Math.ceil((daysBetween(p.started_on, p.ended_on) + 1) / 28);
      expect(paid).toBeGreaterThanOrEqual(0);
      expect(paid).toBeLessThanOrEqual(p.monthly_allowance * Math.min(3, months));
      if (p.status === "COMPLETED") {
        const m = [1, 2, 3].find((k) => p.ended_on === addDays(addMonths(p.started_on, k), -1))!;
        expect(paid).toBe(p.monthly_allowance * m);
      }
    }
  });
});
