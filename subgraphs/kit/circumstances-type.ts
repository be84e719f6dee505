/**
 * `PersonCircumstances`: the @inaccessible carrier of a person's circumstances from people to the
 * programs. A program field `@requires(fields: "circumstances { sealed }")` and the gateway fetches
 * it from people, but no client can select it: it is not in the API schema. `@inaccessible` only
 * hides it at the gateway, so the value itself is sealed (security/sealed-circumstances.ts): people
 * encrypts and authenticates the flat circumstances with the person's id and an expiry, under a key
 * only the subgraphs hold. Whoever reads people's answer (an analyst's token at people's port
 * included) reads nothing, and a program refuses circumstances it cannot open for that person id:
 * its row rules (the managing center) rest on what people said, never on what a request says.
 *
 * Why a separate type rather than requiring Person.birthDate, Person.household... directly: those
 * client-facing fields carry `@policy(policies: [["identified"]])` (an analyst never sees an exact
 * birth date or income), and Federation (composition >= 2.9.4, MISSING_TRANSITIVE_AUTH_REQUIREMENTS)
 * would then demand the same policy on every program field, hiding eligibility from analysts too.
 * The rules need the exact values; the caller may not. This type gives the rules what they need
 * without giving it to the caller.
 */
import { Directive, Field, ObjectType, type ClassType } from "type-graphql";
import type { EmployerSize, EmploymentStatus, Occupation, SpecificGroup, StudentStatus, Circumstances } from "./circumstances";
import { PERSONAL_DATA } from "../../platform/cache-control";
import { LEVEL_LEFT_OUT } from "./security/generalisation";

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
  /** Generalisation level of the analyst's view (security/generalisation.ts): what an analyst's answers may carry of this person. */
  analystLevel?: number;
}

/** The `@requires` selection of every program field. */
export const CIRCUMSTANCES_SELECTION = "circumstances { sealed }";

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
    analystLevel: c.analystLevel ?? 0,
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
    // A seal without a level (made by an older people) releases nothing to an analyst.
    analystLevel: f.analystLevel ?? LEVEL_LEFT_OUT,
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

/** What crosses the graph: the flat circumstances sealed by people for the programs (sealed-circumstances.ts). */
export interface SealedCircumstances {
  sealed: string;
}

/**
 * The PersonCircumstances class: people's own (`external` false) or a program's `@external` copy.
 * One class per subgraph, for the reason given in person-stub.ts.
 */
export function circumstancesType(external: boolean): ClassType<SealedCircumstances> {
  const ext: PropertyDecorator = external ? Directive("@external") : () => undefined;

  @Directive(PERSONAL_DATA)
  @ObjectType("PersonCircumstances", {
    description: "A person's circumstances as the programs' rules read them, sealed by people for the programs (internal: carried from people to the programs by @requires, never exposed to callers, unreadable to anyone but the subgraphs).",
  })
  @Directive("@inaccessible")
  class PersonCircumstances implements SealedCircumstances {
    @Field(() => String, { description: "The circumstances, the person id and an expiry, encrypted and authenticated with a key only the subgraphs hold." })
    @ext
    sealed!: string;
  }
  return PersonCircumstances;
}
