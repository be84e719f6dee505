/** JobSearchGuaranteeRecord.participations, through the per-request loader (one statement per request). */
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { JobSearchGuaranteeRecord } from "./record";
import { GuaranteeParticipation } from "./participation";
import { participationsByPerson, toParticipation } from "./store";

@Resolver(() => JobSearchGuaranteeRecord)
export class JobSearchGuaranteeRecordResolver {
  @FieldResolver(() => [GuaranteeParticipation], { description: "The person's participations in the package, newest first." })
  async participations(@Root() record: JobSearchGuaranteeRecord, @Ctx() ctx: SubgraphContext): Promise<GuaranteeParticipation[]> {
    return (await ctx.loaders.get(participationsByPerson).load(record.personId)).map(toParticipation);
  }
}
