/** JobSearchGuaranteeRecord.participations, through the per-request loader (one statement per request). */
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { JobSearchGuaranteeRecord } from "./record";
import { GuaranteeParticipation } from "./participation";
import { participationsByPerson, toParticipation } from "./store";
import type { ProgramRecordRoot } from "../kit/program-record";
import { centerWithheld } from "../kit/security/analyst-view";

@Resolver(() => JobSearchGuaranteeRecord)
export class JobSearchGuaranteeRecordResolver {
  @FieldResolver(() => [GuaranteeParticipation], { description: "The person's participations in the package, newest first." })
  async participations(@Root() record: JobSearchGuaranteeRecord, @Ctx() ctx: SubgraphContext): Promise<GuaranteeParticipation[]> {
    // Each participation knows whether the analyst's view withholds the person's center (its centerId).
    const withheld = centerWithheld(ctx.caller, (record as unknown as ProgramRecordRoot).person.analystLevel);
    return (await ctx.loaders.get(participationsByPerson).load(record.personId)).map((row) => ({ ...toParticipation(row), centerWithheld: withheld }));
  }
}
