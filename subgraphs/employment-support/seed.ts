/**
 * Synthetic NESS records (programs.md §1). About 30% of persons aged 15-69 on their application date
 * applied between 2021-01-01 and SYNTHETIC_AS_OF (a few twice, years apart); the decision comes 7-30
 * days after applying, the Individual Action Plan (IAP) 2-5 weeks after the decision, then 1 year of
 * job search services (sometimes 18 months) and up to 3 months of follow-up. Status and stage follow
 * from those dates against SYNTHETIC_AS_OF. Type I pays the job-seeking allowance monthly for up to
 * 6 months after the IAP (stopping at the snapshot date and when the person drops out); Type II pays
 * one participation allowance; some completed Type I enrollments earn the success allowance.
 */
import { insertRows, type Store } from "../kit/store";
import { addDays, addMonths, ageOn, daysBetween } from "../kit/dates";
import { incomeCeiling } from "../kit/rules/median-income";
import { Random, Stream } from "../kit/synthetic/random";
import { SYNTHETIC_AS_OF, SYNTHETIC_SEED, type SyntheticPerson } from "../kit/synthetic/person";
import { monthlyJobSeekingAllowance, nessParameters } from "./rules/evaluate";
import { ENROLLMENT_COLUMNS, FOLLOW_UP_MONTHS, PAYMENT_COLUMNS, type EnrollmentRow, type PaymentRow } from "./store";

/** programs.md "Names": NESS runs since 2021 (absorbed 취업성공패키지). */
export const NESS_START = "2021-01-01";
/** programs.md §1 "age" [N]: 15 to 69 inclusive. */
export const AGE_RANGE = [15, 69] as const;
/** programs.md §1 "age" [N]: youth is 15-34 (the military-service extension is left to the rules). */
export const YOUTH_MAX_AGE = 34;
/** programs.md §1 "Type I, screened" [N]: household income at or below 60% of the standard median income. */
export const TYPE1_INCOME_PERCENT = 60;
/** programs.md §1 "Type I, screened" [N]: >= 100 insured work days or >= 800 hours in the last 24 months. */
export const TYPE1_WORK_DAYS = 100;
export const TYPE1_WORK_HOURS = 800;
/** programs.md §1 "job-seeking allowance" [N]: KRW 500,000 a month (2021-2025). */
export const JOB_SEEKING_ALLOWANCE_BEFORE_2026 = 500_000;
/** programs.md §1 "job-seeking allowance" [S]: KRW 600,000 a month from 2026-01-01 (by application date). */
export const JOB_SEEKING_ALLOWANCE_FROM_2026 = 600_000;
export const JOB_SEEKING_ALLOWANCE_RAISED_ON = "2026-01-01";
/** programs.md §1 "job-seeking allowance" [N]: paid for 6 months. */
export const JOB_SEEKING_ALLOWANCE_MONTHS = 6;
/** programs.md §1 "dependant top-up" [S]: + KRW 100,000 a month per dependant, at most + 400,000. */
export const DEPENDANT_TOP_UP = 100_000;
export const DEPENDANT_TOP_UP_MAXIMUM = 400_000;
/** programs.md §1 "Type II support" [N]: participation allowance KRW 150,000-250,000 once the IAP is set. */
export const PARTICIPATION_ALLOWANCE_RANGE = [150_000, 250_000] as const;
/** programs.md §1 "success allowance" [S]: 500,000 after 6 months and 1,000,000 after 12 months in the same job. */
export const SUCCESS_ALLOWANCE_AFTER_6_MONTHS = 500_000;
export const SUCCESS_ALLOWANCE_AFTER_12_MONTHS = 1_000_000;
/** programs.md §1 "stages" [N]: job search services for 1 year, extendable by 6 months. */
export const SERVICES_MONTHS = 12;
export const SERVICES_EXTENSION_MONTHS = 6;
export { FOLLOW_UP_MONTHS };

// Synthetic-data assumptions (not program figures): shares and delays of the simulated caseload.
/** Share of persons who ever applied. */
export const ENROLLED_SHARE = 0.3;
/** Share of applicants who apply a second time, years after the first enrollment closed. */
export const SECOND_ENROLLMENT_SHARE = 0.08;
/** Days from the first closure to a second application (2 to 3 years). */
export const REAPPLY_AFTER_DAYS = [730, 1100] as const;
/** Days from application to the eligibility decision. */
export const DECISION_DAYS = [7, 30] as const;
/** Days from the decision to the IAP (2-5 weeks). */
export const IAP_DAYS = [14, 35] as const;
/** Days after the IAP the Type II participation allowance is paid. */
export const PARTICIPATION_PAID_DAYS = [7, 25] as const;
/** Days after 6 or 12 months in the job the success allowance is paid. */
export const SUCCESS_PAID_DAYS = [7, 30] as const;
export const REJECTED_SHARE = 0.08;
export const DROPPED_SHARE = 0.15;
export const EXTENDED_SHARE = 0.2;
export const SUCCESS_SHARE = 0.35;
export const STAYED_12_MONTHS_SHARE = 0.7;

