/** SQL of the people subgraph: its loaders and the persons page query. Reads only people.*. */
import { rowByKey, rowsByKey } from "../kit/loaders";
import type { Store } from "../../platform/store";
import { addMonths, todayInKorea } from "../../platform/dates";
import type { EmploymentCenter, ConsortiumMember } from "./employment-center";
import type { Person } from "./person";
import type { PersonFilter } from "./connection";

export interface PersonRow {
  id: string;
  name: string;
  birth_date: string;
  region: string;
  center_id: string;
  household_size: number;
  household_monthly_income: number;
  household_assets: number;
  dependants: number;
  employment_status: string;
  occupation: string;
  student_status: string;
  employer_size: string;
  monthly_wage: number;
  weekly_work_hours: number;
  work_days_last_24_months: number;
  work_hours_last_24_months: number;
  self_employed_annual_revenue: number;
  military_service_months: number;
  receiving_unemployment_benefit: boolean;
  target_field_experience_months: number;
  new_field_qualification: boolean;
  left_main_career: boolean;
  months_since_insured_at_host: number | null;
  specific_group: string;
  foreign_national: boolean;
  training_support_restricted: boolean;
  in_other_government_funded_training: boolean;
}

interface CenterRow {
  id: string;
  name: string;
  name_ko: string;
  region: string;
  focus_industries: string[];
  network_since: number;
  illustrative: boolean;
}

interface ConsortiumRow {
  center_id: string;
  kind: string;
  name: string;
}

export const personById = rowByKey<PersonRow>("personById", "select * from people.persons where id = any($1)", "id");
export const centerById = rowByKey<CenterRow>("centerById", "select * from people.employment_centers where id = any($1)", "id");
export const consortiumByCenter = rowsByKey<ConsortiumRow>(
  "consortiumByCenter",
  "select center_id, kind, name from people.consortium_members where center_id = any($1) order by kind",
  "center_id",
);

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    birthDate: row.birth_date,
    region: row.region as Person["region"],
    centerId: row.center_id,
    household: {
      size: row.household_size,
      monthlyIncome: row.household_monthly_income,
      assets: row.household_assets,
      dependants: row.dependants,
    },
    employment: {
      status: row.employment_status as Person["employment"]["status"],
      occupation: row.occupation as Person["employment"]["occupation"],
      employerSize: row.employer_size as Person["employment"]["employerSize"],
      monthlyWage: row.monthly_wage,
      weeklyWorkHours: row.weekly_work_hours,
      workDaysLast24Months: row.work_days_last_24_months,
      workHoursLast24Months: row.work_hours_last_24_months,
      selfEmployedAnnualRevenue: row.self_employed_annual_revenue,
      receivingUnemploymentBenefit: row.receiving_unemployment_benefit,
    },
    careerChange: {
      targetFieldExperienceMonths: row.target_field_experience_months,
      newFieldQualification: row.new_field_qualification,
      leftMainCareer: row.left_main_career,
      monthsSinceInsuredAtHost: row.months_since_insured_at_host,
    },
    studentStatus: row.student_status as Person["studentStatus"],
    militaryServiceMonths: row.military_service_months,
    specificGroup: row.specific_group as Person["specificGroup"],
    foreignNational: row.foreign_national,
    trainingSupportRestricted: row.training_support_restricted,
    inOtherGovernmentFundedTraining: row.in_other_government_funded_training,
  };
}

export function toCenter(row: CenterRow): EmploymentCenter {
  return {
    id: row.id,
    name: row.name,
    nameKo: row.name_ko,
    region: row.region as EmploymentCenter["region"],
    focusIndustries: row.focus_industries,
    networkSince: row.network_since,
    illustrative: row.illustrative,
  };
}

export function toConsortiumMember(row: ConsortiumRow): ConsortiumMember {
  return { kind: row.kind as ConsortiumMember["kind"], name: row.name };
}

export async function listCenters(store: Store, region?: string): Promise<EmploymentCenter[]> {
  const rows = await store.query<CenterRow>(
    "select * from people.employment_centers where ($1::text is null or region = $1) order by id",
    [region ?? null],
  );
  return rows.map(toCenter);
}

/**
 * How a page is ordered and read: counsellors by id; analysts in the keyed pseudorandom order of
 * `md5(orderKey || id)` (never the id's order) with ages counted from the birth year alone.
 */
export type PageOrder = { kind: "id" } | { kind: "analyst"; orderKey: string };

/**
 * WHERE clause and parameters for a filter. Ages are converted to birth-date bounds as of today; for
 * an analyst an age is the one reached this year (today's year minus the birth year), so a filter on
 * age selects whole birth years.
 */
function filterClause(filter: PersonFilter, centers: string[] | null, order: PageOrder, today = todayInKorea()): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filter.region) add((p) => `region = ${p}`, filter.region);
  if (filter.centerId) add((p) => `center_id = ${p}`, filter.centerId);
  if (centers) add((p) => `center_id = any(${p})`, centers);
  if (filter.employmentStatus) add((p) => `employment_status = ${p}`, filter.employmentStatus);
  if (order.kind === "analyst") {
    const year = Number(today.slice(0, 4));
    // year - birthYear >= minAge  <=>  born before the first day of year - minAge + 1.
    if (filter.minAge != null) add((p) => `birth_date < ${p}::date`, `${String(year - filter.minAge + 1).padStart(4, "0")}-01-01`);
    // year - birthYear <= maxAge  <=>  born on or after the first day of year - maxAge.
    if (filter.maxAge != null) add((p) => `birth_date >= ${p}::date`, `${String(year - filter.maxAge).padStart(4, "0")}-01-01`);
    return { where: conditions.length ? conditions.join(" and ") : "true", params };
  }
  // age >= minAge  <=>  born on or before today minus minAge years.
  if (filter.minAge != null) add((p) => `birth_date <= ${p}::date`, addMonths(today, -12 * filter.minAge));
  // age <= maxAge  <=>  born after today minus (maxAge + 1) years.
  if (filter.maxAge != null) add((p) => `birth_date > ${p}::date`, addMonths(today, -12 * (filter.maxAge + 1)));
  return { where: conditions.length ? conditions.join(" and ") : "true", params };
}

/**
 * One page by keyset: `first + 1` rows tell whether another page follows. `centers`: only persons
 * managed by these centers (a counsellor's); null for no such limit. `after`: the last person of the
 * previous page (its id, or for an analyst its place in the keyed order: Pseudonymizer.listOrder).
 */
export async function pageOfPersons(store: Store, filter: PersonFilter, first: number, after: string | null, centers: string[] | null = null, order: PageOrder = { kind: "id" }) {
  const { where, params } = filterClause(filter, centers, order);
  const n = params.length;
  const rows =
    order.kind === "analyst"
      ? await store.query<PersonRow>(
          `select * from people.persons where ${where} and ($${n + 2}::text is null or md5($${n + 1} || id) > $${n + 2}) order by md5($${n + 1} || id) limit $${n + 3}`,
          [...params, order.orderKey, after, first + 1],
        )
      : await store.query<PersonRow>(
          `select * from people.persons where ${where} and ($${n + 1}::text is null or id > $${n + 1}) order by id limit $${n + 2}`,
          [...params, after, first + 1],
        );
  return {
    rows: rows.slice(0, first),
    hasNextPage: rows.length > first,
    count: async () => {
      const [{ count }] = await store.query<{ count: number }>(`select count(*)::int as count from people.persons where ${where}`, params);
      return count;
    },
  };
}
