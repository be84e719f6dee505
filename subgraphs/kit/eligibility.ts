/**
 * The eligibility types every program subgraph returns, identical in all of them (@shareable), so
 * the journey subgraph can gather the four programs' answers into one list.
 */
import "reflect-metadata";
import { Directive, Field, Int, ObjectType, registerEnumType, Extensions } from "type-graphql";
import { PERSONAL_EVENT_DATE } from "./security/personal-dates";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar, WonScalar } from "./scalars";
import { PERSONAL_DATA } from "../../platform/cache-control";
import { PROGRAM_SUBGRAPHS, Program } from "../../platform/subgraphs";

/** The Program enum: one value per program subgraph (platform/subgraphs.ts), with its description there. */
export { Program } from "../../platform/subgraphs";
registerEnumType(Program, {
  name: "Program",
  description: "The employment programs behind this graph, one value each.",
  valuesConfig: Object.fromEntries(PROGRAM_SUBGRAPHS.map((s) => [s.program.value, { description: s.program.description }])),
});

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "One rule applied to one person: the explanation a counsellor can give (PIPA Art. 37-2)." })
@Directive("@shareable")
export class RuleOutcome {
  @Field(() => String, { description: "Stable rule id, e.g. ness.type1.household-income." })
  rule!: string;

  @Field(() => Boolean, { description: "Whether the person meets this criterion." })
  passed!: boolean;

  @Field(() => String, { nullable: true, description: "The value observed for this person (numbers as plain digits, KRW whole won)." })
  observed!: string | null;

  @Field(() => String, { nullable: true, description: "The threshold or allowed values the observed value was compared with." })
  threshold!: string | null;

  @Field(() => String, { description: "What was checked and the result, in plain words." })
  description!: string;

  @Field(() => String, { description: "Where the rule comes from (regulation, notice or report, with confidence)." })
  source!: string;
}

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "A benefit the person would receive if eligible." })
@Directive("@shareable")
export class Benefit {
  @Field(() => String, { description: "Kind of benefit, e.g. JOB_SEEKING_ALLOWANCE, TRAINING_VOUCHER." })
  kind!: string;

  @Field(() => WonScalar, { nullable: true, description: "Amount a month in whole KRW, when paid monthly (the most, when reduced with attendance)." })
  amountPerMonth!: number | null;

  @Field(() => Int, { nullable: true, description: "Number of months paid, when paid monthly." })
  months!: number | null;

  @Field(() => WonScalar, { nullable: true, description: "Total in whole KRW; the most, when the amount is a range or a limit." })
  total!: number | null;

  @Field(() => WonScalar, { nullable: true, description: "The least in whole KRW when the amount is a range (total is then the most); null when it is one figure." })
  minimumTotal!: number | null;

  @Field(() => String, { description: "What the benefit is, in plain words." })
  description!: string;
}

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "A parameter value an answer used: the figure, and the date it took effect." })
@Directive("@shareable")
export class ParameterUsed {
  @Field(() => String, { description: "Parameter name, as published in eligibilityRules (e.g. type1-income-percent)." })
  name!: string;

  @Field(() => String, { description: "The value used (numbers as plain digits; lists and tables as JSON)." })
  value!: string;

  @Field(() => DateScalar, { description: "The date this value took effect." })
  effectiveFrom!: string;
}

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "Whether a person is eligible for a program on a date, why, and what they would receive." })
@Directive("@shareable")
export class ProgramEligibility {
  @Field(() => Program, { description: "The program." })
  program!: Program;

  @Field(() => Boolean, {
    description:
      "True when every required criterion of at least one track passes on asOf: the person may apply (enter the program) then. " +
      "For someone already enrolled: National Employment Support and the Job Search Guarantee Package answer false while an " +
      "enrollment or participation is open (rules ness.no-active-enrollment, job-search-guarantee.no-active-participation: a new " +
      "application waits until it closes); the Mid-Career Career Support Program answers false once the person has had a placement " +
      "(mid-career.no-previous-placement); the Tomorrow Learning Card answers true for a card holder who is not excluded, and its " +
      "benefits then show the card's remaining balance (TRAINING_VOUCHER_BALANCE) instead of a new grant.",
  })
  eligible!: boolean;

