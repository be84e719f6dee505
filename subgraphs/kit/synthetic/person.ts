/**
 * Deterministic synthetic persons. Person i is a pure function of (SYNTHETIC_SEED, i): the same on
 * every machine, whatever the total count, in every subgraph that generates it. Ages are skewed to
 * 50+ (the Mid-Career Employment Network's people) but cover 15-75; names are Korean; each person's
 * region is their employment center's region. Ids are pseudonymous (P + 8 digits): no resident
 * registration number ever enters the graph (PIPA Art. 24-2).
 */
import { addDays } from "../../../platform/dates";
import { CENTERS, type Region } from "../../../platform/reference/centers";
import { Random, Stream } from "./random";
import { personId } from "../../../platform/reference/person-id";

export { PERSON_ID, personId } from "../../../platform/reference/person-id";

export const SYNTHETIC_SEED = 20260125;
/** The synthetic systems of record are a snapshot taken on this date. */
export const SYNTHETIC_AS_OF = "2026-11-01";

export type EmploymentStatus = "UNEMPLOYED" | "EMPLOYED" | "SELF_EMPLOYED" | "SPECIAL_TYPE_WORKER";
export type Occupation = "PUBLIC_SERVANT" | "PRIVATE_SCHOOL_STAFF" | "MILITARY" | "OTHER";
export type StudentStatus = "NONE" | "FINAL_YEAR" | "ENROLLED";
export type EmployerSize = "LARGE" | "SME" | "NONE";
export type SpecificGroup = "NONE" | "NORTH_KOREAN_DEFECTOR" | "MARRIAGE_MIGRANT" | "OTHER_DESIGNATED";

export interface SyntheticPerson {
  index: number;
  id: string;
  name: string;
  birthDate: string;
  region: Region;
  centerId: string;
  householdSize: number;
  householdMonthlyIncome: number;
  householdAssets: number;
  dependants: number;
  employmentStatus: EmploymentStatus;
  occupation: Occupation;
  studentStatus: StudentStatus;
  employerSize: EmployerSize;
  monthlyWage: number;
  weeklyWorkHours: number;
  workDaysLast24Months: number;
  workHoursLast24Months: number;
  selfEmployedAnnualRevenue: number;
  militaryServiceMonths: number;
  receivingUnemploymentBenefit: boolean;
  targetFieldExperienceMonths: number;
  newFieldQualification: boolean;
  leftMainCareer: boolean;
  monthsSinceInsuredAtHost: number | null;
  specificGroup: SpecificGroup;
  foreignNational: boolean;
  trainingSupportRestricted: boolean;
  inOtherGovernmentFundedTraining: boolean;
}


const SURNAMES: readonly (readonly [string, number])[] = [
  ["김", 21], ["이", 15], ["박", 8], ["최", 5], ["정", 4], ["강", 2], ["조", 2], ["윤", 2], ["장", 2], ["임", 2],
  ["한", 1], ["오", 1], ["서", 1], ["신", 1], ["권", 1], ["황", 1], ["안", 1], ["송", 1], ["전", 1], ["홍", 1],
];
const GIVEN_SYLLABLES = ["민", "서", "지", "현", "영", "수", "준", "호", "경", "미", "성", "진", "희", "정", "숙", "철", "재", "동", "은", "혜", "상", "우", "명", "순", "옥", "광", "태", "연", "하", "윤"];

function ageFor(rng: Random): number {
  // Skewed to 50+: 58% in their 50s and early 60s, 12% 65-75, 30% spread over 15-49.
  return rng.between(rng.weighted<[number, number]>([
    [[15, 34], 14],
    [[35, 49], 16],
    [[50, 59], 40],
    [[60, 64], 18],
    [[65, 75], 12],
  ]));
}

