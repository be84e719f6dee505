/** Seeds the centers of the network and the synthetic person register. */
import { insertRows, type Store } from "../../platform/store";
import { CENTERS, CONSORTIUM_KINDS, type CenterSeed } from "../../platform/reference/centers";
import type { SyntheticPerson } from "../kit/synthetic/person";
import type { SeedPart } from "../kit/subgraph";

const CONSORTIUM_NAME: Record<(typeof CONSORTIUM_KINDS)[number], (center: CenterSeed) => string> = {
  EMPLOYMENT_CENTER: (center) => center.name,
  MID_CAREER_TOMORROW_CENTER: (center) => `${center.name.replace(" Employment Center", "")} Mid-Career Tomorrow Center`,
  LOCAL_GOVERNMENT: (center) => `${center.name.replace(" Employment Center", "")} local government`,
  KOREA_POLYTECHNIC: (center) => `Korea Polytechnic, ${center.region.charAt(0)}${center.region.slice(1).toLowerCase()} campus`,
  WOMENS_REEMPLOYMENT_CENTER: (center) => `${center.name.replace(" Employment Center", "")} Women's Re-employment Center`,
};

export async function seedPeople(store: Store, persons: SyntheticPerson[], part: SeedPart = "all"): Promise<void> {
  if (part !== "persons") await seedCenters(store);
  if (part !== "reference") await seedPersons(store, persons);
  // The analyst's generalisation levels of the persons loaded are people's onStart (index.ts), which
  // runs after every seed (the server's and scripts/seed.ts, once after all slices) and at each start.
}

async function seedCenters(store: Store): Promise<void> {
  await insertRows(
    store,
    "people.employment_centers",
    { id: "text", name: "text", name_ko: "text", region: "text", focus_industries: "text[]", network_since: "int", illustrative: "bool" },
    CENTERS.map((c) => ({ ...c, name_ko: c.nameKo, network_since: c.networkSince, focus_industries: c.focusIndustries })),
  );
  await insertRows(
    store,
    "people.consortium_members",
    { center_id: "text", kind: "text", name: "text" },
    CENTERS.flatMap((center) => CONSORTIUM_KINDS.map((kind) => ({ center_id: center.id, kind, name: CONSORTIUM_NAME[kind](center) }))),
  );
}

async function seedPersons(store: Store, persons: SyntheticPerson[]): Promise<void> {
  await insertRows(
    store,
    "people.persons",
    {
      id: "text", name: "text", birth_date: "date", region: "text", center_id: "text", household_size: "int",
      household_monthly_income: "bigint", household_assets: "bigint", dependants: "int", employment_status: "text",
      occupation: "text", student_status: "text", employer_size: "text", monthly_wage: "bigint", weekly_work_hours: "int",
      work_days_last_24_months: "int", work_hours_last_24_months: "int", self_employed_annual_revenue: "bigint",
      military_service_months: "int", receiving_unemployment_benefit: "bool", target_field_experience_months: "int",
      new_field_qualification: "bool", left_main_career: "bool", months_since_insured_at_host: "int", specific_group: "text",
      foreign_national: "bool", training_support_restricted: "bool", in_other_government_funded_training: "bool",
    },
    persons.map((p) => ({
      id: p.id, name: p.name, birth_date: p.birthDate, region: p.region, center_id: p.centerId, household_size: p.householdSize,
      household_monthly_income: p.householdMonthlyIncome, household_assets: p.householdAssets, dependants: p.dependants,
      employment_status: p.employmentStatus, occupation: p.occupation, student_status: p.studentStatus, employer_size: p.employerSize,
      monthly_wage: p.monthlyWage, weekly_work_hours: p.weeklyWorkHours, work_days_last_24_months: p.workDaysLast24Months,
      work_hours_last_24_months: p.workHoursLast24Months, self_employed_annual_revenue: p.selfEmployedAnnualRevenue,
      military_service_months: p.militaryServiceMonths, receiving_unemployment_benefit: p.receivingUnemploymentBenefit,
      target_field_experience_months: p.targetFieldExperienceMonths, new_field_qualification: p.newFieldQualification,
      left_main_career: p.leftMainCareer, months_since_insured_at_host: p.monthsSinceInsuredAtHost, specific_group: p.specificGroup,
      foreign_national: p.foreignNational, training_support_restricted: p.trainingSupportRestricted,
      in_other_government_funded_training: p.inOtherGovernmentFundedTraining,
    })),
  );
}
