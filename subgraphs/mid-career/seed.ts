/**
 * Synthetic Mid-Career Career Support records, derived from the shared synthetic persons.
 * `midCareerRecordsFor` is pure: person i's rows depend only on (SYNTHETIC_SEED, Stream.MID_CAREER, i)
 * and the person, never on how many persons are generated.
 *
 * Coherence kept here (and checked by tests/mid-career.seed.test.ts):
 * - career design sessions only for persons aged 40 or over on the session date (Mid-Career Tomorrow
 *   Centers serve people 40+), 1-4 of them, held 2024-01-01 .. SYNTHETIC_AS_OF in date order, the
 *   first one always lifetime career design;
 * - at most one placement, for a person unemployed, not receiving unemployment benefit, qualified for
 *   the new field and without experience in it (the published sources target and status), aged 50-59 on the
 *   start date, starting in the 2025 pilot window or from 2026-02-09, and after the person's first
 *   career design session when they had one (the network's chain: career design -> training -> work
 *   experience -> placement);
 * - ended_on is 1-3 months after started_on (startedOn + m months - 1 day when it runs its course; a
 *   drop-out leaves in month 2 or 3, so still at least a month after the start);
 * - status follows the dates on SYNTHETIC_AS_OF: PLANNED starts after it (the only dates after it are
 *   a PLANNED start and the planned last day of a PLANNED or IN_PROGRESS placement), IN_PROGRESS has
 *   started and its planned last day is not past, COMPLETED and DROPPED ended before it.
 */
import { addDays, addMonths, ageOn, daysBetween } from "../../platform/dates";
import { insertRows, type Store } from "../../platform/store";
import { CENTERS } from "../../platform/reference/centers";
import { SYNTHETIC_AS_OF, SYNTHETIC_SEED, type SyntheticPerson } from "../kit/synthetic/person";
import { Random, Stream } from "../kit/synthetic/random";
import { midCareerParameters } from "./rules/evaluate";
import type { PlacementRow, SessionRow } from "./store";

// ---- Program figures: the dated parameters the eligibility rules read, in force on SYNTHETIC_AS_OF ----

const p = midCareerParameters;
/** the published sources "age" [O]: 50-59, "50대" (parameters/age-minimum.yaml). */
export const PLACEMENT_AGE_MINIMUM = p.at("age-minimum", SYNTHETIC_AS_OF);
/** the published sources "age" [O]: 50-59 (parameters/age-maximum.yaml). */
export const PLACEMENT_AGE_MAXIMUM = p.at("age-maximum", SYNTHETIC_AS_OF);
/** the published sources "duration" [O]: 1 to 3 months of work on site (parameters/placement-months.yaml). */
export const [PLACEMENT_MONTHS_MIN, PLACEMENT_MONTHS_MAX] = p.at<number[]>("placement-months", SYNTHETIC_AS_OF);
/** the published sources "participant allowance" [O] / [S]: up to KRW 1,500,000 a month (parameters/participant-allowance-monthly.yaml). */
export const PARTICIPANT_ALLOWANCE_MAX = p.at("participant-allowance-monthly", SYNTHETIC_AS_OF);
/** the published sources "host employer" [O] / [S]: up to KRW 400,000 a month per participant (parameters/host-subsidy-monthly.yaml). */
export const HOST_SUBSIDY_MONTHLY = p.at("host-subsidy-monthly", SYNTHETIC_AS_OF);
/** The host's minimum insured staff on SYNTHETIC_AS_OF (parameters/host-minimum-insured-staff.yaml; a placement uses the value of its start date). */
export const HOST_MIN_INSURED_STAFF = p.at("host-minimum-insured-staff", SYNTHETIC_AS_OF);
/** The weekly attendance reported (parameters/participant-minimum-weekly-hours.yaml). */
export const MIN_WEEKLY_HOURS = p.at("participant-minimum-weekly-hours", SYNTHETIC_AS_OF);
/** Assumption: at most a full-time week (the statutory 40 hours); the published sources gives no maximum. */
export const MAX_WEEKLY_HOURS = 40;

// ---- Mid-Career Tomorrow Center sessions -----------------------------------------------------------

