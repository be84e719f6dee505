/**
 * Synthetic NESS records. About 30% of persons aged 15-69 on their application date
 * applied between 2021-01-01 and SYNTHETIC_AS_OF (a few twice, years apart); the decision comes 7-30
 * days after applying, the Individual Action Plan (IAP) 2-5 weeks after the decision, then 1 year of
 * job search services (sometimes 18 months) and up to 3 months of follow-up. Status and stage follow
 * from those dates against SYNTHETIC_AS_OF. Type I pays the job-seeking allowance monthly for up to
 * 6 months after the IAP (stopping at the snapshot date and when the person drops out); Type II pays
 * one participation allowance; some completed Type I enrollments earn the success allowance.
 */
import { insertRows, type Store } from "../../platform/store";
import { addDays, addMonths, ageOn, daysBetween } from "../../platform/dates";
import { incomeCeiling } from "../kit/rules/median-income";
import { Random, Stream } from "../kit/synthetic/random";
import { SYNTHETIC_AS_OF, SYNTHETIC_SEED, type SyntheticPerson } from "../kit/synthetic/person";
import { monthlyJobSeekingAllowance, nessParameters as p } from "./rules/evaluate";
import { ENROLLMENT_COLUMNS, PAYMENT_COLUMNS, followUpMonths, type EnrollmentRow, type PaymentRow } from "./store";

// Every program figure (ages, income line, work experience, allowances) is read from the dated
// parameters in force on the application date (parameters/*.yaml), the same the eligibility rules read.

/** NESS runs since 2021 (it absorbed 취업성공패키지): its first parameters take effect then. */
export const NESS_START = p.firstDate();
/** Job search services last 1 year, extendable by 6 months (the program's stages). */
export const SERVICES_MONTHS = 12;
export const SERVICES_EXTENSION_MONTHS = 6;

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

/** Whether the household income is within the Type I ceiling in force on the date. */
function lowIncome(person: SyntheticPerson, on: string): boolean {
  return person.householdMonthlyIncome <= incomeCeiling(p, p.at("type1-income-percent", on), person.householdSize, on);
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
    if (appliedOn > SYNTHETIC_AS_OF || age < p.at("age-minimum", appliedOn) || age > p.at("age-maximum", appliedOn)) break;
    const closedOn = enrollmentFor(person, rng, sequence, appliedOn, age, records);
    if (!closedOn) break;
    appliedOn = addDays(closedOn, rng.between(REAPPLY_AFTER_DAYS));
  }
  return records;
}

/** Adds one enrollment and its payments; returns the date it closed (null while open). */
function enrollmentFor(person: SyntheticPerson, rng: Random, sequence: number, appliedOn: string, age: number, out: NessRecords): string | null {
  const youth = age <= p.at("youth-age-maximum", appliedOn);
  const low = lowIncome(person, appliedOn);
  const typeI = rng.chance(low ? 0.8 : youth ? 0.1 : 0);
  const worked = person.workDaysLast24Months >= p.at("type1-work-days", appliedOn) || person.workHoursLast24Months >= p.at("type1-work-hours", appliedOn);
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
    const followUpEnd = addMonths(plannedEnd, followUpMonths(plannedEnd));
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
    const monthly = monthlyJobSeekingAllowance(person.dependants, appliedOn);
    const allowanceMonths = p.at("job-seeking-allowance-months", appliedOn);
    const [afterSix, afterTwelve] = p.at<number[]>("success-allowance", appliedOn);
    for (let month = 1; month <= allowanceMonths; month++) {
      const paidOn = addMonths(iapOn, month);
      if (!payable(paidOn)) break;
      pay(`JSA-${month}`, "JOB_SEEKING_ALLOWANCE", paidOn, month, monthly);
    }
    if (row.status === "COMPLETED" && rng.chance(SUCCESS_SHARE)) {
      // A job found after the allowance months, before the services end.
      const allowanceEnd = addMonths(iapOn, allowanceMonths);
      const jobStart = addDays(allowanceEnd, rng.int(1, daysBetween(allowanceEnd, plannedEnd)));
      const after6 = addDays(addMonths(jobStart, 6), rng.between(SUCCESS_PAID_DAYS));
      if (payable(after6)) {
        pay("SA-6", "SUCCESS_ALLOWANCE", after6, 6, afterSix);
        const after12 = addDays(addMonths(jobStart, 12), rng.between(SUCCESS_PAID_DAYS));
        if (rng.chance(STAYED_12_MONTHS_SHARE) && payable(after12)) pay("SA-12", "SUCCESS_ALLOWANCE", after12, 12, afterTwelve);
      }
    }
  } else {
    const paidOn = addDays(iapOn, rng.between(PARTICIPATION_PAID_DAYS));
    const [low, high] = p.at<number[]>("type2-participation-allowance", appliedOn);
    const amount = rng.amount(low, high, 10_000);
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
