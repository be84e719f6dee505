/** The GraphQL types of population statistics. Counts under the threshold come back null with `suppressed`. */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "../kit/scalars";
import { NetworkStage, Program } from "../kit/eligibility";
import { EmploymentStatus } from "../kit/circumstances";
import { Region } from "../people/enums";
import { StatisticsDimension } from "./dimensions";
import type { Population } from "./population";

@InputType({ description: "Which persons the statistics cover. Coarse conditions only; ages are on asOf." })
export class StatisticsFilter {
  @Field(() => Region, { nullable: true, description: "Only persons living in this region." })
  region?: Region | null;

  @Field(() => ID, { nullable: true, description: "Only persons managed by this employment center (counsellors: one of theirs)." })
  centerId?: string | null;

  @Field(() => Int, { nullable: true, description: "Only persons at least this old on asOf (0-130)." })
  minAge?: number | null;

  @Field(() => Int, { nullable: true, description: "Only persons at most this old on asOf (0-130)." })
  maxAge?: number | null;

  @Field(() => EmploymentStatus, { nullable: true, description: "Only persons with this employment status." })
  employmentStatus?: EmploymentStatus | null;
}

@ObjectType({ description: "A count under disclosure control: null and suppressed when it could identify persons." })
export class StatisticsCount {
  @Field(() => Int, { nullable: true, description: "Number of persons; null when suppressed." })
  count!: number | null;

  @Field(() => Boolean, { description: "True when the count is withheld: under the threshold, or withheld so that another cell cannot be recovered from the totals." })
  suppressed!: boolean;
}

@ObjectType({ description: "One value of one dimension." })
export class StatisticsKey {
  @Field(() => StatisticsDimension, { description: "The dimension." })
  dimension!: StatisticsDimension;

  @Field(() => String, { description: "Its value (e.g. SEOUL, gumi, 50-59, UNEMPLOYED, KRW 1,000,000-1,999,999, LEARNING_CARD)." })
  value!: string;
}

@ObjectType({ description: "Persons with one combination of values." })
export class StatisticsCell {
  @Field(() => [StatisticsKey], { description: "The combination, in the order of `by`." })
  keys!: StatisticsKey[];

  @Field(() => Int, { nullable: true, description: "Number of persons; null when suppressed." })
  count!: number | null;

  @Field(() => Boolean, { description: "True when the count is withheld." })
  suppressed!: boolean;
}

@ObjectType({ description: "Eligible persons on one track, and what they would receive." })
export class TrackStatistics {
  @Field(() => String, { description: "The track, as `eligibility` names it (e.g. TYPE_I_SCREENED, GENERAL)." })
  track!: string;

  @Field(() => StatisticsCount, { description: "Eligible persons on this track." })
  persons!: StatisticsCount;

  @Field(() => Float, { nullable: true, description: "Sum of their monthly benefits, KRW (null when the count is suppressed)." })
  monthlyBenefits!: number | null;

  @Field(() => Float, { nullable: true, description: "Sum of their benefits in all, KRW (null when the count is suppressed)." })
  totalBenefits!: number | null;
}

@ObjectType({ description: "A program's eligibility over the persons covered, on a date, by the program's own rules." })
export class EligibilityStatistics {
  @Field(() => Program, { description: "The program." })
  program!: Program;

  @Field(() => DateScalar, { description: "The date the rules were applied for." })
  asOf!: string;

  @Field(() => String, { description: "Version of the rule set applied (as in every eligibility answer)." })
  rulesVersion!: string;

  @Field(() => StatisticsCount, { description: "Eligible persons." })
  eligible!: StatisticsCount;

  @Field(() => StatisticsCount, { description: "Persons not eligible." })
  notEligible!: StatisticsCount;

  @Field(() => [TrackStatistics], { description: "Eligible persons by track." })
  byTrack!: TrackStatistics[];

  @Field(() => StatisticsCount, { description: "Persons taking part in the program on asOf, eligible or not." })
  enrolled!: StatisticsCount;

  @Field(() => StatisticsCount, { description: "Eligible persons taking part in the program on asOf." })
  eligibleEnrolled!: StatisticsCount;

  @Field(() => StatisticsCount, { description: "Eligible persons not taking part (the take-up gap)." })
  eligibleNotEnrolled!: StatisticsCount;

  @Field(() => Float, { nullable: true, description: "Sum of the eligible persons' monthly benefits, KRW (null when `eligible` is suppressed)." })
  monthlyBenefits!: number | null;

  @Field(() => Float, { nullable: true, description: "Sum of the eligible persons' benefits in all, KRW (null when `eligible` is suppressed)." })
  totalBenefits!: number | null;
}

@ObjectType({ description: "One stage of the network's chain: who reached it and who went on." })
export class PathwayStage {
  @Field(() => NetworkStage, { description: "The stage." })
  stage!: NetworkStage;

  @Field(() => StatisticsCount, { description: "Persons who reached it." })
  reached!: StatisticsCount;

  @Field(() => StatisticsCount, { description: "Of those, persons who went on to the next stage: reached it on the same day or later (none after PLACEMENT)." })
  wentOn!: StatisticsCount;