  @Field(() => EligibilityTrack, { nullable: true, description: "The track the person qualifies for, or null when not eligible." })
  track!: string | null;

  @Field(() => [Benefit], { description: "What the person would receive on this track." })
  benefits!: Benefit[];

  @Field(() => [RuleOutcome], { description: "Every rule applied, passed or not, in the order of evaluation." })
  reasons!: RuleOutcome[];

  @Field(() => [ParameterUsed], { description: "Every parameter value the answer used, with the date it took effect (their sources: eligibilityRules)." })
  parametersUsed!: ParameterUsed[];

  @Field(() => String, { description: "Version of the rule set: program, newest effective date, and a hash of the content of its parameters and rules." })
  rulesVersion!: string;

  @Field(() => DateScalar, { description: "The date the rules were applied for." })
  asOf!: string;
}

/** The tracks the programs' rules decide (rules/evaluate.ts of each program subgraph). */
export const EligibilityTrack = {
  TYPE_I_SCREENED: "TYPE_I_SCREENED",
  TYPE_I_SELECTED: "TYPE_I_SELECTED",
  TYPE_II: "TYPE_II",
  GENERAL: "GENERAL",
  PRIORITY: "PRIORITY",
  WORK_EXPERIENCE: "WORK_EXPERIENCE",
} as const;
export type EligibilityTrack = (typeof EligibilityTrack)[keyof typeof EligibilityTrack];
registerEnumType(EligibilityTrack, {
  name: "EligibilityTrack",
  description: "The track a person qualifies for in a program.",
  valuesConfig: {
    TYPE_I_SCREENED: { description: "National Employment Support, Type I screened (요건심사형): income, assets and work experience met." },
    TYPE_I_SELECTED: { description: "National Employment Support, Type I selected (선발형): income and assets met without the work experience, or a youth within the selected income." },
    TYPE_II: { description: "National Employment Support, Type II (II유형): youth or mid-career within the Type II income." },
    GENERAL: { description: "Job Search Guarantee Package or Tomorrow Learning Card, general." },
    PRIORITY: { description: "Job Search Guarantee Package (receiving unemployment benefit) or Tomorrow Learning Card (low-income priority group)." },
    WORK_EXPERIENCE: { description: "Mid-Career Career Support Program: a work experience placement." },
  },
});

export enum NetworkStage {
  CAREER_DESIGN = "CAREER_DESIGN",
  TRAINING = "TRAINING",
  WORK_EXPERIENCE = "WORK_EXPERIENCE",
  PLACEMENT = "PLACEMENT",
}
registerEnumType(NetworkStage, {
  name: "NetworkStage",
  description: "The Mid-Career Employment Network's chain of case-managed support, in order.",
  valuesConfig: {
    CAREER_DESIGN: { description: "Lifetime career design (생애경력설계) or in-depth career counselling." },
    TRAINING: { description: "Vocational training (e.g. with the Tomorrow Learning Card, Korea Polytechnic)." },
    WORK_EXPERIENCE: { description: "A work experience placement (Mid-Career Career Support Program)." },
    PLACEMENT: { description: "Placement in a job." },
  },
});

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "One dated event of a person's history in a program." })
@Directive("@shareable")
export class ProgramEvent {
  @Field(() => Program, { description: "The program the event belongs to." })
  program!: Program;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { description: "When it happened." })
  date!: string;

  @Field(() => String, { description: "Kind of event, e.g. NESS_APPLIED, TRAINING_COMPLETED." })
  kind!: string;

  @Field(() => String, { description: "What happened, in a few words." })
  description!: string;

  @Field(() => NetworkStage, { nullable: true, description: "The stage of the network's chain this event reaches, if any." })
  networkStage!: NetworkStage | null;
}
