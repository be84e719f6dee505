/** SQL of the job-search-guarantee subgraph: row types, per-person loaders and row mappers. Reads only job_search_guarantee.*. */
import { rowsByKey } from "../kit/loaders";
import type { GuaranteeParticipation } from "./participation";
import type { GuaranteePhase } from "./phase";
import type { GuaranteeJobPlacement } from "./placement";
import type { GuaranteeEmploymentType, GuaranteeParticipationStatus, GuaranteePhaseKind } from "./enums";

export interface ParticipationRow {
  id: string;
  person_id: string;
  center_id: string;
  started_on: string;
  ended_on: string | null;
  status: `${GuaranteeParticipationStatus}`;
  current_phase: `${GuaranteePhaseKind}`;
  unemployment_benefit_at_start: boolean;
}

export interface PhaseRow {
  participation_id: string;
  person_id: string;
  phase: "DIAGNOSIS" | "CAREER_DESIGN" | "JOB_SUPPORT";
  started_on: string;
  ended_on: string | null;
  sessions: number;
  note: string;
}

export interface PlacementRow {
  id: string;
  participation_id: string;
  person_id: string;
  employer: string;
  industry: string;
  started_on: string;
  monthly_wage: number;
  employment_type: `${GuaranteeEmploymentType}`;
}

/** Participations of each person, newest first. */
export const participationsByPerson = rowsByKey<ParticipationRow>(
  "jsgParticipationsByPerson",
  "select id, person_id, center_id, started_on, ended_on, status, current_phase, unemployment_benefit_at_start " +
    "from job_search_guarantee.participations where person_id = any($1) order by started_on desc, id desc",
  "person_id",
);

/** Every phase of each person (all participations), oldest first; filtered per participation in memory. */
export const phasesByPerson = rowsByKey<PhaseRow>(
  "jsgPhasesByPerson",
  "select participation_id, person_id, phase, started_on, ended_on, sessions, note " +
    "from job_search_guarantee.phases where person_id = any($1) order by started_on, participation_id",
  "person_id",
);

/** Every placement of each person (all participations), oldest first; filtered per participation in memory. */
export const placementsByPerson = rowsByKey<PlacementRow>(
  "jsgPlacementsByPerson",
  "select id, participation_id, person_id, employer, industry, started_on, monthly_wage, employment_type " +
    "from job_search_guarantee.placements where person_id = any($1) order by started_on, id",
  "person_id",
);

export function toParticipation(row: ParticipationRow): GuaranteeParticipation {
  return {
    id: row.id,
    personId: row.person_id,
    centerId: row.center_id,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    status: row.status as GuaranteeParticipationStatus,
    currentPhase: row.current_phase as GuaranteePhaseKind,
    unemploymentBenefitAtStart: row.unemployment_benefit_at_start,
  };
}

export function toPhase(row: PhaseRow): GuaranteePhase {
  return {
    participationId: row.participation_id,
    phase: row.phase as GuaranteePhaseKind,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    sessions: row.sessions,
    note: row.note,
  };
}

export function toPlacement(row: PlacementRow): GuaranteeJobPlacement {
  return {
    id: row.id,
    participationId: row.participation_id,
    employer: row.employer,
    industry: row.industry,
    startedOn: row.started_on,
    monthlyWage: row.monthly_wage,
    employmentType: row.employment_type as GuaranteeEmploymentType,
  };
}
