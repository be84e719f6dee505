/**
 * The population the statistics are computed on: one snapshot of the published extracts, held in
 * columns (one array per circumstance, persons by position), with each program's own records per
 * person. Persons carry no id here, not even the extracts' pseudonym: only their position.
 */
import type { Circumstances } from "../kit/circumstances";
import type { NetworkStage } from "../kit/eligibility";

export interface NessEnrollmentRow { applied_on: string; decided_on: string | null; status: string; services_end_on: string | null }
export interface GuaranteeParticipationRow { started_on: string; ended_on: string | null; status: string }
export interface MidCareerPlacementRow { started_on: string; ended_on: string; status: string }
export interface LearningCardRow { issued_on: string; expires_on: string; grant_total: number; status: string }
export interface CardChargeRow { enrolled_on: string; status: string; card_charge: number }

export interface Population {
  size: number;
  /** When the extracts were read (ms since the epoch). */
  loadedAt: number;
  birthDate: string[];
  region: string[];
  centerId: string[];
  householdSize: Int32Array;
  monthlyIncome: Float64Array;
  assets: Float64Array;
  dependants: Int32Array;
  employmentStatus: string[];
  occupation: string[];
  studentStatus: string[];
  employerSize: string[];
  monthlyWage: Float64Array;
  weeklyWorkHours: Int32Array;
  workDays: Int32Array;
  workHours: Int32Array;
  selfEmployedRevenue: Float64Array;
  militaryServiceMonths: Int32Array;
  receivingUnemploymentBenefit: Uint8Array;
  targetFieldExperienceMonths: Int32Array;
  newFieldQualification: Uint8Array;
  leftMainCareer: Uint8Array;
  /** Months since last insured at the intended host; -1: never, or no host. */
  monthsSinceInsuredAtHost: Int32Array;
  specificGroup: string[];
  foreignNational: Uint8Array;
  trainingSupportRestricted: Uint8Array;
  inOtherGovernmentFundedTraining: Uint8Array;
  /** Each program's records of person i (undefined: none). */
  nessEnrollments: (NessEnrollmentRow[] | undefined)[];
  guaranteeParticipations: (GuaranteeParticipationRow[] | undefined)[];
  midCareerPlacements: (MidCareerPlacementRow[] | undefined)[];
  learningCards: (LearningCardRow | undefined)[];
  cardCharges: (CardChargeRow[] | undefined)[];
  /** The first date person i reached each stage of the network's chain, from every program's events. */
  firstReached: (Partial<Record<NetworkStage, string>> | undefined)[];
}

/** Person i's circumstances in the shape the programs' rules read (a fresh object each time). */
export function circumstancesOf(p: Population, i: number): Circumstances {
  return {
    id: `statistics:${i}`,
    birthDate: p.birthDate[i],
    centerId: p.centerId[i],
    studentStatus: p.studentStatus[i] as Circumstances["studentStatus"],
    militaryServiceMonths: p.militaryServiceMonths[i],
    household: { size: p.householdSize[i], monthlyIncome: p.monthlyIncome[i], assets: p.assets[i], dependants: p.dependants[i] },
    employment: {
      status: p.employmentStatus[i] as Circumstances["employment"]["status"],
      occupation: p.occupation[i] as Circumstances["employment"]["occupation"],
      employerSize: p.employerSize[i] as Circumstances["employment"]["employerSize"],
      monthlyWage: p.monthlyWage[i],
      weeklyWorkHours: p.weeklyWorkHours[i],
      workDaysLast24Months: p.workDays[i],
      workHoursLast24Months: p.workHours[i],
      selfEmployedAnnualRevenue: p.selfEmployedRevenue[i],
      receivingUnemploymentBenefit: p.receivingUnemploymentBenefit[i] === 1,
    },
    careerChange: {
      targetFieldExperienceMonths: p.targetFieldExperienceMonths[i],
      newFieldQualification: p.newFieldQualification[i] === 1,
      leftMainCareer: p.leftMainCareer[i] === 1,
      monthsSinceInsuredAtHost: p.monthsSinceInsuredAtHost[i] < 0 ? null : p.monthsSinceInsuredAtHost[i],
    },
    specificGroup: p.specificGroup[i] as Circumstances["specificGroup"],
    foreignNational: p.foreignNational[i] === 1,
    trainingSupportRestricted: p.trainingSupportRestricted[i] === 1,
    inOtherGovernmentFundedTraining: p.inOtherGovernmentFundedTraining[i] === 1,
  };
}
