/**
 * Exact amounts of a person's household and work, next to the bands that stand for them in the
 * analyst's view. `@policy(identified)` makes the gateway remove an exact amount from an analyst's
 * query; the resolvers withhold it too (null), so an analyst gets it from nowhere.
 */
import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { WonScalar } from "../kit/scalars";
import type { SubgraphContext } from "../kit/context";
import { Employment, Household } from "./person";
import { assetsBand, incomeBand } from "../kit/bands";

export const IDENTIFIED = `@policy(policies: [["identified"]])`;
export const identified = (ctx: SubgraphContext) => ctx.caller.audience !== "analyst";

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

  @FieldResolver(() => String, { description: "Monthly household income as a band of KRW 1,000,000, e.g. \"KRW 2,000,000-2,999,999\"." })
  incomeBand(@Root() household: Household): string {
    return incomeBand(household.monthlyIncome);
  }

  @FieldResolver(() => String, { description: "Household assets as a band of KRW 100,000,000, e.g. \"KRW 0-99,999,999\"." })
  assetsBand(@Root() household: Household): string {
    return assetsBand(household.assets);
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
