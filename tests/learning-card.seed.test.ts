/** Coherence of the synthetic Tomorrow Learning Card records (pure record functions, no database). */
import { describe, it, expect } from "vitest";
import { addDays, addMonths, ageOn } from "../platform/dates";
import { CENTERS } from "../platform/reference/centers";
import { SYNTHETIC_AS_OF, syntheticPersons } from "../subgraphs/kit/synthetic/person";
import { incomeCeiling } from "../subgraphs/kit/rules/median-income";
import { learningCardParameters } from "../subgraphs/learning-card/rules/evaluate";
import {
  CARD_AGE_MAXIMUM,
  CARD_ISSUE_FROM,
  CARD_VALIDITY_MONTHS,
  EXCLUDED_OCCUPATIONS,
  COMPLETION_ATTENDANCE_PERCENT,
  GRANT_GENERAL,
  GRANT_PRIORITY,
  KEY_INDUSTRY_SELF_PAYMENT_CAP,
  courseDays,
  learningCardRecordsFor,
  selfPaymentFor,
  selfPaymentRate,
  trainingCourse,
  trainingCourseCatalogue,
} from "../subgraphs/learning-card/seed";

const persons = syntheticPersons(2000);
const courses = new Map(trainingCourseCatalogue().map((course) => [course.id, course]));
const EXCLUDED = new Set(["PUBLIC_SERVANT", "PRIVATE_SCHOOL_STAFF", "MILITARY"]);

describe("learning-card program figures (the published sources)", () => {
  it("match the program's figures", () => {
    expect(GRANT_GENERAL).toBe(3_000_000);
    expect(GRANT_PRIORITY).toBe(5_000_000);
    expect(CARD_VALIDITY_MONTHS).toBe(60);
    expect(CARD_AGE_MAXIMUM).toBe(74);
    expect([...EXCLUDED_OCCUPATIONS].sort()).toEqual(["MILITARY", "PRIVATE_SCHOOL_STAFF", "PUBLIC_SERVANT"]);
    expect(KEY_INDUSTRY_SELF_PAYMENT_CAP).toBe(600_000);
  });
});

describe("learning-card course catalogue", () => {
  it("has 300 courses TC-0001..TC-0300 with values in range", () => {
    const catalogue = trainingCourseCatalogue();
    const industries = new Set(CENTERS.flatMap((center) => center.focusIndustries));
    expect(catalogue.map((c) => c.id)).toEqual(Array.from({ length: 300 }, (_, i) => `TC-${String(i + 1).padStart(4, "0")}`));
    for (const course of catalogue) {
      expect(industries.has(course.industry)).toBe(true);
      expect(course.hours).toBeGreaterThanOrEqual(40);
      expect(course.hours).toBeLessThanOrEqual(600);
      expect(course.tuition).toBeGreaterThan(0);
      expect(course.tuition % 10_000).toBe(0);
      expect(course.placement_rate).toBeGreaterThanOrEqual(0);
      expect(course.placement_rate).toBeLessThanOrEqual(100);
      expect(course.starts_on <= SYNTHETIC_AS_OF).toBe(true);
      expect(course.title.length).toBeGreaterThan(0);
    }
    expect(catalogue.some((c) => c.provider.startsWith("Korea Polytechnic, "))).toBe(true);
    expect(catalogue.some((c) => !c.provider.startsWith("Korea Polytechnic"))).toBe(true);
    expect(catalogue.some((c) => c.key_industry)).toBe(true);
  });

  it("is deterministic per course number", () => {
    expect(trainingCourse(42)).toEqual(trainingCourse(42));
    expect(trainingCourse(42)).toEqual(trainingCourseCatalogue()[41]);
  });

  it("splits tuition by the placement-rate bands and the key-industry cap", () => {
    const general = (placement_rate: number) => selfPaymentRate({ placement_rate, key_industry: false });
    expect([100, 70, 69, 60, 59, 50, 49, 40, 39, 0].map(general)).toEqual([15, 15, 25, 25, 35, 35, 45, 45, 55, 55]);
    expect(selfPaymentRate({ placement_rate: 30, key_industry: true })).toBe(10);
    expect(selfPaymentFor({ placement_rate: 75, key_industry: false, tuition: 2_000_000 })).toBe(300_000);
    expect(selfPaymentFor({ placement_rate: 30, key_industry: false, tuition: 2_000_000 })).toBe(1_100_000);
    expect(selfPaymentFor({ placement_rate: 30, key_industry: true, tuition: 3_000_000 })).toBe(300_000);
    expect(selfPaymentFor({ placement_rate: 30, key_industry: true, tuition: 9_000_000 })).toBe(KEY_INDUSTRY_SELF_PAYMENT_CAP);
  });
});

