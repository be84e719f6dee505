/**
 * A participation's phases and placements: loaded per PERSON (one statement per table for the whole
 * request) and filtered by participation id in memory, never one statement per participation.
 */
import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { GuaranteeParticipation } from "./participation";
import { GuaranteePhase } from "./phase";
import { GuaranteeJobPlacement } from "./placement";
import { phasesByPerson, placementsByPerson, toPhase, toPlacement } from "./store";

@Resolver(() => GuaranteeParticipation)
export class GuaranteeParticipationResolver {
  @FieldResolver(() => ID, {
    nullable: true,
    description: "Id of the employment center (고용센터) running this participation, as in employmentCenters (analysts: null where the analyst's view withholds the person's center).",
  })
  centerId(@Root() participation: GuaranteeParticipation): string | null {
    return participation.centerWithheld ? null : participation.centerId;
  }

  @FieldResolver(() => [GuaranteePhase], { description: "The service phases so far, in order: diagnosis, career design, job support." })
  async phases(@Root() participation: GuaranteeParticipation, @Ctx() ctx: SubgraphContext): Promise<GuaranteePhase[]> {
    const rows = await ctx.loaders.get(phasesByPerson).load(participation.personId);
    return rows.filter((row) => row.participation_id === participation.id).map(toPhase);
  }

  @FieldResolver(() => [GuaranteeJobPlacement], { description: "Jobs the participant started through this participation, oldest first." })
  async placements(@Root() participation: GuaranteeParticipation, @Ctx() ctx: SubgraphContext): Promise<GuaranteeJobPlacement[]> {
    const rows = await ctx.loaders.get(placementsByPerson).load(participation.personId);
    return rows.filter((row) => row.participation_id === participation.id).map(toPlacement);
  }
}
