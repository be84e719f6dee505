/** What the card has paid and what is left, computed from the enrollments (never stored). */
import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { LearningCard } from "./learning-card";
import { enrollmentsByPerson } from "./store";

async function usedOf(card: LearningCard, ctx: SubgraphContext): Promise<number> {
  const rows = await ctx.loaders.get(enrollmentsByPerson).load(card.personId);
  return rows.filter((row) => row.card_id === card.id && row.status !== "DROPPED").reduce((sum, row) => sum + row.card_charge, 0);
}

@Resolver(() => LearningCard)
export class LearningCardResolver {
  @FieldResolver(() => Int, { description: "Whole KRW charged to the card: the government's share of every enrollment not dropped." })
  used(@Root() card: LearningCard, @Ctx() ctx: SubgraphContext): Promise<number> {
    return usedOf(card, ctx);
  }

  @FieldResolver(() => Int, { description: "Whole KRW left to spend: grantTotal minus used, never below 0 (lapses when the card expires)." })
  async balance(@Root() card: LearningCard, @Ctx() ctx: SubgraphContext): Promise<number> {
    return Math.max(0, card.grantTotal - (await usedOf(card, ctx)));
  }
}