/** the published sources "Names", Mid-Career Tomorrow Center [no confidence mark]: serves people 40+. */
export const CAREER_DESIGN_MIN_AGE = 40;
/** Assumption (synthetic caseload): sessions held from this date up to SYNTHETIC_AS_OF. */
export const SESSIONS_FROM = "2024-01-01";
/** Assumption (synthetic caseload): about 35% of persons aged 40+ attended. */
export const SESSION_SHARE = 0.35;
/** Assumption (synthetic caseload): 1-4 sessions each. */
export const MAX_SESSIONS = 4;
/** Assumption: days between one session and the next (none in the published sources). */
export const SESSION_GAP_DAYS: readonly [number, number] = [7, 60];
/** Assumption: hours of one session by kind (none in the published sources). */
export const SESSION_HOURS: Record<SessionRow["kind"], readonly [number, number]> = {
  LIFETIME_CAREER_DESIGN: [3, 8],
  OUTPLACEMENT: [2, 6],
  JOB_SEARCH_SKILLS: [2, 4],
};
/** Assumption: the mix of follow-up sessions; the first session is always lifetime career design. */
const LATER_SESSION_KINDS: readonly (readonly [SessionRow["kind"], number])[] = [
  ["LIFETIME_CAREER_DESIGN", 40], ["OUTPLACEMENT", 25], ["JOB_SEARCH_SKILLS", 35],
];

// ---- Work experience placements --------------------------------------------------------------------

/** Assumption (synthetic caseload): about 20% of the persons the program admits have one placement. */
export const PLACEMENT_SHARE = 0.2;
/** Assumption (synthetic caseload): the 2025 pilot placed people from 2025-03-01. */
export const PILOT_2025_FIRST_START = "2025-03-01";
/** Assumption: pilot placements started by 2025-09-30, so that they (at most 3 months) ended within 2025. */
export const PILOT_2025_LAST_START = "2025-09-30";
/** korea.kr newsId=148959272 (2026-02-09) [O]: the 2026 places from 2026-02-09. */
export const PLACES_2026_FIRST_START = "2026-02-09";
/** Assumption: a placement is agreed (PLANNED) at most 30 days before it starts. */
export const PLANNED_HORIZON_DAYS = 30;
/** the published sources "scale" [N]: 1,720 took part in the 2025 pilot, 2,000 places in 2026 (weights between the two windows). */
export const PILOT_2025_PARTICIPANTS = 1_720;
export const PLACES_2026 = 2_000;
/** Assumption: share of placements dropped part-way (none published); only 2-3 month placements, in month 2 or 3. */
export const DROP_CHANCE = 0.1;
/** Assumption: share of participants with full attendance, paid the whole PARTICIPANT_ALLOWANCE_MAX. */
export const FULL_ATTENDANCE_SHARE = 0.6;
/** Assumption: lowest attendance rate paid (percent); the allowance is reduced in proportion, to the 10,000 won below. */
export const MIN_ATTENDANCE_PERCENT = 70;
export const ALLOWANCE_STEP = 10_000;
/** Assumption: most hosts assign the mentor before the start ("with mentoring", the published sources duration [O]). */
export const MENTOR_BEFORE_START_SHARE = 0.5;
export const MENTOR_ON_SITE_SHARE = 0.95;
/** Assumption: size of host companies (insured staff), weighted to small firms. */
const HOST_STAFF_RANGES: readonly (readonly [readonly [number, number], number])[] = [
  [[HOST_MIN_INSURED_STAFF, 9], 35], [[10, 49], 40], [[50, 299], 20], [[300, 1_000], 5],
];
/** Illustrative new fields for people in their 50s changing career. */
export const TARGET_FIELDS = [
  "production quality control", "logistics and warehousing", "facility management", "industrial safety management",
  "care and welfare services", "office administration", "customer service", "IT support", "electrical maintenance",
  "environmental management", "purchasing and materials", "technical sales",
] as const;
const HOST_STEMS = ["Hanul", "Saebyeok", "Mirae", "Daehan", "Geumsan", "Jinheung", "Sejin", "Taeyang", "Hanmaeum", "Baekdu", "Cheongun", "Donghae"];
const HOST_FORMS = ["Co., Ltd.", "Corporation", "Industrial Co.", "Tech", "Services", "Logistics"];

// ---- Generation ------------------------------------------------------------------------------------

export interface MidCareerRecords {
  sessions: SessionRow[];
  placements: PlacementRow[];
}

