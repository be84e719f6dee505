/**
 * Synthetic Tomorrow Learning Card records: a deterministic course catalogue (Stream.COURSES, one
 * draw sequence per course number) and, per person (Stream.LEARNING_CARD, per person index), at most
 * one card and 0-4 enrollments charged to it. Pure functions first; the seed only inserts their rows.
 *
 * Coherence kept here (and checked by tests/learning-card.seed.test.ts):
 * - cards only for persons aged 15-74 on SYNTHETIC_AS_OF who are not public servants, private school
 *   staff or military (the published sources "excluded"), issued 2020-01-01 .. SYNTHETIC_AS_OF and not
 *   before the 15th birthday; expires_on = issued_on + 5 years;
 * - enrollments one after another inside the validity: issued_on <= enrolled_on, course first
 *   offered on or before enrolled_on, completed_on after enrolled_on and <= min(expires_on,
 *   SYNTHETIC_AS_OF); a course still running on SYNTHETIC_AS_OF is ENROLLED (and is the last);
 * - the running total of card_charge (dropped ones included, so the stricter sum) never exceeds
 *   grant_total: an enrollment that would exceed it is skipped. So used <= grant and balance >= 0.
 */
import { addDays, addMonths, ageOn, daysBetween } from "../../platform/dates";
import { insertRows, type Store } from "../../platform/store";
import { CENTERS } from "../../platform/reference/centers";
import { SYNTHETIC_AS_OF, SYNTHETIC_SEED, type SyntheticPerson } from "../kit/synthetic/person";
import { Random, Stream } from "../kit/synthetic/random";
import { incomeCeiling } from "../kit/rules/median-income";
import type { CardRow, CourseRow, EnrollmentRow } from "./store";
import type { SeedPart } from "../kit/subgraph";
import { learningCardParameters } from "./rules/parameters";
import { selfPaymentFor as selfPaymentForOn, selfPaymentRate as selfPaymentRateOn, type CourseTerms } from "./rules/self-payment";

// ---- Program figures -------------------------------------------------------------------------

/**
 * The program's own figures come from its dated parameters (parameters/*.yaml, the same the
 * eligibility rules read), taken as in force on SYNTHETIC_AS_OF, so the seed and the rules agree.
 */
const p = learningCardParameters;
const [grantGeneral, grantPriority] = p.at<number[]>("grant", SYNTHETIC_AS_OF);
/** the published sources "grant" [S]: KRW 3,000,000 over 5 years (parameters/grant.yaml). */
export const GRANT_GENERAL = grantGeneral;
/** the published sources "grant" [S]: priority groups (e.g. low income) + 2,000,000, 5,000,000 in all (parameters/grant.yaml). */
export const GRANT_PRIORITY = grantPriority;
/**
 * the published sources "grant" [S] names only "e.g. low income": household income at or below 60% of the
 * standard median income (assumption, the NESS Type I line; parameters/priority-income-percent.yaml),
 * against the person's declared income snapshot and the median table in force on SYNTHETIC_AS_OF.
 */
export const PRIORITY_INCOME_PERCENT = p.at("priority-income-percent", SYNTHETIC_AS_OF);
/** the published sources "validity" [S]: 5 years from issue (parameters/validity-years.yaml). */
export const CARD_VALIDITY_MONTHS = 12 * p.at("validity-years", SYNTHETIC_AS_OF);
/** the published sources "excluded" [S]: aged 75 or over are excluded, so 74 is the oldest holder (parameters/age-limit.yaml). */
export const CARD_AGE_MAXIMUM = p.at("age-limit", SYNTHETIC_AS_OF) - 1;
/** The card's minimum age (parameters/age-minimum.yaml). */
export const CARD_AGE_MINIMUM = p.at("age-minimum", SYNTHETIC_AS_OF);
/**
 * the published sources "excluded (2026, unverified)" [S]: serving public servants, private school staff and
 * the military (parameters/excluded-occupations.yaml on SYNTHETIC_AS_OF).
 */
