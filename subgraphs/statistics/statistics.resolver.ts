/** `statistics(filter, asOf)` and its fields; `startReform` / `reform(id)` for reforms run as jobs. */
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { DateScalar } from "../kit/scalars";
import { Program } from "../kit/eligibility";
import { badUserInput } from "../kit/errors";
import { StatisticsDimension } from "./dimensions";
import { population } from "./snapshot";
import { checkAudience, cover } from "./scope";
import { breakdown, eligibility, networkPathway, reform } from "./answers";
import { reformJob, startReformJob } from "./jobs";
import {
  EligibilityStatistics, NetworkPathway, ParameterChange, PopulationStatistics, ReformJob, ReformResult, StatisticsCell, StatisticsFilter,
} from "./types";

/** Who may ask (the gateway checks the same before planning; the subgraph checks again). */
export const POPULATION_POLICY = '@policy(policies: [["population"]])';

const read = (ctx: SubgraphContext, field: string) => ctx.access.readAggregate(`PopulationStatistics.${field}`);

@Resolver(() => PopulationStatistics)
export class StatisticsResolver {
  @Directive("@authenticated")
  @Directive(POPULATION_POLICY)
  @Query(() => PopulationStatistics, {
    description: "Counts and sums over persons (analysts: everyone; counsellors: their centers), on a date, under disclosure control: small cells are suppressed, and a filter covering fewer persons than the threshold is refused.",
  })
  async statistics(
    @Arg("filter", () => StatisticsFilter, { nullable: true, description: "Which persons to cover (default: all the caller may count)." }) filter: StatisticsFilter | null,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "Date for ages, enrollment and the rules (YYYY-MM-DD); today in Korea when omitted." }) asOf: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PopulationStatistics> {
    checkAudience(ctx);
    read(ctx, "persons");
    const covered = cover(ctx, await population(ctx.store), filter, asOf);
    return { covered };
  }

  @FieldResolver(() => Int, { description: "How many persons the filter covers (never under the threshold)." })
  persons(@Root() root: PopulationStatistics): number {
    return root.covered.indices.length;
  }

  @FieldResolver(() => [StatisticsCell], { description: "Persons by every combination of the given dimensions' values (empty combinations left out), in key order." })
  breakdown(
    @Root() root: PopulationStatistics,
    @Arg("by", () => [StatisticsDimension], { description: "One to three dimensions." }) by: StatisticsDimension[],
    @Ctx() ctx: SubgraphContext,
  ): StatisticsCell[] {
    if (by.length < 1 || by.length > 3 || new Set(by).size !== by.length) throw badUserInput("by", "Give one to three different dimensions.");
    read(ctx, "breakdown");
    return breakdown(root.covered, by);
  }

  @FieldResolver(() => EligibilityStatistics, { description: "Eligibility for a program on asOf, by the program's own rules: eligible by track, take-up, and the benefits the eligible would receive." })
  eligibility(@Root() root: PopulationStatistics, @Arg("program", () => Program, { description: "The program whose rules to apply." }) program: Program, @Ctx() ctx: SubgraphContext): Promise<EligibilityStatistics> {
    read(ctx, "eligibility");
    return eligibility(root.covered, program);
  }

  @FieldResolver(() => [NetworkPathway], {
    description: "The network's chain (career design -> training -> work experience -> placement): how many reached each stage, went on to the next, and the median days between, from every event recorded (as Person.networkCase).",
  })
  networkPathway(
    @Root() root: PopulationStatistics,
    @Arg("byCenter", () => Boolean, { defaultValue: false, description: "One pathway per center instead of one for everyone covered." }) byCenter: boolean,
    @Ctx() ctx: SubgraphContext,
  ): NetworkPathway[] {
    read(ctx, "networkPathway");
    return networkPathway(root.covered, byCenter);
  }

  @FieldResolver(() => ReformResult, {
    description: "What changing published parameters would do: eligibility and benefits under current law and under the changes, and the difference. Over many persons, prefer startReform (a job with progress).",
  })
  reform(
    @Root() root: PopulationStatistics,
    @Arg("changes", () => [ParameterChange], { description: "The parameters to change (names as eligibilityRules publishes them)." }) changes: ParameterChange[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReformResult> {
    read(ctx, "reform");
    return reform(root.covered, changes);
  }

  @Directive("@authenticated")
  @Directive(POPULATION_POLICY)
  @Mutation(() => ReformJob, { description: "Starts a reform over the persons covered as a job; poll it with reform(id)." })
  async startReform(
    @Arg("changes", () => [ParameterChange], { description: "The parameters to change." }) changes: ParameterChange[],
    @Arg("filter", () => StatisticsFilter, { nullable: true, description: "Which persons to cover." }) filter: StatisticsFilter | null,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "Date (YYYY-MM-DD); today in Korea when omitted." }) asOf: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReformJob> {
    checkAudience(ctx);
    read(ctx, "startReform");
    const covered = cover(ctx, await population(ctx.store), filter, asOf);
    return startReformJob(ctx.store, ctx.caller.subject ?? "anonymous", covered, changes, (line) => console.error(line));
  }

  @Directive("@authenticated")
  @Directive(POPULATION_POLICY)
  @Query(() => ReformJob, { name: "reform", nullable: true, description: "A reform job started by the caller (null for an unknown id or another caller's job)." })
  async reformJob(@Arg("id", () => ID, { description: "The id startReform returned." }) id: string, @Ctx() ctx: SubgraphContext): Promise<ReformJob | null> {
    checkAudience(ctx);
    return reformJob(ctx.store, ctx.caller.subject ?? "anonymous", id);
  }
}