export function syntheticPerson(index: number): SyntheticPerson {
  const rng = new Random(SYNTHETIC_SEED, Stream.PERSON, index);
  const center = CENTERS[rng.int(0, CENTERS.length - 1)];
  const age = ageFor(rng);
  const birthDate = addDays(SYNTHETIC_AS_OF, -(age * 365.25 + rng.int(0, 364)) | 0);
  const name = rng.weighted(SURNAMES) + rng.pick(GIVEN_SYLLABLES) + rng.pick(GIVEN_SYLLABLES);
  const householdSize = rng.weighted([[1, 30], [2, 28], [3, 20], [4, 16], [5, 4], [6, 2]] as const);
  const employmentStatus = rng.weighted<EmploymentStatus>([
    ["UNEMPLOYED", 45], ["EMPLOYED", 38], ["SELF_EMPLOYED", 10], ["SPECIAL_TYPE_WORKER", 7],
  ]);
  const working = employmentStatus !== "UNEMPLOYED";
  const monthlyWage = working ? rng.amount(1_200_000, 6_500_000, 10_000) : 0;
  const otherIncome = rng.chance(0.5) ? rng.amount(0, 4_500_000, 10_000) : 0;
  const householdMonthlyIncome = monthlyWage + otherIncome;
  const [assetsLow, assetsHigh] = rng.weighted<[number, number]>([
    [[0, 100_000_000], 40], [[100_000_000, 400_000_000], 35], [[400_000_000, 900_000_000], 20], [[900_000_000, 2_000_000_000], 5],
  ]);
  const householdAssets = rng.amount(assetsLow, assetsHigh, 1_000_000);
  const workDaysLast24Months = working ? rng.int(200, 600) : rng.weighted([[0, 35], [rng.int(1, 99), 25], [rng.int(100, 480), 40]] as const);
  const occupation = employmentStatus === "EMPLOYED"
    ? rng.weighted<Occupation>([["OTHER", 90], ["PUBLIC_SERVANT", 6], ["PRIVATE_SCHOOL_STAFF", 2], ["MILITARY", 2]])
    : "OTHER";
  const studentStatus: StudentStatus = age < 25 ? rng.weighted<StudentStatus>([["NONE", 50], ["FINAL_YEAR", 20], ["ENROLLED", 30]]) : "NONE";
  const dependantsPossible = Math.max(0, householdSize - 1);
  const more = new Random(SYNTHETIC_SEED, Stream.PERSON_MORE, index);
  return {
    index,
    id: personId(index),
    name,
    birthDate,
    region: center.region,
    centerId: center.id,
    householdSize,
    householdMonthlyIncome,
    householdAssets,
    dependants: rng.int(0, Math.min(dependantsPossible, 4)),
    employmentStatus,
    occupation,
    studentStatus,
    employerSize: employmentStatus === "EMPLOYED" ? rng.weighted<EmployerSize>([["SME", 75], ["LARGE", 25]]) : "NONE",
    monthlyWage,
    weeklyWorkHours: working ? rng.int(15, 52) : rng.chance(0.2) ? rng.int(1, 14) : 0,
    workDaysLast24Months,
    workHoursLast24Months: workDaysLast24Months * rng.int(4, 9),
    selfEmployedAnnualRevenue: employmentStatus === "SELF_EMPLOYED" ? rng.amount(10_000_000, 700_000_000, 1_000_000) : 0,
    militaryServiceMonths: rng.chance(0.45) ? rng.weighted([[18, 40], [21, 30], [24, 30]] as const) : 0,
    receivingUnemploymentBenefit: !working && rng.chance(0.3),
    targetFieldExperienceMonths: rng.chance(0.7) ? 0 : rng.int(1, 36),
    newFieldQualification: rng.chance(0.4),
    // Most people past 45 have left the job they held longest; few younger ones have.
    leftMainCareer: more.chance(age >= 45 ? 0.85 : 0.3),
    monthsSinceInsuredAtHost: more.chance(0.05) ? more.int(1, 36) : null,
    specificGroup: more.weighted<SpecificGroup>([["NONE", 97], ["NORTH_KOREAN_DEFECTOR", 1], ["MARRIAGE_MIGRANT", 1], ["OTHER_DESIGNATED", 1]]),
    foreignNational: more.chance(0.03),
    trainingSupportRestricted: more.chance(0.01),
    inOtherGovernmentFundedTraining: more.chance(0.03),
  };
}

/** Persons P00000001 .. P{count}. */
export function syntheticPersons(count: number): SyntheticPerson[] {
  const persons = new Array<SyntheticPerson>(count);
  for (let i = 0; i < count; i++) persons[i] = syntheticPerson(i + 1);
  return persons;
}