export interface NessRecords {
  enrollments: EnrollmentRow[];
  payments: PaymentRow[];
}

/** The monthly job-seeking allowance for an application date and number of dependants. */
export function jobSeekingAllowance(appliedOn: string, dependants: number): number {
  // The rules' formula on the rules' parameters; the constants above document the same figures (the seed test checks they agree).
  return monthlyJobSeekingAllowance(dependants, appliedOn);
}

/** Whether the household income is within the Type I ceiling (the median table starts in 2025: earlier dates use 2025's). */
function lowIncome(person: SyntheticPerson, on: string): boolean {
  const date = on < "2025-01-01" ? "2025-01-01" : on;
  return person.householdMonthlyIncome <= incomeCeiling(nessParameters, TYPE1_INCOME_PERCENT, person.householdSize, date);
}

export function nessRecordsFor(person: SyntheticPerson): NessRecords {
  const rng = new Random(SYNTHETIC_SEED, Stream.NESS, person.index);
  const records: NessRecords = { enrollments: [], payments: [] };
  if (!rng.chance(ENROLLED_SHARE)) return records;
  const twice = rng.chance(SECOND_ENROLLMENT_SHARE);
  // Someone who applies twice applied first early enough for a second application to fall before the snapshot.
  const firstWindowEnd = twice ? "2022-12-31" : SYNTHETIC_AS_OF;
  let appliedOn = addDays(NESS_START, rng.int(0, daysBetween(NESS_START, firstWindowEnd)));
  for (let sequence = 1; sequence <= (twice ? 2 : 1); sequence++) {
    const age = ageOn(person.birthDate, appliedOn);
    if (appliedOn > SYNTHETIC_AS_OF || age < AGE_RANGE[0] || age > AGE_RANGE[1]) break;
    const closedOn = enrollmentFor(person, rng, sequence, appliedOn, age, records);
    if (!closedOn) break;
    appliedOn = addDays(closedOn, rng.between(REAPPLY_AFTER_DAYS));
  }
  return records;
}

