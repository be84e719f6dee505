/**
 * Person as a program subgraph sees it: the key, plus the circumstances owned by the people
 * subgraph, declared @external so a program field can @requires them. Types and fields match
 * people's exactly (composition demands it).
 */
import "reflect-metadata";
import { Directive, Field, ID, Int, ObjectType, type ClassType } from "type-graphql";
import { DateScalar } from "./scalars";
import { EmployerSize, EmploymentStatus, Occupation, StudentStatus, type Circumstances } from "./circumstances";

@ObjectType("Household", { description: "The person's household, as declared for means-tested programs." })
export class ExternalHousehold {
  @Field(() => Int, { description: "Number of people in the household (1-20)." })
  @Directive("@external")
  size!: number;

  @Field(() => Int, { description: "Monthly household income in whole KRW." })
  @Directive("@external")
  monthlyIncome!: number;

  @Field(() => Int, { description: "Household assets in whole KRW." })
  @Directive("@external")
  assets!: number;

  @Field(() => Int, { description: "Qualifying dependants: aged 18 or under, 70 or over, or severely disabled." })
  @Directive("@external")
  dependants!: number;
}

@ObjectType("Employment", { description: "The person's work situation and recent insured work history." })
export class ExternalEmployment {
  @Field(() => EmploymentStatus, { description: "Current work status." })
  @Directive("@external")
  status!: EmploymentStatus;

  @Field(() => Occupation, { description: "Occupation, where a program treats it specially." })
  @Directive("@external")
  occupation!: Occupation;

  @Field(() => EmployerSize, { description: "Size of the current employer (NONE when not employed)." })
  @Directive("@external")
  employerSize!: EmployerSize;

  @Field(() => Int, { description: "Monthly wage in whole KRW (0 when not working)." })
  @Directive("@external")
  monthlyWage!: number;

  @Field(() => Int, { description: "Hours worked a week now (under 15 counts as unemployed)." })
  @Directive("@external")
  weeklyWorkHours!: number;

  @Field(() => Int, { description: "Insured work days in the last 24 months." })
  @Directive("@external")
  workDaysLast24Months!: number;

  @Field(() => Int, { description: "Insured work hours in the last 24 months." })
  @Directive("@external")
  workHoursLast24Months!: number;

  @Field(() => Int, { description: "Annual revenue in whole KRW when self-employed (0 otherwise)." })
  @Directive("@external")
  selfEmployedAnnualRevenue!: number;

  @Field(() => Boolean, { description: "Whether the person now receives unemployment benefit (구직급여)." })
  @Directive("@external")
  receivingUnemploymentBenefit!: boolean;
}

@ObjectType("CareerChange", { description: "A career change under way: experience and qualification in the new field." })
export class ExternalCareerChange {
  @Field(() => Int, { description: "Months of experience in the target field of the career change." })
  @Directive("@external")
  targetFieldExperienceMonths!: number;

  @Field(() => Boolean, { description: "Has gained a qualification or finished training for the new field." })
  @Directive("@external")
  newFieldQualification!: boolean;
}

/**
 * A fresh Person stub class for one subgraph. Each subgraph needs its own class: type-graphql
 * attaches field resolvers to the class, so a class shared by all program subgraphs would carry
 * every program's field when several are loaded in one process (as `npm run compose` does).
 */
export function personStub(): ClassType<Circumstances> {
  @ObjectType("Person", { description: "A person known to the employment programs, identified by a pseudonymous id (never a resident registration number)." })
  @Directive(`@key(fields: "id")`)
  class PersonStub implements Circumstances {
    @Field(() => ID, { description: "Pseudonymous person id, P followed by 8 digits (e.g. P00000042)." })
    id!: string;

    @Field(() => DateScalar, { description: "Date of birth." })
    @Directive("@external")
    birthDate!: string;

    @Field(() => ID, { nullable: true, description: "Id of the employment center managing the person (null for a simulated person without one)." })
    @Directive("@external")
    centerId!: string | null;

    @Field(() => StudentStatus, { description: "Whether the person is a student." })
    @Directive("@external")
    studentStatus!: StudentStatus;

    @Field(() => Int, { description: "Months of military service (extends the NESS youth age limit)." })
    @Directive("@external")
    militaryServiceMonths!: number;

    @Field(() => ExternalHousehold, { description: "Household size, income, assets and dependants." })
    @Directive("@external")
    household!: ExternalHousehold;

    @Field(() => ExternalEmployment, { description: "Work status and insured work history." })
    @Directive("@external")
    employment!: ExternalEmployment;

    @Field(() => ExternalCareerChange, { description: "Career change circumstances (for the Mid-Career Career Support Program)." })
    @Directive("@external")
    careerChange!: ExternalCareerChange;
  }
  return PersonStub;
}
