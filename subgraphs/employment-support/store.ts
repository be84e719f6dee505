/**
 * SQL of the employment-support subgraph: per-person loaders (one statement per table per request)
 * and row mappers. Reads only employment_support.*.
 */
import { addMonths } from "../../platform/dates";
import { rowsByKey } from "../kit/loaders";
import { nessParameters } from "./rules/evaluate";
import type { NessEnrollmentStatus, NessPaymentKind, NessStage, NessTrack, NessTrackRoute } from "./enums";
import type { NessAllowancePayment } from "./allowance-payment";
import type { NessEnrollment } from "./enrollment";

export interface EnrollmentRow {
  id: string;
  person_id: string;
  center_id: string;
  track: `${NessTrack}`;
  track_route: `${NessTrackRoute}`;
  applied_on: string;
  decided_on: string | null;
  status: `${NessEnrollmentStatus}`;
  stage: `${NessStage}`;
  iap_set_on: string | null;
  services_end_on: string | null;
}

export interface PaymentRow {
  id: string;
  person_id: string;
  enrollment_id: string;
  kind: `${NessPaymentKind}`;
  paid_on: string;
  month_number: number | null;
  amount: number;
}

export const ENROLLMENT_COLUMNS = {
  id: "text", person_id: "text", center_id: "text", track: "text", track_route: "text", applied_on: "date",
  decided_on: "date", status: "text", stage: "text", iap_set_on: "date", services_end_on: "date",
} as const;

export const PAYMENT_COLUMNS = {
  id: "text", person_id: "text", enrollment_id: "text", kind: "text", paid_on: "date", month_number: "int", amount: "int",
} as const;

/** A person's enrollments, newest first. */
export const enrollmentsByPerson = rowsByKey<EnrollmentRow>(
  "ness.enrollmentsByPerson",
  `select ${Object.keys(ENROLLMENT_COLUMNS).join(", ")} from employment_support.enrollments where person_id = any($1) order by applied_on desc, id desc`,
  "person_id",
);

/** A person's payments (all enrollments), by date. */
export const paymentsByPerson = rowsByKey<PaymentRow>(
  "ness.paymentsByPerson",
  `select ${Object.keys(PAYMENT_COLUMNS).join(", ")} from employment_support.allowance_payments where person_id = any($1) order by paid_on, id`,
  "person_id",
);

/** Months of follow-up after the job search services that end on `servicesEndOn` (parameters/follow-up-months.yaml). */
export const followUpMonths = (servicesEndOn: string): number => nessParameters.at("follow-up-months", servicesEndOn);

/** The date an enrollment closed (null while open): the decision if rejected, leaving if dropped, the end of follow-up if completed. */
export function closedOn(row: Pick<EnrollmentRow, "status" | "decided_on" | "services_end_on">): string | null {
  switch (row.status) {
    case "REJECTED":
      return row.decided_on;
    case "DROPPED":
      return row.services_end_on;
    case "COMPLETED":
      return row.services_end_on && addMonths(row.services_end_on, followUpMonths(row.services_end_on));
    default:
      return null;
  }
}

export const toEnrollment = (row: EnrollmentRow): NessEnrollment => ({
  id: row.id,
  personId: row.person_id,
  centerId: row.center_id,
  track: row.track as NessTrack,
  trackRoute: row.track_route as NessTrackRoute,
  appliedOn: row.applied_on,
  decidedOn: row.decided_on,
  status: row.status as NessEnrollmentStatus,
  stage: row.stage as NessStage,
  iapSetOn: row.iap_set_on,
  servicesEndOn: row.services_end_on,
});

export const toPayment = (row: PaymentRow): NessAllowancePayment => ({
  id: row.id,
  enrollmentId: row.enrollment_id,
  kind: row.kind as NessPaymentKind,
  paidOn: row.paid_on,
  monthNumber: row.month_number,
  amount: row.amount,
});
