/**
 * Synthetic participations in the Job Search Guarantee Package, derived from the shared synthetic
 * persons. `jobSearchGuaranteeRecordsFor` is pure: person i's records depend only on (SYNTHETIC_SEED,
 * Stream.JOB_SEARCH_GUARANTEE, i) and the person, never on how many persons are generated.
 *
 * The package is service-only (the published sources: "no income test and no cash allowance found"), so no
 * allowance or payment is generated.
 */
import { addDays, addMonths, daysBetween } from "../../platform/dates";
import { insertRows, type Store } from "../../platform/store";
import { CENTERS } from "../../platform/reference/centers";
import { SYNTHETIC_AS_OF, SYNTHETIC_SEED, type SyntheticPerson } from "../kit/synthetic/person";
import { Random, Stream } from "../kit/synthetic/random";
import { guaranteeSince } from "./centers";
import type { ParticipationRow, PhaseRow, PlacementRow } from "./store";

// --- Who takes part -------------------------------------------------------------------------------

/**
 * Share of eligible persons (unemployed at generation, at a center running the package) who took
 * part at least once. Assumption: illustrative take-up; the published sources gives no participant count.
 */
export const PARTICIPATION_SHARE = 0.12;
/**
 * Unemployment-benefit recipients are twice as likely to take part. the published sources "Focus: people
 * receiving unemployment benefit" [N] / "priority for unemployment-benefit recipients" (assumption);
 * the factor 2 is an assumption.
 */
export const PRIORITY_WEIGHT = 2;
/** Share of unemployed synthetic persons receiving unemployment benefit (kit/synthetic/person.ts: 30%). */
const RECIPIENT_SHARE_OF_UNEMPLOYED = 0.3;
/** Per-person chance for a non-recipient, so that the overall share is PARTICIPATION_SHARE. */
export const BASE_PARTICIPATION_CHANCE = PARTICIPATION_SHARE / (1 + (PRIORITY_WEIGHT - 1) * RECIPIENT_SHARE_OF_UNEMPLOYED);
/**
 * Assumption: youngest age at the start of a participation. the published sources names no age limit; the
 * working assumption there is "registered, unemployed job seekers", taken here as aged 15 or over
 * (the NESS lower age, the published sources "age 15 to 69" [N]).
 */
export const MIN_AGE_AT_START = 15;
/** Assumption: chance that someone whose participation is over (and past follow-up) takes part again. */
export const REPEAT_CHANCE = 0.15;
/** Assumption: at least this many days between the end of one participation and the next start. */
export const REPEAT_GAP_DAYS = 90;

// --- Phases (the published sources: diagnosis -> in-depth career design -> tailored job support [N]) -----

/** the published sources "one-to-one counselling, about 50 minutes a session" [N]. */
export const CAREER_DESIGN_SESSION_MINUTES = 50;

export const SERVICE_PHASES = ["DIAGNOSIS", "CAREER_DESIGN", "JOB_SUPPORT"] as const;
export type ServicePhase = (typeof SERVICE_PHASES)[number];

/** Assumption: durations and session counts are illustrative; the published sources gives none. */
export const PHASE_PLAN: Record<ServicePhase, { days: [number, number]; sessions: [number, number]; note: (sessions: number) => string }> = {
  // the published sources "diagnosis (AI tool "JobCare")" [N].
  DIAGNOSIS: { days: [7, 21], sessions: [1, 2], note: () => "JobCare AI diagnosis, intake counselling" },
  // the published sources "in-depth career design (one-to-one counselling, about 50 minutes a session)" [N].
  CAREER_DESIGN: {
    days: [21, 56],
    sessions: [3, 8],
    note: (n) => `One-to-one career design counselling, ${n} session${n === 1 ? "" : "s"} of about ${CAREER_DESIGN_SESSION_MINUTES} minutes`,
  },
  // the published sources "tailored job support (CV clinic, interview coaching, placement)" [N].
  JOB_SUPPORT: { days: [30, 180], sessions: [2, 10], note: () => "CV clinic, interview coaching, job placement" },
};

/** Assumption: chance a participation is abandoned part-way (none is reported in the published sources). */
export const DROP_CHANCE = 0.15;
/**
 * Assumption: months of follow-up after the service phases (current phase FOLLOW_UP), by analogy
 * with the NESS sources ("stages ... follow-up up to 3 months" [N]); the package's sources name no follow-up.
 */