export const EXCLUDED_OCCUPATIONS: readonly string[] = p.at<string[]>("excluded-occupations", SYNTHETIC_AS_OF);
/** Assumption (synthetic caseload): cards issued from this date up to SYNTHETIC_AS_OF. */
export const CARD_ISSUE_FROM = "2020-01-01";
/** Assumption (synthetic caseload): share of eligible persons holding a card, about 50%. */
export const CARD_HOLDER_SHARE = 0.5;
/** Assumption (synthetic caseload): enrollments per card, 0-4. */
export const MAX_ENROLLMENTS = 4;

/** The key-industry cap on the trainee's share, in KRW (parameters/key-industry-self-payment.yaml). */
export const KEY_INDUSTRY_SELF_PAYMENT_CAP = p.at<number[]>("key-industry-self-payment", SYNTHETIC_AS_OF)[1];
/** The training allowance's attendance line (parameters/training-allowance-attendance-percent.yaml), also taken as the completion line (assumption). */
export const COMPLETION_ATTENDANCE_PERCENT = p.at("training-allowance-attendance-percent", SYNTHETIC_AS_OF);
/** Assumption: full-time card courses run about 30 hours a week (sets the course length in days). */
export const TRAINING_HOURS_PER_WEEK = 30;
/** Assumption (synthetic catalogue): course length bounds, 40-600 hours. */
export const COURSE_HOURS_MIN = 40;
export const COURSE_HOURS_MAX = 600;
/** Assumption (synthetic catalogue): about 300 courses. */
export const COURSE_COUNT = 300;

// ---- Self-payment ------------------------------------------------------------------------------

/** The general trainee's share on the snapshot date (the rule itself is in rules/self-payment.ts). */
export const selfPaymentRate = (course: CourseTerms) => selfPaymentRateOn(course, SYNTHETIC_AS_OF);
export const selfPaymentFor = (course: CourseTerms & { tuition: number }) => selfPaymentForOn(course, SYNTHETIC_AS_OF);

/** Calendar days a course runs, from its hours. */
export function courseDays(hours: number): number {
  return Math.ceil(hours / TRAINING_HOURS_PER_WEEK) * 7;
}

// ---- Course catalogue --------------------------------------------------------------------------

/** The industries of the employment centers' focus, in order of first appearance. */
export const COURSE_INDUSTRIES: readonly string[] = [...new Set(CENTERS.flatMap((center) => center.focusIndustries))];

/** Illustrative designation of key (national strategic) industries among COURSE_INDUSTRIES. */
const KEY_INDUSTRIES = new Set([
  "IT", "smart manufacturing", "root industries", "aviation", "bio", "shipbuilding", "semiconductors", "batteries",
  "displays", "aerospace", "energy", "medical devices",
]);

