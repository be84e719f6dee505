/**
 * Exact amounts of a person's household and work, next to the bands that stand for them in the
 * analyst's view. `@policy(identified)` makes the gateway remove an exact amount from an analyst's
 * query; the resolvers withhold it too (null), so an analyst gets it from nowhere.
 */
import { Ctx, Directive, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { WonScalar } from "../kit/scalars";
import type { SubgraphContext } from "../kit/context";
import { Employment, Household } from "./person";
import { assetsBand, incomeBand } from "../kit/bands";
import { released, type Released } from "../kit/security/generalisation";

export const IDENTIFIED = `@policy(policies: [["identified"]])`;
export const identified = (ctx: SubgraphContext) => ctx.caller.audience !== "analyst";

/** What the caller may be told of a person at `level`: everything unless an analyst (generalisation.ts). */
export const releasedTo = (ctx: SubgraphContext, level: number): Released => released(identified(ctx) ? 0 : level);

@Resolver(() => Household)
export class HouseholdResolver {
  @Directive(IDENTIFIED)
  @FieldResolver(() => WonScalar, { nullable: true, description: "Monthly household income in whole KRW (not in the analyst's view: see incomeBand)." })
  monthlyIncome(@Root() household: Household, @Ctx() ctx: SubgraphContext): number | null {
    return identified(ctx) ? household.monthlyIncome : null;
  }

  @Directive(IDENTIFIED)
  @FieldResolver(() => WonScalar, { nullable: true, description: "Household assets in whole KRW (not in the analyst's view: see assetsBand)." })
  assets(@Root() household: Household, @Ctx() ctx: SubgraphContext): number | null {
    return identified(ctx) ? household.assets : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Monthly household income as a band of KRW 1,000,000, e.g. \"KRW 2,000,000-2,999,999\" (analysts: null where the person's group would otherwise be too small).",
  })
  incomeBand(@Root() household: Household, @Ctx() ctx: SubgraphContext): string | null {
    return releasedTo(ctx, household.analystLevel).incomeBand ? incomeBand(household.monthlyIncome) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Household assets as a band of KRW 100,000,000, e.g. \"KRW 0-99,999,999\" (analysts: null where the person's group would otherwise be too small).",
  })
  assetsBand(@Root() household: Household, @Ctx() ctx: SubgraphContext): string | null {
    return releasedTo(ctx, household.analystLevel).assetsBand ? assetsBand(household.assets) : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: "Number of people in the household (1-20; analysts: null where the person's group would otherwise be too small)." })
  size(@Root() household: Household, @Ctx() ctx: SubgraphContext): number | null {
    return releasedTo(ctx, household.analystLevel).householdSize ? household.size : null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Qualifying dependants: aged 18 or under, 70 or over, or severely disabled (analysts: null wherever the household size is, since it bounds the size).",
  })
  dependants(@Root() household: Household, @Ctx() ctx: SubgraphContext): number | null {
    return releasedTo(ctx, household.analystLevel).householdSize ? household.dependants : null;
  }
}

@Resolver(() => Employment)
export class EmploymentResolver {
  @Directive(IDENTIFIED)
  @FieldResolver(() => WonScalar, { nullable: true, description: "Monthly wage in whole KRW, 0 when not working (not in the analyst's view)." })
  monthlyWage(@Root() employment: Employment, @Ctx() ctx: SubgraphContext): number | null {
    return identified(ctx) ? employment.monthlyWage : null;
  }

  @Directive(IDENTIFIED)
  @FieldResolver(() => WonScalar, { nullable: true, description: "Annual revenue in whole KRW when self-employed, 0 otherwise (not in the analyst's view)." })
  selfEmployedAnnualRevenue(@Root() employment: Employment, @Ctx() ctx: SubgraphContext): number | null {
    return identified(ctx) ? employment.selfEmployedAnnualRevenue : null;
  }
}