/** Adds one enrollment and its payments; returns the date it closed (null while open). */
function enrollmentFor(person: SyntheticPerson, rng: Random, sequence: number, appliedOn: string, age: number, out: NessRecords): string | null {
  const youth = age <= YOUTH_MAX_AGE;
  const low = lowIncome(person, appliedOn);
  const typeI = rng.chance(low ? 0.8 : youth ? 0.1 : 0);
  const worked = person.workDaysLast24Months >= TYPE1_WORK_DAYS || person.workHoursLast24Months >= TYPE1_WORK_HOURS;
  const row: EnrollmentRow = {
    id: `NESS-${person.id}-${sequence}`,
    person_id: person.id,
    center_id: person.centerId,
    track: typeI ? "TYPE_I" : "TYPE_II",
    track_route: typeI ? (low && worked ? "SCREENED" : "SELECTED") : youth ? "YOUTH" : "MID_CAREER",
    applied_on: appliedOn,
    decided_on: null,
    status: "APPLIED",
    stage: "APPLICATION",
    iap_set_on: null,
    services_end_on: null,
  };
  out.enrollments.push(row);

  const decidedOn = addDays(appliedOn, rng.between(DECISION_DAYS));
  if (decidedOn > SYNTHETIC_AS_OF) return null;
  row.decided_on = decidedOn;
  if (rng.chance(REJECTED_SHARE)) {
    row.status = "REJECTED";
    row.stage = "CLOSED";
    return decidedOn;
  }
  const iapOn = addDays(decidedOn, rng.between(IAP_DAYS));
  row.status = "IN_PROGRESS" as EnrollmentRow["status"]; // widened: later branches change it again
  if (iapOn > SYNTHETIC_AS_OF) {
    row.stage = "COUNSELLING_AND_IAP";
    return null;
  }
  row.iap_set_on = iapOn;
  const plannedEnd = addMonths(iapOn, SERVICES_MONTHS + (rng.chance(EXTENDED_SHARE) ? SERVICES_EXTENSION_MONTHS : 0));
  // Dropping out happens from the second month of services until the day before they end.
  const earliestDrop = addMonths(iapOn, 1);
  const dropsOn = rng.chance(DROPPED_SHARE) ? addDays(earliestDrop, rng.int(0, daysBetween(earliestDrop, plannedEnd) - 1)) : null;
  let closedOn: string | null = null;
  if (dropsOn && dropsOn <= SYNTHETIC_AS_OF) {
    row.status = "DROPPED";
    row.stage = "CLOSED";
    row.services_end_on = dropsOn;
    closedOn = dropsOn;
  } else {
    row.services_end_on = plannedEnd;
    const followUpEnd = addMonths(plannedEnd, FOLLOW_UP_MONTHS);
    if (plannedEnd > SYNTHETIC_AS_OF) row.stage = "JOB_SEARCH_SERVICES";
    else if (followUpEnd > SYNTHETIC_AS_OF) row.stage = "FOLLOW_UP";
    else {
      row.status = "COMPLETED";
      row.stage = "CLOSED";
      closedOn = followUpEnd;
    }
  }

  // Payments: never after the snapshot, never on or after the day a DROPPED person left.
  const payable = (date: string) => date <= SYNTHETIC_AS_OF && (row.status !== "DROPPED" || date < row.services_end_on!);
  const pay = (suffix: string, kind: PaymentRow["kind"], paidOn: string, monthNumber: number | null, amount: number) =>
    out.payments.push({ id: `${row.id}-${suffix}`, person_id: person.id, enrollment_id: row.id, kind, paid_on: paidOn, month_number: monthNumber, amount });

  if (row.track === "TYPE_I") {
    const monthly = jobSeekingAllowance(appliedOn, person.dependants);
    for (let month = 1; month <= JOB_SEEKING_ALLOWANCE_MONTHS; month++) {
      const paidOn = addMonths(iapOn, month);
      if (!payable(paidOn)) break;
      pay(`JSA-${month}`, "JOB_SEEKING_ALLOWANCE", paidOn, month, monthly);
    }
    if (row.status === "COMPLETED" && rng.chance(SUCCESS_SHARE)) {
      // A job found after the allowance months, before the services end.
      const allowanceEnd = addMonths(iapOn, JOB_SEEKING_ALLOWANCE_MONTHS);
      const jobStart = addDays(allowanceEnd, rng.int(1, daysBetween(allowanceEnd, plannedEnd)));
      const after6 = addDays(addMonths(jobStart, 6), rng.between(SUCCESS_PAID_DAYS));
      if (payable(after6)) {
        pay("SA-6", "SUCCESS_ALLOWANCE", after6, 6, SUCCESS_ALLOWANCE_AFTER_6_MONTHS);
        const after12 = addDays(addMonths(jobStart, 12), rng.between(SUCCESS_PAID_DAYS));
        if (rng.chance(STAYED_12_MONTHS_SHARE) && payable(after12)) pay("SA-12", "SUCCESS_ALLOWANCE", after12, 12, SUCCESS_ALLOWANCE_AFTER_12_MONTHS);
      }
    }
  } else {
    const paidOn = addDays(iapOn, rng.between(PARTICIPATION_PAID_DAYS));
    const amount = rng.amount(PARTICIPATION_ALLOWANCE_RANGE[0], PARTICIPATION_ALLOWANCE_RANGE[1], 10_000);
    if (payable(paidOn)) pay("PA", "PARTICIPATION_ALLOWANCE", paidOn, null, amount);
  }
  return closedOn;
}

/** Persons handled per batch: bounds memory for 1,000,000 persons (insertRows chunks each table further). */
const PERSONS_PER_BATCH = 50_000;

export async function seedEmploymentSupport(store: Store, persons: SyntheticPerson[]): Promise<void> {
  for (let start = 0; start < persons.length; start += PERSONS_PER_BATCH) {
    const enrollments: EnrollmentRow[] = [];
    const payments: PaymentRow[] = [];
    for (const person of persons.slice(start, start + PERSONS_PER_BATCH)) {
      const records = nessRecordsFor(person);
      enrollments.push(...records.enrollments);
      payments.push(...records.payments);
    }
    await insertRows(store, "employment_support.enrollments", { ...ENROLLMENT_COLUMNS }, enrollments as unknown as Record<string, unknown>[]);
    await insertRows(store, "employment_support.allowance_payments", { ...PAYMENT_COLUMNS }, payments as unknown as Record<string, unknown>[]);
  }
}