export const FOLLOW_UP_MONTHS = 3;

// --- Placements ------------------------------------------------------------------------------------

/** Share of completed participations with a job placement. Assumption: illustrative, not in the published sources. */
export const PLACEMENT_SHARE_OF_COMPLETED = 0.45;
/** Assumption: mix of job types and monthly wages (whole KRW); illustrative, the published sources has none. */
export const EMPLOYMENT_TYPE_WEIGHTS: readonly (readonly [PlacementRow["employment_type"], number])[] = [
  ["PERMANENT", 50], ["FIXED_TERM", 35], ["PART_TIME", 15],
];
export const MONTHLY_WAGE_RANGE: Record<PlacementRow["employment_type"], [number, number]> = {
  PERMANENT: [2_100_000, 4_500_000],
  FIXED_TERM: [2_100_000, 3_800_000],
  PART_TIME: [800_000, 1_800_000],
};
export const WAGE_STEP = 10_000;

const EMPLOYER_STEMS = ["Hanbit", "Saesol", "Daon", "Nuri", "Purun", "Haeon", "Garam", "Byeolbit", "Onnuri", "Dasom", "Chorok", "Sinbi"];
const EMPLOYER_FORMS = ["Co., Ltd.", "Corporation", "Industries", "Partners", "Solutions", "Networks"];

// --- Generation ------------------------------------------------------------------------------------

export interface JobSearchGuaranteeRecords {
  participations: ParticipationRow[];
  phases: PhaseRow[];
  placements: PlacementRow[];
}

const FOCUS_INDUSTRIES = new Map(CENTERS.map((center) => [center.id, center.focusIndustries]));

/** Whether the person could have joined (assumption, the published sources working assumption). */
function eligibleSince(person: SyntheticPerson): string | null {
  // Assumption (the published sources): open to registered, unemployed job seekers, only at participating centers.
  if (person.employmentStatus !== "UNEMPLOYED") return null;
  const since = guaranteeSince(person.centerId);
  if (!since) return null;
  // Assumption: aged MIN_AGE_AT_START or over on the start date.
  const ageLimit = addMonths(person.birthDate, 12 * MIN_AGE_AT_START);
  return since > ageLimit ? since : ageLimit;
}

function participation(rng: Random, person: SyntheticPerson, ordinal: number, startedOn: string, records: JobSearchGuaranteeRecords): ParticipationRow {
  const id = `JSG-${person.id}-${ordinal}`;
  const willDrop = rng.chance(DROP_CHANCE);
  const dropPhase = rng.weighted<ServicePhase>([["DIAGNOSIS", 20], ["CAREER_DESIGN", 40], ["JOB_SUPPORT", 40]]);
  const dropFraction = rng.next();
  const wantsPlacement = rng.chance(PLACEMENT_SHARE_OF_COMPLETED);

  let phaseStart = startedOn;
  let status: ParticipationRow["status"] = "COMPLETED";
  let currentPhase: ParticipationRow["current_phase"] = "CLOSED";
  let endedOn: string | null = null;
  let jobSupport: { startedOn: string; days: number } | null = null;
  for (const phase of SERVICE_PHASES) {
    const plan = PHASE_PLAN[phase];
    const days = rng.between(plan.days);
    const plannedSessions = rng.between(plan.sessions);
    let lastDay = addDays(phaseStart, days - 1);
    const dropsHere = willDrop && dropPhase === phase;
    if (dropsHere) lastDay = addDays(phaseStart, Math.floor(dropFraction * days));
    // A phase not over before the snapshot date is still under way.
    const open = lastDay >= SYNTHETIC_AS_OF;
    const elapsed = daysBetween(phaseStart, open ? SYNTHETIC_AS_OF : lastDay) + 1;
    const sessions = Math.max(1, Math.min(plannedSessions, Math.round((plannedSessions * elapsed) / days)));
    records.phases.push({
      participation_id: id,
      person_id: person.id,
      phase,
      started_on: phaseStart,
      ended_on: open ? null : lastDay,
      sessions,
      note: plan.note(sessions),
    });
    if (phase === "JOB_SUPPORT") jobSupport = { startedOn: phaseStart, days: daysBetween(phaseStart, lastDay) + 1 };
    if (open) {
      status = "ACTIVE";
      currentPhase = phase;
      break;
    }
    endedOn = lastDay;
    if (dropsHere) {
      status = "DROPPED";
      currentPhase = "CLOSED";
      break;
    }
    phaseStart = addDays(lastDay, 1);
  }
  if (status === "COMPLETED") {
    currentPhase = SYNTHETIC_AS_OF <= addMonths(endedOn!, FOLLOW_UP_MONTHS) ? "FOLLOW_UP" : "CLOSED";
    if (wantsPlacement && jobSupport) {
      // Starts after job support began and no later than its last day (so before the snapshot date).
      const employmentType = rng.weighted(EMPLOYMENT_TYPE_WEIGHTS);
      const [low, high] = MONTHLY_WAGE_RANGE[employmentType];
      const industries = FOCUS_INDUSTRIES.get(person.centerId) ?? ["services"];
      records.placements.push({
        id: `${id}-J1`,
        participation_id: id,
        person_id: person.id,
        employer: `${rng.pick(EMPLOYER_STEMS)} ${rng.pick(EMPLOYER_FORMS)}`,
        industry: rng.pick(industries),
        started_on: addDays(jobSupport.startedOn, rng.int(1, jobSupport.days - 1)),
        monthly_wage: rng.amount(low, high, WAGE_STEP),
        employment_type: employmentType,
      });
    }
  }
  const row: ParticipationRow = {
    id,
    person_id: person.id,
    center_id: person.centerId,
    started_on: startedOn,
    ended_on: status === "ACTIVE" ? null : endedOn,
    status,
    current_phase: currentPhase,
    // Assumption: the benefit flag generated for the person stands for their status at each start.
    unemployment_benefit_at_start: person.receivingUnemploymentBenefit,
  };
  records.participations.push(row);
  return row;
}

