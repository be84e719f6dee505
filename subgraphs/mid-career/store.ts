/** SQL of the mid-career subgraph: row types, per-person loaders, row mappers. Reads only mid_career.*. */
import { rowsByKey } from "../kit/loaders";
import { addDays, addMonths, daysBetween } from "../../platform/dates";
import { SYNTHETIC_AS_OF } from "../kit/synthetic/person";
import type { CareerDesignSession } from "./career-design-session";
import type { WorkExperiencePlacement } from "./work-experience-placement";
import type { CareerDesignSessionKind, WorkExperienceStatus } from "./enums";

export interface SessionRow {
  id: string;
  person_id: string;
  held_on: string;
  provider: string;
  kind: `${CareerDesignSessionKind}`;
  hours: number;
}

export interface PlacementRow {
  id: string;
  person_id: string;
  host_company: string;
  industry: string;
  host_insured_staff: number;
  target_field: string;
  started_on: string;
  ended_on: string;
  weekly_hours: number;
  monthly_allowance: number;
  host_subsidy_monthly: number;
  status: `${WorkExperienceStatus}`;
  mentor_assigned: boolean;
}

/** Career design sessions of each person, oldest first. */
export const sessionsByPerson = rowsByKey<SessionRow>(
  "midCareerSessionsByPerson",
  "select id, person_id, held_on, provider, kind, hours " +
    "from mid_career.career_design_sessions where person_id = any($1) order by held_on, id",
  "person_id",
);

/** Work experience placements of each person, newest first. */
export const placementsByPerson = rowsByKey<PlacementRow>(
  "midCareerPlacementsByPerson",
  "select id, person_id, host_company, industry, host_insured_staff, target_field, started_on, ended_on, weekly_hours, " +
    "monthly_allowance, host_subsidy_monthly, status, mentor_assigned " +
    "from mid_career.work_experience_placements where person_id = any($1) order by started_on desc, id desc",
  "person_id",
);

export function toSession(row: SessionRow): CareerDesignSession {
  return {
    id: row.id,
    personId: row.person_id,
    heldOn: row.held_on,
    provider: row.provider,
    kind: row.kind as CareerDesignSessionKind,
    hours: row.hours,
  };
}

export function toPlacement(row: PlacementRow): WorkExperiencePlacement {
  return {
    id: row.id,
    personId: row.person_id,
    hostCompany: row.host_company,
    industry: row.industry,
    hostInsuredStaff: row.host_insured_staff,
    targetField: row.target_field,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    weeklyHours: row.weekly_hours,
    monthlyAllowance: row.monthly_allowance,
    hostSubsidyMonthly: row.host_subsidy_monthly,
    status: row.status as WorkExperienceStatus,
    mentorAssigned: row.mentor_assigned,
    // The synthetic records are a snapshot taken on SYNTHETIC_AS_OF: statuses and payments are as of that date.
    allowancePaid: allowancePaid(row, SYNTHETIC_AS_OF),
  };
}

/**
 * Participant allowance actually paid for one placement by `asOf`, in whole KRW. The allowance is
 * paid monthly in arrears per service month, the k-th running from startedOn + k months to the day
 * before startedOn + (k + 1) months (a 1-3 month placement is 1-3 such months):
 * - a service month whose last day is before `asOf` and not after endedOn is paid in full
 *   (monthlyAllowance, which already carries the attendance reduction);
 * - a placement that ended before `asOf` part-way through a service month (DROPPED) is paid for that
 *   month pro rata by calendar days on site, rounded down to the won;
 * - the service month still running on `asOf` is not paid yet, and a PLANNED placement earns nothing.
 * A day counts as served when it is before `asOf` (the records are taken at the start of that day).
 */
export function allowancePaid(
  row: Pick<PlacementRow, "started_on" | "ended_on" | "monthly_allowance" | "status">,
  asOf: string,
): number {
  if (row.status === "PLANNED" || row.started_on >= asOf) return 0;
  const ended = row.ended_on < asOf;
  const lastServed = ended ? row.ended_on : addDays(asOf, -1);
  let paid = 0;
  for (let k = 0; ; k++) {
    const from = addMonths(row.started_on, k);
    if (from > lastServed) break;
    const to = addDays(addMonths(row.started_on, k + 1), -1);
    if (to <= lastServed) {
      paid += row.monthly_allowance;
    } else {
      if (ended) paid += Math.floor((row.monthly_allowance * (daysBetween(from, lastServed) + 1)) / (daysBetween(from, to) + 1));
      break;
    }
  }
  return paid;
}
