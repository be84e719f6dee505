/**
 * `PersonCircumstances`: the flat, @inaccessible carrier of a person's circumstances from people to
 * the programs. A program field `@requires(fields: "circumstances { ... }")` and the gateway fetches it
 * from people, but no client can select it: it is not in the API schema.
 *
 * Why a separate type rather than requiring Person.birthDate, Person.household... directly: those
 * client-facing fields carry `@policy(policies: [["identified"]])` (an analyst never sees an exact
 * birth date or income), and Federation (composition >= 2.9.4, MISSING_TRANSITIVE_AUTH_REQUIREMENTS)
 * would then demand the same policy on every program field, hiding eligibility from analysts too.
 * The rules need the exact values; the caller may not. This type gives the rules what they need
 * without giving it to the caller.
 */
import { Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { DateScalar, WonScalar } from "./scalars";
import { EmployerSize, EmploymentStatus, Occupation, SpecificGroup, StudentStatus, type Circumstances } from "./circumstances";
import { PERSONAL_DATA } from "./cache-control";

/** The flat form (what crosses the graph). */
export interface FlatCircumstances {
  birthDate: string;
  centerId: string | null;
  studentStatus: StudentStatus;
  militaryServiceMonths: number;
  householdSize: number;
  monthlyIncome: number;
  assets: number;
  dependants: number;
  employmentStatus: EmploymentStatus;
  occupation: Occupation;
  employerSize: EmployerSize;
  monthlyWage: number;
  weeklyWorkHours: number;
  workDaysLast24Months: number;
  workHoursLast24Months: number;
  selfEmployedAnnualRevenue: number;
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

const FIELDS: (keyof FlatCircumstances)[] = [
  "birthDate", "centerId", "studentStatus", "militaryServiceMonths", "householdSize", "monthlyIncome", "assets", "dependants",
  "employmentStatus", "occupation", "employerSize", "monthlyWage", "weeklyWorkHours", "workDaysLast24Months", "workHoursLast24Months",
  "selfEmployedAnnualRevenue", "receivingUnemploymentBenefit", "targetFieldExperienceMonths", "newFieldQualification",
  "leftMainCareer", "monthsSinceInsuredAtHost", "specificGroup", "foreignNational", "trainingSupportRestricted", "inOtherGovernmentFundedTraining",
];

/** The `@requires` selection of every program field. */
export const CIRCUMSTANCES_SELECTION = `circumstances { ${FIELDS.join(" ")} }`;

export function flattenCircumstances(c: Omit<Circumstances, "id">): FlatCircumstances {
  return {
    birthDate: c.birthDate,
    centerId: c.centerId,
    studentStatus: c.studentStatus,
    militaryServiceMonths: c.militaryServiceMonths,
    householdSize: c.household.size,
    monthlyIncome: c.household.monthlyIncome,
    assets: c.household.assets,
    dependants: c.household.dependants,
    employmentStatus: c.employment.status,
    occupation: c.employment.occupation,
    employerSize: c.employment.employerSize,
    monthlyWage: c.employment.monthlyWage,
    weeklyWorkHours: c.employment.weeklyWorkHours,
    workDaysLast24Months: c.employment.workDaysLast24Months,
    workHoursLast24Months: c.employment.workHoursLast24Months,
    selfEmployedAnnualRevenue: c.employment.selfEmployedAnnualRevenue,
    receivingUnemploymentBenefit: c.employment.receivingUnemploymentBenefit,
    targetFieldExperienceMonths: c.careerChange.targetFieldExperienceMonths,
    newFieldQualification: c.careerChange.newFieldQualification,
    leftMainCareer: c.careerChange.leftMainCareer,
    monthsSinceInsuredAtHost: c.careerChange.monthsSinceInsuredAtHost,
    specificGroup: c.specificGroup,
    foreignNational: c.foreignNational,
    trainingSupportRestricted: c.trainingSupportRestricted,
    inOtherGovernmentFundedTraining: c.inOtherGovernmentFundedTraining,
  };
}

/** The nested shape the rules read, from a Person representation carrying `circumstances`. */
export function nestCircumstances(id: string, f: FlatCircumstances): Circumstances {
  return {
    id,
    birthDate: f.birthDate,
    centerId: f.centerId,
    studentStatus: f.studentStatus,
    militaryServiceMonths: f.militaryServiceMonths,
    specificGroup: f.specificGroup,
    foreignNational: f.foreignNational,
    trainingSupportRestricted: f.trainingSupportRestricted,
    inOtherGovernmentFundedTraining: f.inOtherGovernmentFundedTraining,
    household: { size: f.householdSize, monthlyIncome: f.monthlyIncome, assets: f.assets, dependants: f.dependants },
    employment: {
      status: f.employmentStatus,
      occupation: f.occupation,
      employerSize: f.employerSize,
      monthlyWage: f.monthlyWage,
      weeklyWorkHours: f.weeklyWorkHours,
      workDaysLast24Months: f.workDaysLast24Months,
      workHoursLast24Months: f.workHoursLast24Months,
      selfEmployedAnnualRevenue: f.selfEmployedAnnualRevenue,
      receivingUnemploymentBenefit: f.receivingUnemploymentBenefit,
    },
    careerChange: {
      targetFieldExperienceMonths: f.targetFieldExperienceMonths,
      newFieldQualification: f.newFieldQualification,
      leftMainCareer: f.leftMainCareer,
      monthsSinceInsuredAtHost: f.monthsSinceInsuredAtHost,
    },
  };
}

/**
 * The PersonCircumstances class: people's own (`external` false) or a program's `@external` copy.
 * One class per subgraph, for the reason given in person-stub.ts.
 */
export function circumstancesType(external: boolean): ClassType<FlatCircumstances> {
  const ext: PropertyDecorator = external ? Directive("@external") : () => undefined;

  @Directive(PERSONAL_DATA)
  @ObjectType("PersonCircumstances", { description: "A person's circumstances as the programs' rules read them (internal: carried from people to the programs by @requires, never exposed to callers)." })
  @Directive("@inaccessible")
  class PersonCircumstances implements FlatCircumstances {
    @Field(() => DateScalar, { description: "Date of birth." }) @ext birthDate!: string;
    @Field(() => String, { nullable: true, description: "Id of the managing employment center." }) @ext centerId!: string | null;
    @Field(() => StudentStatus, { description: "Whether the person is a student." }) @ext studentStatus!: StudentStatus;
    @Field(() => Int, { description: "Months of military service." }) @ext militaryServiceMonths!: number;
    @Field(() => Int, { description: "People in the household." }) @ext householdSize!: number;
    @Field(() => WonScalar, { description: "Monthly household income in whole KRW." }) @ext monthlyIncome!: number;
    @Field(() => WonScalar, { description: "Household assets in whole KRW." }) @ext assets!: number;
    @Field(() => Int, { description: "Qualifying dependants." }) @ext dependants!: number;
    @Field(() => EmploymentStatus, { description: "Current work status." }) @ext employmentStatus!: EmploymentStatus;
    @Field(() => Occupation, { description: "Occupation, where a program treats it specially." }) @ext occupation!: Occupation;
    @Field(() => EmployerSize, { description: "Size of the current employer." }) @ext employerSize!: EmployerSize;
    @Field(() => WonScalar, { description: "Monthly wage in whole KRW." }) @ext monthlyWage!: number;
    @Field(() => Int, { description: "Hours worked a week now." }) @ext weeklyWorkHours!: number;
    @Field(() => Int, { description: "Insured work days in the last 24 months." }) @ext workDaysLast24Months!: number;
    @Field(() => Int, { description: "Insured work hours in the last 24 months." }) @ext workHoursLast24Months!: number;
    @Field(() => WonScalar, { description: "Annual revenue in whole KRW when self-employed." }) @ext selfEmployedAnnualRevenue!: number;
    @Field(() => Boolean, { description: "Whether the person now receives unemployment benefit." }) @ext receivingUnemploymentBenefit!: boolean;
    @Field(() => Int, { description: "Months of experience in the target field of a career change." }) @ext targetFieldExperienceMonths!: number;
    @Field(() => Boolean, { description: "Has a qualification or training for the new field." }) @ext newFieldQualification!: boolean;
    @Field(() => Boolean, { description: "Has left the main career." }) @ext leftMainCareer!: boolean;
    @Field(() => Int, { nullable: true, description: "Months since last insured at the intended host company (null: never, or no host yet)." }) @ext monthsSinceInsuredAtHost!: number | null;
    @Field(() => SpecificGroup, { description: "A group some programs admit whatever the income." }) @ext specificGroup!: SpecificGroup;
    @Field(() => Boolean, { description: "Not a Korean national." }) @ext foreignNational!: boolean;
    @Field(() => Boolean, { description: "Under a sanction restricting government training support." }) @ext trainingSupportRestricted!: boolean;
    @Field(() => Boolean, { description: "Now in another government-funded training program." }) @ext inOtherGovernmentFundedTraining!: boolean;
  }
  return PersonCircumstances;
}