const TOPICS: Record<string, readonly string[]> = {
  IT: ["Java web development", "Cloud infrastructure operations", "Data analysis with Python"],
  "smart manufacturing": ["Smart factory automation", "PLC control and IoT sensors"],
  healthcare: ["Care worker (요양보호사) training", "Medical office administration"],
  services: ["Customer service and hospitality", "Barista and cafe management"],
  "root industries": ["Welding (CO2 and TIG)", "Casting and mould making", "Heat treatment and surface finishing"],
  aviation: ["Aircraft maintenance basics", "Airport ground handling"],
  logistics: ["Forklift and warehouse operations", "Logistics management and customs"],
  "health and welfare": ["Social welfare practice", "Elderly care coordination"],
  bio: ["Biopharmaceutical production (GMP)", "Laboratory analysis techniques"],
  electrical: ["Electrical installation and maintenance", "Building electrical safety"],
  electronics: ["Electronic circuit assembly", "Embedded systems programming"],
  mechanical: ["CNC machining", "Mechanical CAD drafting"],
  finance: ["Accounting and tax practice", "Financial data analysis"],
  shipbuilding: ["Ship outfitting and piping", "Hull welding"],
  tourism: ["Tour guiding and travel planning", "Hotel front office"],
  textiles: ["Garment pattern making", "Technical textiles production"],
  automotive: ["Automotive maintenance", "Electric vehicle servicing"],
  energy: ["Solar power installation", "Energy management systems"],
  "research services": ["Research data management", "Patent and technology transfer"],
  petrochemicals: ["Chemical process operation", "Plant safety management"],
  defence: ["Defence electronics assembly", "Precision parts inspection"],
  "agri-food": ["Food processing and hygiene", "Smart farming"],
  "carbon materials": ["Carbon composite manufacturing", "Materials testing"],
  media: ["Video editing and production", "Digital content marketing"],
  retail: ["Retail store management", "E-commerce operations"],
  "professional services": ["Office management and documentation", "HR and payroll practice"],
  content: ["Webtoon and illustration", "Game graphics"],
  semiconductors: ["Semiconductor equipment maintenance", "Semiconductor process technician"],
  "automotive parts": ["Automotive parts quality control", "Injection moulding"],
  "public services": ["Public administration support", "Facility management"],
  "medical devices": ["Medical device assembly and regulation", "Medical device quality assurance"],
  batteries: ["Secondary battery production", "Battery cell quality inspection"],
  displays: ["Display panel process technician", "Clean room equipment operation"],
  fisheries: ["Aquaculture technician", "Seafood processing"],
  steel: ["Steel plant operation", "Rolling and metal forming"],
  aerospace: ["Aerospace composite parts", "Aircraft parts machining"],
};

/** Real Korea Polytechnic (한국폴리텍대학) campus names. */
const POLYTECHNIC_CAMPUSES = [
  "Seoul Jungsu", "Seoul Gangseo", "Incheon", "Seongnam", "Hwaseong", "Anseong", "Chuncheon", "Gangneung", "Daejeon",
  "Cheongju", "Gumi", "Daegu", "Busan", "Ulsan", "Changwon", "Gwangju", "Mokpo", "Jeonbuk", "Jeju",
];
/** Illustrative private training academies (훈련기관). */
const ACADEMIES = [
  "Hanbit Vocational Academy", "Saerom IT Academy", "Daehan Technical Institute", "Mirae Career Academy",
  "Nuri Welding Institute", "Hana Care Academy", "Seoul Digital Training Center", "Busan Maritime Skills Institute",
  "Jungang Logistics Academy", "Green Design Academy", "Korea Bio Skills Institute", "Sejong Office Academy",
];

function courseId(number: number): string {
  return `TC-${String(number).padStart(4, "0")}`;
}

const COURSE_FIRST_OFFERED_FROM = "2019-01-01";
const COURSE_FIRST_OFFERED_UNTIL = "2026-09-30";

/** Course number `n` (1-based): a pure function of (SYNTHETIC_SEED, Stream.COURSES, n). */
export function trainingCourse(number: number): CourseRow {
  const rng = new Random(SYNTHETIC_SEED, Stream.COURSES, number);
  const industry = rng.pick(COURSE_INDUSTRIES);
  const topic = rng.pick(TOPICS[industry] ?? [`${industry} practice`]);
  const provider = rng.chance(0.4)
    ? `Korea Polytechnic, ${rng.pick(POLYTECHNIC_CAMPUSES)} campus`
    : rng.pick(ACADEMIES);
  const hours = rng.between(rng.weighted<[number, number]>([
    [[COURSE_HOURS_MIN, 120], 30], [[121, 300], 35], [[301, COURSE_HOURS_MAX], 35],
  ]));
  const level = hours <= 120 ? "basic" : hours <= 300 ? "intermediate" : "advanced";
  const perHour = rng.int(5_000, 11_000);
  const tuition = Math.max(10_000, Math.round((hours * perHour) / 10_000) * 10_000);
  return {
    id: courseId(number),
    title: `${topic} (${level})`,
    provider,
    industry,
    hours,
    tuition,
    key_industry: KEY_INDUSTRIES.has(industry) && rng.chance(0.6),
    placement_rate: rng.int(25, 90),
    starts_on: addDays(COURSE_FIRST_OFFERED_FROM, rng.int(0, daysBetween(COURSE_FIRST_OFFERED_FROM, COURSE_FIRST_OFFERED_UNTIL))),
  };
}