const CENTER_BY_ID = new Map(CENTERS.map((center) => [center.id, center]));

/** Same naming as the people subgraph's consortium members: "Seoul Gwanak Mid-Career Tomorrow Center". */
export function tomorrowCenterName(centerId: string): string {
  const center = CENTER_BY_ID.get(centerId);
  return `${center ? center.name.replace(" Employment Center", "") : "Regional"} Mid-Career Tomorrow Center`;
}

/** The first day on which the person is `years` old (ageOn, so 29 February birthdays come out right). */
export function firstDayAged(birthDate: string, years: number): string {
  let day = addMonths(birthDate, 12 * years);
  while (ageOn(birthDate, day) < years) day = addDays(day, 1);
  return day;
}

/** Whether the program's status and target rules admit the person (its target [O] and status [S] rules). */
export function admittedToPlacement(person: SyntheticPerson): boolean {
  const since = person.monthsSinceInsuredAtHost;
  return (
    person.employmentStatus === "UNEMPLOYED" &&
    person.leftMainCareer &&
    (since === null || since >= p.at("host-insurance-lookback-months", SYNTHETIC_AS_OF)) &&
    !person.receivingUnemploymentBenefit &&
    person.newFieldQualification &&
    person.targetFieldExperienceMonths === 0
  );
}

/** The start windows still open to the person: each programme window cut to ages 50-59 and to after the first session. */
export function placementWindows(person: SyntheticPerson, firstSessionOn: string | null): { from: string; to: string; weight: number }[] {
  const ageFrom = firstDayAged(person.birthDate, PLACEMENT_AGE_MINIMUM);
  const ageTo = addDays(firstDayAged(person.birthDate, PLACEMENT_AGE_MAXIMUM + 1), -1);
  const chainFrom = firstSessionOn ? addDays(firstSessionOn, 1) : "0000-01-01";
  const windows = [
    { from: PILOT_2025_FIRST_START, to: PILOT_2025_LAST_START, weight: PILOT_2025_PARTICIPANTS },
    { from: PLACES_2026_FIRST_START, to: addDays(SYNTHETIC_AS_OF, PLANNED_HORIZON_DAYS), weight: PLACES_2026 },
  ];
  const latest = (...dates: string[]) => dates.reduce((a, b) => (a > b ? a : b));
  const earliest = (...dates: string[]) => dates.reduce((a, b) => (a < b ? a : b));
  return windows
    .map((w) => ({ from: latest(w.from, ageFrom, chainFrom), to: earliest(w.to, ageTo), weight: w.weight }))
    .filter((w) => w.from <= w.to);
}

function sessionsFor(rng: Random, person: SyntheticPerson): SessionRow[] {
  const from = [SESSIONS_FROM, firstDayAged(person.birthDate, CAREER_DESIGN_MIN_AGE)].reduce((a, b) => (a > b ? a : b));
  if (from > SYNTHETIC_AS_OF || !rng.chance(SESSION_SHARE)) return [];
  const count = rng.int(1, MAX_SESSIONS);
  const provider = tomorrowCenterName(person.centerId);
  const sessions: SessionRow[] = [];
  let heldOn = addDays(from, rng.int(0, daysBetween(from, SYNTHETIC_AS_OF)));
  for (let i = 1; i <= count && heldOn <= SYNTHETIC_AS_OF; i++) {
    const kind = i === 1 ? "LIFETIME_CAREER_DESIGN" : rng.weighted(LATER_SESSION_KINDS);
    sessions.push({ id: `MCD-${person.id}-${i}`, person_id: person.id, held_on: heldOn, provider, kind, hours: rng.between(SESSION_HOURS[kind]) });
    heldOn = addDays(heldOn, rng.between(SESSION_GAP_DAYS));
  }
  return sessions;
}