  @Field(() => Float, { nullable: true, description: "Median days from first reaching this stage to first reaching the next, over those who went on (null when fewer than the threshold)." })
  medianDaysToNext!: number | null;
}

@ObjectType({ description: "The network's chain for one center, or for everyone covered." })
export class NetworkPathway {
  @Field(() => String, { nullable: true, description: "The center (null: everyone covered)." })
  centerId!: string | null;

  @Field(() => [PathwayStage], { description: "The four stages in chain order." })
  stages!: PathwayStage[];
}

@ObjectType({ description: "Persons and benefit money, under current law and under the reform." })
export class ReformFigures {
  @Field(() => StatisticsCount, { description: "Eligible persons." })
  eligible!: StatisticsCount;

  @Field(() => [TrackStatistics], { description: "By track." })
  byTrack!: TrackStatistics[];

  @Field(() => Float, { nullable: true, description: "Monthly benefits of the eligible, KRW." })
  monthlyBenefits!: number | null;

  @Field(() => Float, { nullable: true, description: "Benefits in all of the eligible, KRW." })
  totalBenefits!: number | null;
}

@ObjectType({ description: "One program under a reform: baseline, reform and the difference." })
export class ProgramReform {
  @Field(() => Program, { description: "The program." })
  program!: Program;

  @Field(() => ReformFigures, { description: "Current law." })
  baseline!: ReformFigures;

  @Field(() => ReformFigures, { description: "With the changes." })
  reform!: ReformFigures;

  @Field(() => Int, { nullable: true, description: "Persons who become eligible minus persons who stop being eligible (null when either side is suppressed)." })
  eligibleDifference!: number | null;

  @Field(() => StatisticsCount, { description: "Persons eligible under the reform but not under current law." })
  gaining!: StatisticsCount;

  @Field(() => StatisticsCount, { description: "Persons eligible under current law but not under the reform." })
  losing!: StatisticsCount;

  @Field(() => Float, { nullable: true, description: "Difference in monthly benefits, KRW." })
  monthlyBenefitsDifference!: number | null;

  @Field(() => Float, { nullable: true, description: "Difference in benefits in all, KRW." })
  totalBenefitsDifference!: number | null;
}

@ObjectType({ description: "What a reform would change, for every program it touches." })
export class ReformResult {
  @Field(() => DateScalar, { description: "The date both current law and the reform were applied for: the later of asOf and the changes' dates." })
  evaluatedOn!: string;

  @Field(() => [ProgramReform], { description: "Each program a change touches." })
  programs!: ProgramReform[];
}

@InputType({ description: "A published parameter (as eligibilityRules lists it) with a new value from a date." })
export class ParameterChange {
  @Field(() => Program, { description: "The program that publishes the parameter." })
  program!: Program;

  @Field(() => String, { description: "The parameter's name, e.g. type1-income-percent." })
  parameter!: string;

  @Field(() => Float, { nullable: true, description: "The new value of a one-number parameter, in its unit." })
  value?: number | null;

  @Field(() => [Float], { nullable: true, description: "The new values of a list parameter (e.g. success-allowance: after 6 and after 12 months)." })
  values?: number[] | null;

  @Field(() => String, { nullable: true, description: "The unit the value is in; when given, it must be the published one (e.g. \"percent of standard median income\")." })
  unit?: string | null;

  @Field(() => DateScalar, { description: "The date from which the new value applies (on or after the parameter's first published value)." })
  from!: string;
}

export enum ReformStatus {
  RUNNING = "RUNNING",
  DONE = "DONE",
  FAILED = "FAILED",
}
registerEnumType(ReformStatus, {
  name: "ReformStatus",
  description: "Where a reform job is.",
  valuesConfig: {
    RUNNING: { description: "Still evaluating; see progress." },
    DONE: { description: "Finished; the answer is in result." },
    FAILED: { description: "Stopped; see error." },
  },
});

@ObjectType({ description: "A reform run as a job (startReform): poll it with reform(id)." })
export class ReformJob {
  @Field(() => ID, { description: "The job's id." })
  id!: string;

  @Field(() => ReformStatus, { description: "RUNNING, DONE or FAILED." })
  status!: ReformStatus;

  @Field(() => Float, { description: "Share of the evaluations done, 0 to 1." })
  progress!: number;

  @Field(() => ReformResult, { nullable: true, description: "The answer once DONE." })
  result!: ReformResult | null;

  @Field(() => String, { nullable: true, description: "Why it FAILED." })
  error!: string | null;
}

/** What the root field resolves to: the persons covered, on a date. */
export interface Covered {
  population: Population;
  indices: Int32Array;
  /** The date the rules and enrollment are read on (for an analyst, the first day of the month asked for). */
  asOf: string;
  /** The date ages are counted on: asOf, or for an analyst the last day of its year (the age reached in the year: a birth year, never a birthday). */
  agesOn: string;
  /** Whether dates go by the month (an analyst): a reform's date too. */
  byMonth: boolean;
  threshold: number;
}

@ObjectType({ description: "Statistics over the persons a filter covers, on a date, under disclosure control." })
export class PopulationStatistics {
  /** Not a field: the persons covered. */
  covered!: Covered;
}