let catalogue: readonly CourseRow[] | null = null;
/** The whole catalogue TC-0001 .. TC-0300. */
export function trainingCourseCatalogue(): readonly CourseRow[] {
  catalogue ??= Array.from({ length: COURSE_COUNT }, (_, i) => trainingCourse(i + 1));
  return catalogue;
}

// ---- Per-person records ------------------------------------------------------------------------

const ceilingBySize = new Map<number, number>();
function priorityIncomeCeiling(householdSize: number): number {
  let ceiling = ceilingBySize.get(householdSize);
  if (ceiling === undefined) {
    ceiling = incomeCeiling(learningCardParameters, PRIORITY_INCOME_PERCENT, householdSize, SYNTHETIC_AS_OF);
    ceilingBySize.set(householdSize, ceiling);
  }
  return ceiling;
}

export function isPriorityGroup(person: SyntheticPerson): boolean {
  return person.householdMonthlyIncome <= priorityIncomeCeiling(person.householdSize);
}

export function mayHoldCard(person: SyntheticPerson): boolean {
  const age = ageOn(person.birthDate, SYNTHETIC_AS_OF);
  return age >= CARD_AGE_MINIMUM && age <= CARD_AGE_MAXIMUM && !EXCLUDED_OCCUPATIONS.includes(person.occupation);
}

