/**
 * What-if input: a person's circumstances without a stored record. The simulated person's id is
 * `sim:` + the circumstances themselves (base64url JSON), so every subgraph can resolve it from the
 * id alone and nothing simulated is ever stored.
 */
import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar, WonScalar } from "../kit/scalars";
import { badUserInput } from "../kit/errors";
import { todayInKorea } from "../../platform/dates";
import { EmployerSize, EmploymentStatus, Occupation, SpecificGroup, StudentStatus } from "./enums";
import type { Person } from "./person";

@InputType({ description: "A person's circumstances for a what-if eligibility check. Missing optional fields mean none, zero or false, except weeklyWorkHours, which a working status must give." })
export class CircumstancesInput {
  @Field(() => DateScalar, { description: "Date of birth (not in the future)." })
  birthDate!: string;

  @Field(() => ID, { nullable: true, description: "Employment center that would manage the case (programs offered only at some centers check it)." })
  centerId?: string;

  @Field(() => Int, { description: "People in the household, 1-20." })
  householdSize!: number;

  @Field(() => WonScalar, { description: "Monthly household income in whole KRW, 0 or more." })
  householdMonthlyIncome!: number;

  @Field(() => WonScalar, { description: "Household assets in whole KRW, 0 or more." })
  householdAssets!: number;

  @Field(() => Int, { nullable: true, description: "Insured work days in the last 24 months." })
  workDaysLast24Months?: number;

  @Field(() => Int, { nullable: true, description: "Insured work hours in the last 24 months." })
  workHoursLast24Months?: number;

  @Field(() => Int, { nullable: true, description: "Hours worked a week now: required when employmentStatus is not UNEMPLOYED (several programs count a short week as unemployed)." })
  weeklyWorkHours?: number;

  @Field(() => EmploymentStatus, { description: "Current work status." })
  employmentStatus!: EmploymentStatus;

  @Field(() => Occupation, { nullable: true, description: "Occupation, where a program treats it specially (default OTHER)." })
  occupation?: Occupation;

  @Field(() => StudentStatus, { nullable: true, description: "Student status (default NONE)." })
  studentStatus?: StudentStatus;

  @Field(() => EmployerSize, { nullable: true, description: "Size of the current employer (default NONE)." })
  employerSize?: EmployerSize;

  @Field(() => WonScalar, { nullable: true, description: "Monthly wage in whole KRW." })
  monthlyWage?: number;

  @Field(() => WonScalar, { nullable: true, description: "Annual revenue in whole KRW when self-employed." })
  selfEmployedAnnualRevenue?: number;

  @Field(() => Int, { nullable: true, description: "Months of military service." })
  militaryServiceMonths?: number;

  @Field(() => Int, { nullable: true, description: "Qualifying dependants (aged 18 or under, 70 or over, or severely disabled)." })
  dependants?: number;

  @Field(() => Boolean, { nullable: true, description: "Whether the person now receives unemployment benefit." })
  receivingUnemploymentBenefit?: boolean;

  @Field(() => Int, { nullable: true, description: "Months of experience in the target field of a career change." })
  targetFieldExperienceMonths?: number;

  @Field(() => Boolean, { nullable: true, description: "Has gained a qualification or finished training for the new field of a career change." })
  newFieldQualification?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Has left the main career, the job held longest (default false)." })
  leftMainCareer?: boolean;

  @Field(() => Int, { nullable: true, description: "Months since last insured (employed) at the intended host company of a work experience placement (default: never)." })
  monthsSinceInsuredAtHost?: number;

  @Field(() => SpecificGroup, { nullable: true, description: "A group some programs admit whatever the income, e.g. North Korean defectors (default NONE)." })
  specificGroup?: SpecificGroup;

  @Field(() => Boolean, { nullable: true, description: "Not a Korean national (default false)." })
  foreignNational?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Under a sanction restricting government training support (default false)." })
  trainingSupportRestricted?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Now in another government-funded training program (default false)." })
  inOtherGovernmentFundedTraining?: boolean;
}

export const SIMULATED_PREFIX = "sim:";

