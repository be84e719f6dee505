/**
 * Reads the published extracts (people's and each program's `statistics_*_v1` views, in their own
 * schemas) into a Population. Nothing else of another subgraph is read. The views name persons by a
 * keyed hash whose key is this session's setting: a fresh random key for every read, so the
 * pseudonyms join the extracts of one read and mean nothing after it.
 */
import { randomBytes } from "node:crypto";
import type { Store } from "../../platform/store";
import type { NetworkStage } from "../kit/eligibility";
import type { Population } from "./population";

type Query = <Row = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<Row[]>;

const BATCH = 50_000;

/** Every row of a view, through a cursor (a million rows never sit in one result). */
async function eachRow<Row>(query: Query, cursor: string, sql: string, onRow: (row: Row) => void): Promise<void> {
  await query(`declare ${cursor} no scroll cursor for ${sql}`);
  for (;;) {
    const rows = await query<Row>(`fetch ${BATCH} from ${cursor}`);
    for (const row of rows) onRow(row);
    if (rows.length < BATCH) break;
  }
  await query(`close ${cursor}`);
}

interface PersonRow {
  pseudonym: string; birth_date: string; region: string; center_id: string; household_size: number; household_monthly_income: number;
  household_assets: number; dependants: number; employment_status: string; occupation: string; student_status: string; employer_size: string;
  monthly_wage: number; weekly_work_hours: number; work_days_last_24_months: number; work_hours_last_24_months: number;
  self_employed_annual_revenue: number; military_service_months: number; receiving_unemployment_benefit: boolean;
  target_field_experience_months: number; new_field_qualification: boolean; left_main_career: boolean;
  months_since_insured_at_host: number | null; specific_group: string; foreign_national: boolean;
  training_support_restricted: boolean; in_other_government_funded_training: boolean;
}