function placementFor(rng: Random, person: SyntheticPerson, firstSessionOn: string | null): PlacementRow | null {
  if (!admittedToPlacement(person)) return null;
  const windows = placementWindows(person, firstSessionOn);
  if (windows.length === 0 || !rng.chance(PLACEMENT_SHARE)) return null;
  const window = rng.weighted(windows.map((w) => [w, w.weight] as const));
  const startedOn = addDays(window.from, rng.int(0, daysBetween(window.from, window.to)));
  const months = rng.int(PLACEMENT_MONTHS_MIN, PLACEMENT_MONTHS_MAX);
  const plannedEnd = addDays(addMonths(startedOn, months), -1);
  // A drop-out leaves after the first full month and before the planned last day.
  const secondMonth = addMonths(startedOn, 1);
  const dropOn = months >= 2 && rng.chance(DROP_CHANCE) ? addDays(secondMonth, rng.int(0, daysBetween(secondMonth, plannedEnd) - 1)) : null;
  const fullAttendance = rng.chance(FULL_ATTENDANCE_SHARE);
  const attendancePercent = rng.int(MIN_ATTENDANCE_PERCENT, 99);
  const industries = CENTER_BY_ID.get(person.centerId)?.focusIndustries ?? ["services"];

  let status: PlacementRow["status"];
  let endedOn = plannedEnd;
  if (startedOn > SYNTHETIC_AS_OF) status = "PLANNED";
  else if (dropOn !== null && dropOn < SYNTHETIC_AS_OF) {
    status = "DROPPED";
    endedOn = dropOn;
  } else status = plannedEnd < SYNTHETIC_AS_OF ? "COMPLETED" : "IN_PROGRESS";

  return {
    id: `MCS-${person.id}-1`,
    person_id: person.id,
    host_company: `${rng.pick(HOST_STEMS)} ${rng.pick(HOST_FORMS)}`,
    industry: rng.pick(industries),
    host_insured_staff: Math.max(rng.between(rng.weighted(HOST_STAFF_RANGES)), p.at("host-minimum-insured-staff", startedOn)),
    target_field: rng.pick(TARGET_FIELDS),
    started_on: startedOn,
    ended_on: endedOn,
    weekly_hours: rng.int(MIN_WEEKLY_HOURS, MAX_WEEKLY_HOURS),
    // Attendance is not known before the start: a PLANNED placement shows the full rate.
    monthly_allowance:
      status === "PLANNED" || fullAttendance
        ? PARTICIPANT_ALLOWANCE_MAX
        : Math.floor((PARTICIPANT_ALLOWANCE_MAX * attendancePercent) / 100 / ALLOWANCE_STEP) * ALLOWANCE_STEP,
    host_subsidy_monthly: HOST_SUBSIDY_MONTHLY,
    status,
    mentor_assigned: rng.chance(status === "PLANNED" ? MENTOR_BEFORE_START_SHARE : MENTOR_ON_SITE_SHARE),
  };
}

/** The person's career design sessions (oldest first) and placements (at most one). */
export function midCareerRecordsFor(person: SyntheticPerson): MidCareerRecords {
  const rng = new Random(SYNTHETIC_SEED, Stream.MID_CAREER, person.index);
  const sessions = sessionsFor(rng, person);
  const placement = placementFor(rng, person, sessions[0]?.held_on ?? null);
  return { sessions, placements: placement ? [placement] : [] };
}

const SESSION_COLUMNS = { id: "text", person_id: "text", held_on: "date", provider: "text", kind: "text", hours: "int" };
const PLACEMENT_COLUMNS = {
  id: "text", person_id: "text", host_company: "text", industry: "text", host_insured_staff: "int", target_field: "text",
  started_on: "date", ended_on: "date", weekly_hours: "int", monthly_allowance: "int", host_subsidy_monthly: "int",
  status: "text", mentor_assigned: "bool",
};
/** Persons generated and inserted at a time, so a million-person seed holds only one slice of rows in memory. */
const PERSONS_PER_SLICE = 100_000;

export async function seedMidCareer(store: Store, persons: SyntheticPerson[]): Promise<void> {
  for (let start = 0; start < persons.length; start += PERSONS_PER_SLICE) {
    const sessions: SessionRow[] = [];
    const placements: PlacementRow[] = [];
    for (const person of persons.slice(start, start + PERSONS_PER_SLICE)) {
      const records = midCareerRecordsFor(person);
      for (const row of records.sessions) sessions.push(row);
      for (const row of records.placements) placements.push(row);
    }
    await insertRows(store, "mid_career.career_design_sessions", SESSION_COLUMNS, sessions as unknown as Record<string, unknown>[]);
    await insertRows(store, "mid_career.work_experience_placements", PLACEMENT_COLUMNS, placements as unknown as Record<string, unknown>[]);
  }
}
