/** Coherence of the NESS synthetic records (pure record function, first 2,000 persons). */
import { describe, expect, it } from "vitest";
import { addMonths, ageOn, daysBetween } from "../platform/dates";
import { SYNTHETIC_AS_OF, syntheticPersons } from "../subgraphs/kit/synthetic/person";
import { nessParameters } from "../subgraphs/employment-support/rules/evaluate";
import { closedOn } from "../subgraphs/employment-support/store";
import {
  DECISION_DAYS,
  IAP_DAYS,
  NESS_START,
  SERVICES_EXTENSION_MONTHS,
  SERVICES_MONTHS,
  nessRecordsFor,
} from "../subgraphs/employment-support/seed";
import { incomeCeiling } from "../subgraphs/kit/rules/median-income";

/** The program's figures, written out here as the independent oracle of the seed (the seed reads them from parameters/). */
const AGE_RANGE = [15, 69] as const;
const YOUTH_MAX_AGE = 34;
const FOLLOW_UP_MONTHS = 3;

const persons = syntheticPersons(2000);
const records = persons.map((person) => ({ person, ...nessRecordsFor(person) }));
const enrollments = records.flatMap((r) => r.enrollments.map((e) => ({ person: r.person, e })));
const payments = records.flatMap((r) => r.payments);
const enrollmentById = new Map(enrollments.map(({ person, e }) => [e.id, { person, e }]));
const ISO = /^\d{4}-\d{2}-\d{2}$/;

