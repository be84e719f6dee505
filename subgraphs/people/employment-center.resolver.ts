/** Root fields for the employment centers, and each center's consortium and persons. */
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { PUBLIC_DATA } from "../../platform/cache-control";
import { INTERNAL, PARTNER } from "../../platform/security/contract";
import { forbidden } from "../../platform/security/errors";
import type { SubgraphContext } from "../kit/context";
import { ConsortiumMember, EmploymentCenter } from "./employment-center";
import { PersonConnection } from "./connection";
import { Region } from "./enums";
import { personsPage } from "./person.resolver";
import { centerById, consortiumByCenter, listCenters, toCenter, toConsortiumMember } from "./store";

@Resolver(() => EmploymentCenter)
export class EmploymentCenterResolver {
  @Directive(PARTNER)
  @Directive(PUBLIC_DATA)
  @Query(() => [EmploymentCenter], { description: "The employment centers of the Mid-Career Employment Network, by id." })
  employmentCenters(
    @Arg("region", () => Region, { nullable: true, description: "Only centers in this region." }) region: Region | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EmploymentCenter[]> {
    return listCenters(ctx.store, region ?? undefined);
  }

  @Directive(PARTNER)
  @Directive(PUBLIC_DATA)
  @Query(() => EmploymentCenter, { nullable: true, description: "One employment center by id; null when unknown." })
  async employmentCenter(
    @Arg("id", () => ID, { description: "Center id, e.g. seoul-gwanak." }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EmploymentCenter | null> {
    const row = await ctx.loaders.get(centerById).load(id);
    return row ? toCenter(row) : null;
  }

  @FieldResolver(() => [ConsortiumMember], { description: "The organisations of this center's regional consortium." })
  async consortiumMembers(@Root() center: EmploymentCenter, @Ctx() ctx: SubgraphContext): Promise<ConsortiumMember[]> {
    return (await ctx.loaders.get(consortiumByCenter).load(center.id)).map(toConsortiumMember);
  }

  @Directive("@authenticated")
  @Directive(INTERNAL)
  @FieldResolver(() => PersonConnection, { description: "Persons whose case this center manages, in id order (the center's counsellors, and analysts)." })
  persons(
    @Root() center: EmploymentCenter,
    @Arg("first", () => Int, { defaultValue: 20, description: "Page size, 0-100." }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts." }) after: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PersonConnection> {
    if (ctx.caller.audience === "counsellor" && !ctx.caller.centers?.includes(center.id)) {
      throw forbidden("Only this center's counsellors (and analysts) can list the persons it manages.");
    }
    return personsPage(ctx, { centerId: center.id }, first, after);
  }
}
