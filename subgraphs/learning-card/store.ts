/** SQL of the learning-card subgraph: row types, loaders, row mappers and the catalogue query. Reads only learning_card.*. */
import { rowByKey, rowsByKey } from "../kit/loaders";
import type { Store } from "../../platform/store";
import { todayInKorea } from "../../platform/dates";
import { LearningCardStatus, TrainingEnrollmentStatus } from "./enums";
import type { LearningCard } from "./learning-card";
import type { TrainingCourse, TrainingCourseFilter } from "./training-course";
import type { TrainingEnrollment } from "./training-enrollment";
import { selfPaymentRate } from "./rules/self-payment";

export interface CourseRow {
  id: string;
  title: string;
  provider: string;
  industry: string;
  hours: number;
  tuition: number;
  key_industry: boolean;
  placement_rate: number;
  starts_on: string;
}

export interface CardRow {
  id: string;
  person_id: string;
  issued_on: string;
  expires_on: string;
  grant_total: number;
  status: "ACTIVE" | "EXPIRED" | "SUSPENDED";
}

export interface EnrollmentRow {
  id: string;
  card_id: string;
  person_id: string;
  course_id: string;
  enrolled_on: string;
  completed_on: string | null;
  status: "ENROLLED" | "COMPLETED" | "DROPPED";
  attendance_rate: number;
  tuition: number;
  self_payment: number;
  card_charge: number;
}

export const courseById = rowByKey<CourseRow>("learningCard.courseById", "select * from learning_card.courses where id = any($1)", "id");

export const cardByPerson = rowByKey<CardRow>(
  "learningCard.cardByPerson",
  "select * from learning_card.cards where person_id = any($1)",
  "person_id",
);

/** Newest first, per person. */
export const enrollmentsByPerson = rowsByKey<EnrollmentRow>(
  "learningCard.enrollmentsByPerson",
  "select * from learning_card.enrollments where person_id = any($1) order by enrolled_on desc, id desc",
  "person_id",
);

export function toCourse(row: CourseRow): TrainingCourse {
  return {
    id: row.id,
    title: row.title,
    provider: row.provider,
    industry: row.industry,
    hours: row.hours,
    tuition: row.tuition,
    keyIndustry: row.key_industry,
    placementRate: row.placement_rate,
    startsOn: row.starts_on,
    selfPaymentRate: selfPaymentRate(row, todayInKorea()),
  };
}

/** Status as of today: EXPIRED once past expires_on, whatever the stored snapshot says; otherwise SUSPENDED or ACTIVE. */
export function toCard(row: CardRow, today = todayInKorea()): LearningCard {
  const status =
    row.expires_on < today
      ? LearningCardStatus.EXPIRED
      : row.status === "SUSPENDED"
        ? LearningCardStatus.SUSPENDED
        : LearningCardStatus.ACTIVE;
  return {
    personId: row.person_id,
    id: row.id,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    grantTotal: row.grant_total,
    status,
  };
}

export function toEnrollment(row: EnrollmentRow): TrainingEnrollment {
  return {
    id: row.id,
    cardId: row.card_id,
    courseId: row.course_id,
    enrolledOn: row.enrolled_on,
    completedOn: row.completed_on,
    status: row.status as TrainingEnrollmentStatus,
    attendanceRate: row.attendance_rate,
    tuition: row.tuition,
    selfPayment: row.self_payment,
    cardCharge: row.card_charge,
  };
}

/** The catalogue in id order, narrowed by the filter, at most `first` courses. */
export async function listCourses(store: Store, filter: TrainingCourseFilter, first: number): Promise<CourseRow[]> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filter.industry != null) add((p) => `industry = ${p}`, filter.industry);
  // strpos, not LIKE: no wildcard in the caller's text can widen the match.
  if (filter.provider != null) add((p) => `strpos(lower(provider), lower(${p}::text)) > 0`, filter.provider);
  if (filter.keyIndustry != null) add((p) => `key_industry = ${p}`, filter.keyIndustry);
  if (filter.minHours != null) add((p) => `hours >= ${p}`, filter.minHours);
  if (filter.maxHours != null) add((p) => `hours <= ${p}`, filter.maxHours);
  params.push(first);
  const where = conditions.length ? conditions.join(" and ") : "true";
  return store.query<CourseRow>(`select * from learning_card.courses where ${where} order by id limit $${params.length}`, params);
}