describe("learning-card records of the first 2,000 synthetic persons", () => {
  const records = persons.map((person) => ({ person, ...learningCardRecordsFor(person) }));

  it("are deterministic", () => {
    expect(persons.map(learningCardRecordsFor)).toEqual(records.map(({ card, enrollments }) => ({ card, enrollments })));
  });

  it("issue cards only to persons aged 15-74 outside the excluded occupations, to about half of them", () => {
    let eligible = 0;
    let holders = 0;
    for (const { person, card, enrollments } of records) {
      const age = ageOn(person.birthDate, SYNTHETIC_AS_OF);
      const mayHold = age >= 15 && age <= 74 && !EXCLUDED.has(person.occupation);
      if (mayHold) eligible++;
      if (!card) {
        expect(enrollments).toEqual([]);
        continue;
      }
      holders++;
      expect(mayHold).toBe(true);
      expect(ageOn(person.birthDate, card.issued_on)).toBeGreaterThanOrEqual(15);
      expect(ageOn(person.birthDate, card.issued_on)).toBeLessThanOrEqual(74);
    }
    expect(holders / eligible).toBeGreaterThan(0.4);
    expect(holders / eligible).toBeLessThan(0.6);
  });

  it("give each card its validity, grant and status", () => {
    for (const { person, card } of records) {
      if (!card) continue;
      expect(card.id).toBe(`LC-${person.id}`);
      expect(card.person_id).toBe(person.id);
      expect(card.issued_on >= CARD_ISSUE_FROM && card.issued_on <= SYNTHETIC_AS_OF).toBe(true);
      expect(card.expires_on).toBe(addMonths(card.issued_on, 60));
      const lowIncome = person.householdMonthlyIncome <= incomeCeiling(learningCardParameters, 60, person.householdSize, SYNTHETIC_AS_OF);
      expect(card.grant_total).toBe(lowIncome ? 5_000_000 : 3_000_000);
      if (card.expires_on < SYNTHETIC_AS_OF) expect(card.status).toBe("EXPIRED");
      else expect(["ACTIVE", "SUSPENDED"]).toContain(card.status);
    }
  });

  it("keep enrollments ordered inside the validity, priced by the course, and within the grant", () => {
    const ids = new Set<string>();
    let count = 0;
    for (const { person, card, enrollments } of records) {
      if (!card) continue;
      expect(enrollments.length).toBeLessThanOrEqual(4);
      let charged = 0;
      let previousEnd = card.issued_on;
      enrollments.forEach((enrollment, i) => {
        count++;
        const course = courses.get(enrollment.course_id)!;
        expect(course).toBeDefined();
        expect(enrollment.id).toBe(`LCE-${person.id}-${i + 1}`);
        expect(ids.has(enrollment.id)).toBe(false);
        ids.add(enrollment.id);
        expect(enrollment.card_id).toBe(card.id);
        expect(enrollment.person_id).toBe(person.id);
        // dates
        expect(enrollment.enrolled_on >= card.issued_on).toBe(true);
        expect(enrollment.enrolled_on >= previousEnd).toBe(true);
        expect(enrollment.enrolled_on >= course.starts_on).toBe(true);
        expect(enrollment.enrolled_on <= SYNTHETIC_AS_OF).toBe(true);
        const endsOn = addDays(enrollment.enrolled_on, courseDays(course.hours));
        expect(endsOn <= card.expires_on).toBe(true);
        if (enrollment.status === "COMPLETED") {
          expect(enrollment.completed_on).toBe(endsOn);
          expect(enrollment.completed_on! > enrollment.enrolled_on).toBe(true);
          expect(enrollment.completed_on! <= SYNTHETIC_AS_OF).toBe(true);
          expect(enrollment.attendance_rate).toBeGreaterThanOrEqual(COMPLETION_ATTENDANCE_PERCENT);
          previousEnd = endsOn;
        } else if (enrollment.status === "DROPPED") {
          expect(enrollment.completed_on).toBeNull();
          expect(endsOn <= SYNTHETIC_AS_OF).toBe(true);
          expect(enrollment.attendance_rate).toBeLessThan(COMPLETION_ATTENDANCE_PERCENT);
          previousEnd = enrollment.enrolled_on;
        } else {
          expect(enrollment.status).toBe("ENROLLED");
          expect(enrollment.completed_on).toBeNull();
          expect(endsOn > SYNTHETIC_AS_OF).toBe(true);
          expect(i).toBe(enrollments.length - 1);
        }
        expect(enrollment.attendance_rate).toBeGreaterThanOrEqual(0);
        expect(enrollment.attendance_rate).toBeLessThanOrEqual(100);
        // money
        expect(enrollment.tuition).toBe(course.tuition);
        expect(enrollment.self_payment).toBe(selfPaymentFor(course));
        expect(enrollment.card_charge).toBe(enrollment.tuition - enrollment.self_payment);
        if (course.key_industry) expect(enrollment.self_payment).toBeLessThanOrEqual(KEY_INDUSTRY_SELF_PAYMENT_CAP);
        charged += enrollment.card_charge;
        expect(charged).toBeLessThanOrEqual(card.grant_total);
      });
      const used = enrollments.filter((e) => e.status !== "DROPPED").reduce((sum, e) => sum + e.card_charge, 0);
      expect(card.grant_total - used).toBeGreaterThanOrEqual(0);
    }
    expect(count).toBeGreaterThan(500);
  });
});