describe("employment-support seed", () => {
  it("is deterministic", () => {
    for (const person of persons.slice(0, 500)) expect(nessRecordsFor(person)).toEqual(nessRecordsFor(person));
  });

  it("enrolls about 30% of persons, a few twice", () => {
    const enrolled = records.filter((r) => r.enrollments.length > 0).length;
    expect(enrolled / persons.length).toBeGreaterThan(0.22);
    expect(enrolled / persons.length).toBeLessThan(0.34);
    const twice = records.filter((r) => r.enrollments.length === 2).length;
    expect(twice).toBeGreaterThan(0);
    expect(twice / enrolled).toBeLessThan(0.15);
    expect(records.every((r) => r.enrollments.length <= 2)).toBe(true);
  });

  it("has unique, stable ids and the person's own center", () => {
    expect(new Set(enrollments.map(({ e }) => e.id)).size).toBe(enrollments.length);
    expect(new Set(payments.map((p) => p.id)).size).toBe(payments.length);
    for (const r of records) {
      r.enrollments.forEach((e, i) => {
        expect(e.id).toBe(`NESS-${r.person.id}-${i + 1}`);
        expect(e.person_id).toBe(r.person.id);
        expect(e.center_id).toBe(r.person.centerId);
      });
    }
  });

  it("applies between 2021-01-01 and the snapshot, aged 15-69, on a track that fits the age", () => {
    for (const { person, e } of enrollments) {
      expect(e.applied_on).toMatch(ISO);
      expect(e.applied_on >= NESS_START && e.applied_on <= SYNTHETIC_AS_OF).toBe(true);
      const age = ageOn(person.birthDate, e.applied_on);
      expect(age).toBeGreaterThanOrEqual(AGE_RANGE[0]);
      expect(age).toBeLessThanOrEqual(AGE_RANGE[1]);
      if (e.track === "TYPE_I") expect(["SCREENED", "SELECTED"]).toContain(e.track_route);
      else expect(e.track_route).toBe(age <= YOUTH_MAX_AGE ? "YOUTH" : "MID_CAREER");
    }
  });

  it("orders the dates (only a planned services end may lie after the snapshot): decision 7-30 days after applying, plan 2-5 weeks after, services 12 or 18 months", () => {
    for (const { e } of enrollments) {
      if (e.decided_on) {
        expect(daysBetween(e.applied_on, e.decided_on)).toBeGreaterThanOrEqual(DECISION_DAYS[0]);
        expect(daysBetween(e.applied_on, e.decided_on)).toBeLessThanOrEqual(DECISION_DAYS[1]);
        expect(e.decided_on <= SYNTHETIC_AS_OF).toBe(true);
      }
      if (e.iap_set_on) {
        expect(e.decided_on).not.toBeNull();
        expect(daysBetween(e.decided_on!, e.iap_set_on)).toBeGreaterThanOrEqual(IAP_DAYS[0]);
        expect(daysBetween(e.decided_on!, e.iap_set_on)).toBeLessThanOrEqual(IAP_DAYS[1]);
        expect(e.iap_set_on <= SYNTHETIC_AS_OF).toBe(true);
        expect(e.services_end_on).not.toBeNull();
        expect(e.services_end_on! > e.iap_set_on).toBe(true);
        if (e.status === "DROPPED") {
          expect(e.services_end_on! <= SYNTHETIC_AS_OF).toBe(true);
          expect(e.services_end_on! < addMonths(e.iap_set_on, SERVICES_MONTHS + SERVICES_EXTENSION_MONTHS)).toBe(true);
        } else {
          expect([addMonths(e.iap_set_on, SERVICES_MONTHS), addMonths(e.iap_set_on, SERVICES_MONTHS + SERVICES_EXTENSION_MONTHS)]).toContain(e.services_end_on);
        }
      } else {
        expect(e.services_end_on).toBeNull();
      }
    }
  });

  it("gives each enrollment the status and stage its dates imply on the snapshot date", () => {
    for (const { e } of enrollments) {
      const expected = (() => {
        if (!e.decided_on) return ["APPLIED", "APPLICATION"];
        if (e.status === "REJECTED") return ["REJECTED", "CLOSED"];
        if (!e.iap_set_on) return ["IN_PROGRESS", "COUNSELLING_AND_IAP"];
        if (e.status === "DROPPED") return ["DROPPED", "CLOSED"];
        if (e.services_end_on! > SYNTHETIC_AS_OF) return ["IN_PROGRESS", "JOB_SEARCH_SERVICES"];
        if (addMonths(e.services_end_on!, FOLLOW_UP_MONTHS) > SYNTHETIC_AS_OF) return ["IN_PROGRESS", "FOLLOW_UP"];
        return ["COMPLETED", "CLOSED"];
      })();
      expect([e.status, e.stage]).toEqual(expected);
      // An undecided application is at most 30 days old; a decided one without a plan at most 35 days past its decision.
      if (!e.decided_on) expect(daysBetween(e.applied_on, SYNTHETIC_AS_OF)).toBeLessThan(DECISION_DAYS[1]);
      if (e.decided_on && !e.iap_set_on && e.status !== "REJECTED") expect(daysBetween(e.decided_on, SYNTHETIC_AS_OF)).toBeLessThan(IAP_DAYS[1]);
    }
  });

  it("keeps a person's enrollments one at a time, the second applied years after the first closed", () => {
    for (const r of records.filter((x) => x.enrollments.length === 2)) {
      const [first, second] = r.enrollments;
      const closed = closedOn(first);
      expect(closed).not.toBeNull();
      expect(daysBetween(closed!, second.applied_on)).toBeGreaterThanOrEqual(730);
    }
  });

  it("pays only after the plan, never after the snapshot, and never once a DROPPED person left", () => {
    for (const p of payments) {
      const { e } = enrollmentById.get(p.enrollment_id)!;
      expect(p.person_id).toBe(e.person_id);
      expect(p.paid_on).toMatch(ISO);
      expect(e.iap_set_on).not.toBeNull();
      expect(p.paid_on > e.iap_set_on!).toBe(true);
      expect(p.paid_on > e.decided_on!).toBe(true);
      expect(p.paid_on <= SYNTHETIC_AS_OF).toBe(true);
      if (e.status === "DROPPED") expect(p.paid_on < e.services_end_on!).toBe(true);
      expect(["IN_PROGRESS", "COMPLETED", "DROPPED"]).toContain(e.status);
    }
  });

  it("pays Type I the job-seeking allowance: 500,000 (before 2026) or 600,000 plus 100,000 a dependant up to 400,000, monthly, up to 6 months", () => {
    for (const { person, e } of enrollments.filter(({ e }) => e.track === "TYPE_I" && e.iap_set_on)) {
      const mine = payments.filter((p) => p.enrollment_id === e.id && p.kind === "JOB_SEEKING_ALLOWANCE");
      const base = e.applied_on < "2026-01-01" ? 500_000 : 600_000;
      const expected = base + Math.min(person.dependants * 100_000, 400_000);
      expect(mine.length).toBeLessThanOrEqual(6);
      mine.forEach((p, i) => {
        expect(p.month_number).toBe(i + 1);
        expect(p.amount).toBe(expected);
        expect(p.paid_on).toBe(addMonths(e.iap_set_on!, i + 1));
      });
      // Every month that was due (before the snapshot, before leaving) was paid.
      const due = Array.from({ length: 6 }, (_, i) => addMonths(e.iap_set_on!, i + 1)).filter(
        (d) => d <= SYNTHETIC_AS_OF && (e.status !== "DROPPED" || d < e.services_end_on!),
      );
      expect(mine.length).toBe(due.length);
      if (e.status === "COMPLETED") expect(mine.length).toBe(6);
      expect(payments.some((p) => p.enrollment_id === e.id && p.kind === "PARTICIPATION_ALLOWANCE")).toBe(false);
    }
  });

  it("pays Type II one participation allowance of 150,000-250,000 and nothing else", () => {
    for (const { e } of enrollments.filter(({ e }) => e.track === "TYPE_II")) {
      const mine = payments.filter((p) => p.enrollment_id === e.id);
      expect(mine.length).toBeLessThanOrEqual(1);
      for (const p of mine) {
        expect(p.kind).toBe("PARTICIPATION_ALLOWANCE");
        expect(p.month_number).toBeNull();
        expect(p.amount).toBeGreaterThanOrEqual(150_000);
        expect(p.amount).toBeLessThanOrEqual(250_000);
        expect(p.amount % 10_000).toBe(0);
      }
    }
  });

  it("pays the success allowance only on completed Type I enrollments: 500,000 after 6 months, then 1,000,000 after 12", () => {
    const success = payments.filter((p) => p.kind === "SUCCESS_ALLOWANCE");
    expect(success.length).toBeGreaterThan(0);
    for (const p of success) {
      const { e } = enrollmentById.get(p.enrollment_id)!;
      expect(e.track).toBe("TYPE_I");
      expect(e.status).toBe("COMPLETED");
      expect([[6, 500_000], [12, 1_000_000]]).toContainEqual([p.month_number, p.amount]);
      // After the 6 allowance months, plus at least 6 months in the job.
      expect(p.paid_on > addMonths(addMonths(e.iap_set_on!, 6), 6)).toBe(true);
    }
    for (const p of success.filter((x) => x.month_number === 12)) {
      const six = success.find((x) => x.enrollment_id === p.enrollment_id && x.month_number === 6);
      expect(six).toBeDefined();
      expect(daysBetween(six!.paid_on, p.paid_on)).toBeGreaterThan(150);
    }
  });

  it("puts on the screened track only incomes within the Type I line of the application date: 50% of the median before 2024, 60% from 2024", () => {
    const screened = enrollments.filter(({ e }) => e.track_route === "SCREENED");
    expect(screened.some(({ e }) => e.applied_on < "2024-01-01")).toBe(true);
    for (const { person, e } of screened) {
      const percent = e.applied_on < "2024-01-01" ? 50 : 60;
      expect(person.householdMonthlyIncome).toBeLessThanOrEqual(incomeCeiling(nessParameters, percent, person.householdSize, e.applied_on));
    }
  });

  it("puts low household incomes on Type I more often than high ones", () => {
    const lowShare = (pred: (income: number) => boolean) => {
      const group = enrollments.filter(({ person }) => pred(person.householdMonthlyIncome));
      return group.filter(({ e }) => e.track === "TYPE_I").length / group.length;
    };
    expect(lowShare((i) => i < 1_000_000)).toBeGreaterThan(lowShare((i) => i > 5_000_000));
  });
});
