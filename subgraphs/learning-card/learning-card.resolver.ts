/** What the card has paid and what is left, computed from the enrollments (never stored). */
import { IDENTIFIED_ONLY } from "../../platform/security/caller";
import { Directive, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { LearningCard } from "./learning-card";
import { enrollmentsByPerson } from "./store";

async function usedOf(card: LearningCard, ctx: SubgraphContext): Promise<number> {
  const rows = await ctx.loaders.get(enrollmentsByPerson).load(card.personId);
  return rows.filter((row) => row.card_id === card.id && row.status !== "DROPPED").reduce((sum, row) => sum + row.card_charge, 0);
}

@Resolver(() => LearningCard)
export class LearningCardResolver {
  @Directive(IDENTIFIED_ONLY)
  @FieldResolver(() => Int, { nullable: true, description: "Whole KRW charged to the card: the government's share of every enrollment not dropped. Not in the analyst's view (null)." })
  used(@Root() card: LearningCard, @Ctx() ctx: SubgraphContext): Promise<number> {
    return usedOf(card, ctx);
  }

  @Directive(IDENTIFIED_ONLY)
  @FieldResolver(() => Int, { nullable: true, description: "Whole KRW left to spend: grantTotal minus used, never below 0 (lapses when the card expires). Not in the analyst's view (null)." })
  async balance(@Root() card: LearningCard, @Ctx() ctx: SubgraphContext): Promise<number> {
    return Math.max(0, card.grantTotal - (await usedOf(card, ctx)));
  }
}