export interface LearningCardRecords {
  card: CardRow | null;
  enrollments: EnrollmentRow[];
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/** A person's card and enrollments: a pure function of (SYNTHETIC_SEED, Stream.LEARNING_CARD, person.index). */
export function learningCardRecordsFor(person: SyntheticPerson): LearningCardRecords {
  const rng = new Random(SYNTHETIC_SEED, Stream.LEARNING_CARD, person.index);
  if (!mayHoldCard(person) || !rng.chance(CARD_HOLDER_SHARE)) return { card: null, enrollments: [] };

  const earliest = maxDate(CARD_ISSUE_FROM, addMonths(person.birthDate, 12 * CARD_AGE_MINIMUM));
  const issuedOn = addDays(earliest, rng.int(0, daysBetween(earliest, SYNTHETIC_AS_OF)));
  const expiresOn = addMonths(issuedOn, CARD_VALIDITY_MONTHS);
  const grantTotal = isPriorityGroup(person) ? GRANT_PRIORITY : GRANT_GENERAL;
  const status = expiresOn < SYNTHETIC_AS_OF ? "EXPIRED" : rng.chance(0.02) ? "SUSPENDED" : "ACTIVE";
  const card: CardRow = { id: `LC-${person.id}`, person_id: person.id, issued_on: issuedOn, expires_on: expiresOn, grant_total: grantTotal, status };

  const focus = new Set(CENTERS.find((center) => center.id === person.centerId)?.focusIndustries ?? []);
  const courses = trainingCourseCatalogue();
  const lastDay = minDate(expiresOn, SYNTHETIC_AS_OF);
  const enrollments: EnrollmentRow[] = [];
  const wanted = rng.int(0, MAX_ENROLLMENTS);
  let cursor = issuedOn;
  let charged = 0;
  for (let attempt = 0; attempt < wanted; attempt++) {
    const enrolledOn = addDays(cursor, attempt === 0 ? rng.int(0, 240) : rng.int(7, 300));
    if (enrolledOn > lastDay) break;
    const offered = courses.filter((course) => course.starts_on <= enrolledOn);
    if (offered.length === 0) continue;
    const inFocus = offered.filter((course) => focus.has(course.industry));
    const course = inFocus.length > 0 && rng.chance(0.7) ? rng.pick(inFocus) : rng.pick(offered);
    const endsOn = addDays(enrolledOn, courseDays(course.hours));
    if (endsOn > expiresOn) continue; // must finish inside the card's validity
    const selfPayment = selfPaymentFor(course);
    const cardCharge = course.tuition - selfPayment;
    if (charged + cardCharge > grantTotal) continue; // would exceed the grant: skipped
    let enrollmentStatus: EnrollmentRow["status"];
    let completedOn: string | null = null;
    let attendance: number;
    if (endsOn > SYNTHETIC_AS_OF) {
      enrollmentStatus = "ENROLLED";
      attendance = rng.int(60, 100);
    } else if (rng.chance(0.12)) {
      enrollmentStatus = "DROPPED";
      attendance = rng.int(20, COMPLETION_ATTENDANCE_PERCENT - 1);
    } else {
      enrollmentStatus = "COMPLETED";
      completedOn = endsOn;
      attendance = rng.int(COMPLETION_ATTENDANCE_PERCENT, 100);
    }
    enrollments.push({
      id: `LCE-${person.id}-${enrollments.length + 1}`,
      card_id: card.id,
      person_id: person.id,
      course_id: course.id,
      enrolled_on: enrolledOn,
      completed_on: completedOn,
      status: enrollmentStatus,
      attendance_rate: attendance,
      tuition: course.tuition,
      self_payment: selfPayment,
      card_charge: cardCharge,
    });
    charged += cardCharge;
    if (enrollmentStatus === "ENROLLED") break; // still in training on SYNTHETIC_AS_OF: the last one
    cursor = enrollmentStatus === "DROPPED" ? addDays(enrolledOn, Math.floor(courseDays(course.hours) / 2)) : endsOn;
  }
  return { card, enrollments };
}

// ---- Seed ----------------------------------------------------------------------------------------

const COURSE_COLUMNS = {
  id: "text", title: "text", provider: "text", industry: "text", hours: "int", tuition: "int", key_industry: "bool",
  placement_rate: "int", starts_on: "date",
};
const CARD_COLUMNS = { id: "text", person_id: "text", issued_on: "date", expires_on: "date", grant_total: "int", status: "text" };
const ENROLLMENT_COLUMNS = {
  id: "text", card_id: "text", person_id: "text", course_id: "text", enrolled_on: "date", completed_on: "date",
  status: "text", attendance_rate: "int", tuition: "int", self_payment: "int", card_charge: "int",
};
/** Persons handled per batch of inserts, so a million persons never sit in memory as rows at once. */
const PERSONS_PER_BATCH = 50_000;

export async function seedLearningCard(store: Store, persons: SyntheticPerson[], part: SeedPart = "all"): Promise<void> {
  if (part !== "persons") await insertRows(store, "learning_card.courses", COURSE_COLUMNS, [...trainingCourseCatalogue()] as unknown as Record<string, unknown>[]);
  if (part === "reference") return;
  for (let start = 0; start < persons.length; start += PERSONS_PER_BATCH) {
    const cards: CardRow[] = [];
    const enrollments: EnrollmentRow[] = [];
    for (const person of persons.slice(start, start + PERSONS_PER_BATCH)) {
      const records = learningCardRecordsFor(person);
      if (records.card) cards.push(records.card);
      enrollments.push(...records.enrollments);
    }
    await insertRows(store, "learning_card.cards", CARD_COLUMNS, cards as unknown as Record<string, unknown>[]);
    await insertRows(store, "learning_card.enrollments", ENROLLMENT_COLUMNS, enrollments as unknown as Record<string, unknown>[]);
  }
}
