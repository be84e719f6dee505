/** Person (the entity every program extends) and the circumstances the programs' rules read. */
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

@Directive(PERSONAL_DATA)
@ObjectType({ description: "The birth years a person may have been born in, as the caller may know them: one year (from = to), or for an analyst, where the person's group would otherwise be too small, a 5-year band." })
export class BirthYears {
  @Field(() => Int, { description: "First year of the range." })
  from!: number;

  @Field(() => Int, { description: "Last year of the range (the same as from when the year is known)." })
  to!: number;
}
import { PARTNER } from "../../platform/security/contract";
import { EmployerSize, EmploymentStatus, Occupation, Region, SpecificGroup, StudentStatus } from "./enums";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PERSONAL_DATA)
@ObjectType({ description: "The person's household, as declared for means-tested programs." })
export class Household {
  /** Resolved in household.resolver.ts (withheld from an analyst where the person's level withholds it). */
  size!: number;

  /** Exact amounts: resolved in household.resolver.ts (withheld from analysts, who get bands). */
  monthlyIncome!: number;

  assets!: number;

  dependants!: number;

  /** The person's generalisation level of the analyst's view (kit/security/generalisation.ts). */
  analystLevel!: number;
}

@Directive(PERSONAL_DATA)
@ObjectType({ description: "The person's work situation and recent insured work history." })
export class Employment {
  @Field(() => EmploymentStatus, { description: "Current work status." })
  status!: EmploymentStatus;

  @Field(() => Occupation, { description: "Occupation, where a program treats it specially." })
  occupation!: Occupation;

  @Field(() => EmployerSize, { description: "Size of the current employer (NONE when not employed)." })
  employerSize!: EmployerSize;

  /** Exact amount: resolved in household.resolver.ts (withheld from analysts). */
  monthlyWage!: number;

  @Field(() => Int, { description: "Hours worked a week now (a short week counts as unemployed in some programs)." })
  weeklyWorkHours!: number;

  @Field(() => Int, { description: "Insured work days in the last 24 months." })
  workDaysLast24Months!: number;

  @Field(() => Int, { description: "Insured work hours in the last 24 months." })
  workHoursLast24Months!: number;

  /** Exact amount: resolved in household.resolver.ts (withheld from analysts). */
  selfEmployedAnnualRevenue!: number;

  @Field(() => Boolean, { description: "Whether the person now receives unemployment benefit (구직급여)." })
  receivingUnemploymentBenefit!: boolean;
}

@Directive(PERSONAL_DATA)
@ObjectType({ description: "A career change under way: experience and qualification in the new field." })
export class CareerChange {
  @Field(() => Int, { description: "Months of experience in the target field of the career change." })
  targetFieldExperienceMonths!: number;

  @Field(() => Boolean, { description: "Has gained a qualification or finished training for the new field." })
  newFieldQualification!: boolean;

  @Field(() => Boolean, { description: "Has left the main career (the job held longest)." })
  leftMainCareer!: boolean;

  @Field(() => Int, { nullable: true, description: "Months since last insured (employed) at the intended host company; null when never, or no host chosen yet." })
  monthsSinceInsuredAtHost!: number | null;
}

@Directive(PERSONAL_DATA)
@ObjectType({ description: "A person known to the employment programs, identified by a pseudonymous id (never a resident registration number)." })
@Directive(`@key(fields: "id")`)
export class Person {
  @Directive(PARTNER)
  @Field(() => ID, { description: "Pseudonymous person id, P followed by 8 digits (e.g. P00000042); analysts see a stable pseudonym (anon-...) instead." })
  id!: string;

  /** Identifying: resolved in person.resolver.ts (withheld from analysts). */
  name!: string;

  birthDate!: string;

  @Directive(PARTNER)
  @Field(() => Region, { nullable: true, description: "Region of residence (the region of the managing employment center); null for a simulated person." })
  region!: Region | null;

  @Field(() => Household, { description: "Household size, income, assets and dependants." })
  household!: Household;

  @Field(() => Employment, { description: "Work status and insured work history." })
  employment!: Employment;

  @Field(() => CareerChange, { description: "Career change circumstances (for the Mid-Career Career Support Program)." })
  careerChange!: CareerChange;

  @Field(() => StudentStatus, { description: "Whether the person is a student." })
  studentStatus!: StudentStatus;

  @Field(() => Int, { description: "Months of military service (extends the NESS youth age limit)." })
  militaryServiceMonths!: number;

  /** Read by the programs' rules only (through circumstances), not a field of the API: group membership and nationality are sensitive. */
  specificGroup!: SpecificGroup;
  foreignNational!: boolean;
  trainingSupportRestricted!: boolean;
  inOtherGovernmentFundedTraining!: boolean;

  /** Generalisation level of the analyst's view (kit/security/generalisation.ts): what an analyst is told of this person. */
  analystLevel!: number;

  /** Resolved in person.resolver.ts (withheld from an analyst where the person's level withholds the center). */
  centerId!: string | null;
}