/** The person's participations (oldest first), phases and placements; empty when they never took part. */
export function jobSearchGuaranteeRecordsFor(person: SyntheticPerson): JobSearchGuaranteeRecords {
  const records: JobSearchGuaranteeRecords = { participations: [], phases: [], placements: [] };
  const rng = new Random(SYNTHETIC_SEED, Stream.JOB_SEARCH_GUARANTEE, person.index);
  const chance = BASE_PARTICIPATION_CHANCE * (person.receivingUnemploymentBenefit ? PRIORITY_WEIGHT : 1);
  const joins = rng.chance(chance);
  const earliest = eligibleSince(person);
  if (!joins || !earliest) return records;
  const lastStart = addDays(SYNTHETIC_AS_OF, -1);
  if (earliest > lastStart) return records;

  const first = participation(rng, person, 1, addDays(earliest, rng.int(0, daysBetween(earliest, lastStart))), records);
  if (first.current_phase === "CLOSED" && rng.chance(REPEAT_CHANCE)) {
    const again = addDays(first.ended_on!, REPEAT_GAP_DAYS);
    if (again <= lastStart) participation(rng, person, 2, addDays(again, rng.int(0, daysBetween(again, lastStart))), records);
  }
  return records;
}

export async function seedJobSearchGuarantee(store: Store, persons: SyntheticPerson[]): Promise<void> {
  const all: JobSearchGuaranteeRecords = { participations: [], phases: [], placements: [] };
  for (const person of persons) {
    const records = jobSearchGuaranteeRecordsFor(person);
    for (const row of records.participations) all.participations.push(row);
    for (const row of records.phases) all.phases.push(row);
    for (const row of records.placements) all.placements.push(row);
  }
  await insertRows(
    store,
    "job_search_guarantee.participations",
    {
      id: "text", person_id: "text", center_id: "text", started_on: "date", ended_on: "date", status: "text",
      current_phase: "text", unemployment_benefit_at_start: "bool",
    },
    all.participations as unknown as Record<string, unknown>[],
  );
  await insertRows(
    store,
    "job_search_guarantee.phases",
    { participation_id: "text", person_id: "text", phase: "text", started_on: "date", ended_on: "date", sessions: "int", note: "text" },
    all.phases as unknown as Record<string, unknown>[],
  );
  await insertRows(
    store,
    "job_search_guarantee.placements",
    {
      id: "text", participation_id: "text", person_id: "text", employer: "text", industry: "text", started_on: "date",
      monthly_wage: "int", employment_type: "text",
    },
    all.placements as unknown as Record<string, unknown>[],
  );
}
