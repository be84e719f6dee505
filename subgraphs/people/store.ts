/** SQL of the people subgraph: its loaders and the persons page query. Reads only people.*. */
import { rowByKey, rowsByKey } from "../kit/loaders";
import type { Store } from "../../platform/store";
import { addMonths, todayInKorea } from "../../platform/dates";
import type { EmploymentCenter, ConsortiumMember } from "./employment-center";
import type { Person } from "./person";
import type { PersonFilter } from "./connection";
import { LEVEL_LEFT_OUT, generalisationLevels, released, BIRTH_YEAR_BAND } from "../kit/security/generalisation";
import { assetsBand, incomeBand } from "../kit/bands";

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
  /** Generalisation level of the analyst's view (kit/security/generalisation.ts); 6 until computed. */
  analyst_level: number;
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
      analystLevel: row.analyst_level ?? LEVEL_LEFT_OUT,
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
    analystLevel: row.analyst_level ?? LEVEL_LEFT_OUT,
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
  if (order.kind === "analyst") return analystFilterClause(filter, today);
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

/** SQL of the level below which a value is released (generalisation.ts): `analyst_level < n`. */
const LEVEL_CENTER_WITHHELD = [0, 1, 2, 3, 4, 5, 6].find((l) => !released(l).center)!;
const LEVEL_BIRTH_YEAR_WITHHELD = [0, 1, 2, 3, 4, 5, 6].find((l) => !released(l).birthYear)!;

/**
 * An analyst's filter matches on what the analyst's view releases of each person, never on a
 * withheld value, so no count can recover one: persons left out match nothing; a center matches
 * only persons whose center is released; an age range matches a person by the birth year where it
 * is released, and by the 5-year band where only the band is (every age of the band in the range).
 * Ages are those reached this year (this year minus the birth year), so a filter selects whole birth years.
 */
function analystFilterClause(filter: PersonFilter, today: string): { where: string; params: unknown[] } {
  const conditions: string[] = [`analyst_level < ${LEVEL_LEFT_OUT}`];
  const params: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filter.region) add((p) => `region = ${p}`, filter.region);
  if (filter.centerId) add((p) => `center_id = ${p} and analyst_level < ${LEVEL_CENTER_WITHHELD}`, filter.centerId);
  if (filter.employmentStatus) add((p) => `employment_status = ${p}`, filter.employmentStatus);
  if (filter.minAge != null || filter.maxAge != null) {
    const year = Number(today.slice(0, 4));
    // Birth years whose age this year is within the range: year - maxAge .. year - minAge.
    const fromYear = filter.maxAge != null ? year - filter.maxAge : -1_000_000;
    const toYear = filter.minAge != null ? year - filter.minAge : 1_000_000;
    const birthYear = "extract(year from birth_date)::int";
    const bandFrom = `(floor(${birthYear}::numeric / ${BIRTH_YEAR_BAND}) * ${BIRTH_YEAR_BAND})::int`;
    params.push(fromYear, toYear);
    const [f, t] = [`$${params.length - 1}::int`, `$${params.length}::int`];
    conditions.push(
      `((analyst_level < ${LEVEL_BIRTH_YEAR_WITHHELD} and ${birthYear} between ${f} and ${t}) or ` +
        `(analyst_level >= ${LEVEL_BIRTH_YEAR_WITHHELD} and ${bandFrom} >= ${f} and ${bandFrom} + ${BIRTH_YEAR_BAND - 1} <= ${t}))`,
    );
  }
  return { where: conditions.join(" and "), params };
}

/**
 * Computes every person's generalisation level for the analyst's view (k = `minGroup`) from the
 * persons now stored, and stores those that changed. Run after a seed and at every start of people.
 */
export async function recomputeAnalystLevels(store: Store, minGroup: number): Promise<{ persons: number; changed: number; levels: number[] }> {
  const rows = await store.query<{ id: string; birth_date: string; region: string | null; center_id: string | null; household_size: number; household_monthly_income: number | string; household_assets: number | string; analyst_level: number }>(
    "select id, birth_date::text as birth_date, region, center_id, household_size, household_monthly_income, household_assets, analyst_level from people.persons order by id",
  );
  const levels = generalisationLevels(
    rows.map((r) => ({
      birthYear: Number(String(r.birth_date).slice(0, 4)),
      centerId: r.center_id,
      region: r.region,
      householdSize: r.household_size,
      incomeBand: incomeBand(Number(r.household_monthly_income)),
      assetsBand: assetsBand(Number(r.household_assets)),
    })),
    minGroup,
  );
  const changed = rows.flatMap((r, i) => (r.analyst_level === levels[i] ? [] : [{ id: r.id, level: levels[i] }]));
  for (let start = 0; start < changed.length; start += 25_000) {
    const chunk = changed.slice(start, start + 25_000);
    await store.query(
      "update people.persons p set analyst_level = u.level from unnest($1::text[], $2::smallint[]) as u(id, level) where p.id = u.id",
      [chunk.map((c) => c.id), chunk.map((c) => c.level)],
    );
  }
  const perLevel = [0, 0, 0, 0, 0, 0, 0];
  for (const level of levels) perLevel[level]++;
  return { persons: rows.length, changed: changed.length, levels: perLevel };
}