const NON_NEGATIVE = [
  "householdMonthlyIncome", "householdAssets", "workDaysLast24Months", "workHoursLast24Months", "weeklyWorkHours",
  "monthlyWage", "selfEmployedAnnualRevenue", "militaryServiceMonths", "dependants", "targetFieldExperienceMonths", "monthsSinceInsuredAtHost",
] as const;

/** Refuses impossible circumstances before anything is evaluated; names the offending field. */
export function checkCircumstances(input: CircumstancesInput, argumentName = "circumstances"): void {
  const field = (name: string) => `${argumentName}.${name}`;
  if (input.birthDate > todayInKorea()) throw badUserInput(field("birthDate"), `"${field("birthDate")}" must not be in the future.`);
  if (!Number.isInteger(input.householdSize) || input.householdSize < 1 || input.householdSize > 20) {
    throw badUserInput(field("householdSize"), `"${field("householdSize")}" must be between 1 and 20.`);
  }
  for (const name of NON_NEGATIVE) {
    const value = input[name];
    if (value != null && value < 0) throw badUserInput(field(name), `"${field(name)}" must be 0 or more.`);
  }
  if (input.weeklyWorkHours != null && input.weeklyWorkHours > 168) {
    throw badUserInput(field("weeklyWorkHours"), `"${field("weeklyWorkHours")}" must be at most 168.`);
  }
  // Guessing 0 hours would make a worker count as unemployed: a working status must say how much.
  if (input.employmentStatus !== EmploymentStatus.UNEMPLOYED && input.weeklyWorkHours == null) {
    throw badUserInput(
      field("weeklyWorkHours"),
      `"${field("weeklyWorkHours")}" is required when employmentStatus is ${input.employmentStatus}: a short working week counts as unemployed in several programs, so it cannot be assumed.`,
    );
  }
}

export function simulatedId(input: CircumstancesInput): string {
  return SIMULATED_PREFIX + Buffer.from(JSON.stringify(input)).toString("base64url");
}

/** The transient person an id `sim:...` stands for, or null when the id does not decode. */
export function simulatedPerson(id: string): Person | null {
  if (!id.startsWith(SIMULATED_PREFIX)) return null;
  let input: CircumstancesInput;
  try {
    input = JSON.parse(Buffer.from(id.slice(SIMULATED_PREFIX.length), "base64url").toString());
  } catch {
    return null;
  }
  if (typeof input?.birthDate !== "string" || typeof input.householdSize !== "number") return null;
  return {
    id,
    name: "Simulated person",
    birthDate: input.birthDate,
    region: null,
    centerId: input.centerId ?? null,
    household: {
      size: input.householdSize,
      monthlyIncome: input.householdMonthlyIncome,
      assets: input.householdAssets,
      dependants: input.dependants ?? 0,
      analystLevel: 0,
    },
    employment: {
      status: input.employmentStatus,
      occupation: input.occupation ?? Occupation.OTHER,
      employerSize: input.employerSize ?? EmployerSize.NONE,
      monthlyWage: input.monthlyWage ?? 0,
      weeklyWorkHours: input.weeklyWorkHours ?? 0,
      workDaysLast24Months: input.workDaysLast24Months ?? 0,
      workHoursLast24Months: input.workHoursLast24Months ?? 0,
      selfEmployedAnnualRevenue: input.selfEmployedAnnualRevenue ?? 0,
      receivingUnemploymentBenefit: input.receivingUnemploymentBenefit ?? false,
    },
    careerChange: {
      targetFieldExperienceMonths: input.targetFieldExperienceMonths ?? 0,
      newFieldQualification: input.newFieldQualification ?? false,
      leftMainCareer: input.leftMainCareer ?? false,
      monthsSinceInsuredAtHost: input.monthsSinceInsuredAtHost ?? null,
    },
    studentStatus: input.studentStatus ?? StudentStatus.NONE,
    militaryServiceMonths: input.militaryServiceMonths ?? 0,
    specificGroup: input.specificGroup ?? SpecificGroup.NONE,
    foreignNational: input.foreignNational ?? false,
    trainingSupportRestricted: input.trainingSupportRestricted ?? false,
    inOtherGovernmentFundedTraining: input.inOtherGovernmentFundedTraining ?? false,
    // The caller wrote these circumstances: nothing of anyone else's to generalise.
    analystLevel: 0,
  };
}