export async function readPopulation(store: Store): Promise<Population> {
  return store.session(async (query) => {
    await query("begin isolation level repeatable read read only");
    try {
      await query("select set_config('naeil.statistics_key', $1, true)", [randomBytes(32).toString("hex")]);
      const [{ n }] = await query<{ n: number }>("select count(*)::int as n from people.statistics_persons_v2");
      const p = emptyPopulation(n);
      const index = new Map<string, number>();
      let i = 0;
      await eachRow<PersonRow>(query, "persons", "select * from people.statistics_persons_v2", (r) => {
        if (i >= n) return; // a person added after the count: left for the next read
        index.set(r.pseudonym, i);
        p.birthDate[i] = r.birth_date;
        p.region[i] = r.region;
        p.centerId[i] = r.center_id;
        p.householdSize[i] = r.household_size;
        p.monthlyIncome[i] = r.household_monthly_income;
        p.assets[i] = r.household_assets;
        p.dependants[i] = r.dependants;
        p.employmentStatus[i] = r.employment_status;
        p.occupation[i] = r.occupation;
        p.studentStatus[i] = r.student_status;
        p.employerSize[i] = r.employer_size;
        p.monthlyWage[i] = r.monthly_wage;
        p.weeklyWorkHours[i] = r.weekly_work_hours;
        p.workDays[i] = r.work_days_last_24_months;
        p.workHours[i] = r.work_hours_last_24_months;
        p.selfEmployedRevenue[i] = r.self_employed_annual_revenue;
        p.militaryServiceMonths[i] = r.military_service_months;
        p.receivingUnemploymentBenefit[i] = r.receiving_unemployment_benefit ? 1 : 0;
        p.targetFieldExperienceMonths[i] = r.target_field_experience_months;
        p.newFieldQualification[i] = r.new_field_qualification ? 1 : 0;
        p.leftMainCareer[i] = r.left_main_career ? 1 : 0;
        p.monthsSinceInsuredAtHost[i] = r.months_since_insured_at_host ?? -1;
        p.specificGroup[i] = r.specific_group;
        p.foreignNational[i] = r.foreign_national ? 1 : 0;
        p.trainingSupportRestricted[i] = r.training_support_restricted ? 1 : 0;
        p.inOtherGovernmentFundedTraining[i] = r.in_other_government_funded_training ? 1 : 0;
        i++;
      });
      p.size = i;
      const listed = <Row extends { pseudonym: string }, Kept>(target: (Kept[] | undefined)[], keep: (row: Row) => Kept) => (row: Row) => {
        const at = index.get(row.pseudonym);
        if (at === undefined) return; // a record of a person not in the person extract
        (target[at] ??= []).push(keep(row));
      };
      await eachRow(query, "ness", "select * from employment_support.statistics_enrollments_v1",
        listed(p.nessEnrollments, (r: any) => ({ applied_on: r.applied_on, decided_on: r.decided_on, status: r.status, services_end_on: r.services_end_on })));
      await eachRow(query, "jsg", "select * from job_search_guarantee.statistics_participations_v1",
        listed(p.guaranteeParticipations, (r: any) => ({ started_on: r.started_on, ended_on: r.ended_on, status: r.status })));
      await eachRow(query, "mc", "select * from mid_career.statistics_placements_v1",
        listed(p.midCareerPlacements, (r: any) => ({ started_on: r.started_on, ended_on: r.ended_on, status: r.status })));
      await eachRow(query, "lc", "select * from learning_card.statistics_card_charges_v1",
        listed(p.cardCharges, (r: any) => ({ enrolled_on: r.enrolled_on, status: r.status, card_charge: r.card_charge })));
      await eachRow<{ pseudonym: string; issued_on: string; expires_on: string; grant_total: number; status: string }>(
        query, "cards", "select * from learning_card.statistics_cards_v1", (r) => {
          const at = index.get(r.pseudonym);
          if (at !== undefined) p.learningCards[at] = { issued_on: r.issued_on, expires_on: r.expires_on, grant_total: r.grant_total, status: r.status };
        });
      for (const schema of ["employment_support", "job_search_guarantee", "mid_career", "learning_card"]) {
        await eachRow<{ pseudonym: string; stage: NetworkStage; occurred_on: string }>(
          query, `events_${schema}`, `select * from ${schema}.statistics_network_events_v1`, (r) => {
            const at = index.get(r.pseudonym);
            if (at === undefined) return;
            const reached = (p.firstReached[at] ??= {});
            const known = reached[r.stage];
            if (known === undefined || r.occurred_on < known) reached[r.stage] = r.occurred_on;
          });
      }
      await query("commit");
      return p;
    } catch (error) {
      await query("rollback").catch(() => {});
      throw error;
    }
  });
}

function emptyPopulation(n: number): Population {
  return {
    size: n,
    loadedAt: Date.now(),
    birthDate: new Array(n), region: new Array(n), centerId: new Array(n),
    householdSize: new Int32Array(n), monthlyIncome: new Float64Array(n), assets: new Float64Array(n), dependants: new Int32Array(n),
    employmentStatus: new Array(n), occupation: new Array(n), studentStatus: new Array(n), employerSize: new Array(n),
    monthlyWage: new Float64Array(n), weeklyWorkHours: new Int32Array(n), workDays: new Int32Array(n), workHours: new Int32Array(n),
    selfEmployedRevenue: new Float64Array(n), militaryServiceMonths: new Int32Array(n), receivingUnemploymentBenefit: new Uint8Array(n),
    targetFieldExperienceMonths: new Int32Array(n), newFieldQualification: new Uint8Array(n),
    leftMainCareer: new Uint8Array(n), monthsSinceInsuredAtHost: new Int32Array(n), specificGroup: new Array(n), foreignNational: new Uint8Array(n),
    trainingSupportRestricted: new Uint8Array(n), inOtherGovernmentFundedTraining: new Uint8Array(n),
    nessEnrollments: new Array(n), guaranteeParticipations: new Array(n), midCareerPlacements: new Array(n),
    learningCards: new Array(n), cardCharges: new Array(n), firstReached: new Array(n),
  };
}
