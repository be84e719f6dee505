/** MidCareerSupportRecord's lists and total, through the per-request loaders (one statement per table per request). */
import { IDENTIFIED_ONLY } from "../../platform/security/caller";
import { Directive, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { SYNTHETIC_AS_OF } from "../kit/synthetic/person";
import { MidCareerSupportRecord } from "./record";
import { CareerDesignSession } from "./career-design-session";
import { WorkExperiencePlacement } from "./work-experience-placement";
import type { ProgramRecordRoot } from "../kit/program-record";
import { centerWithheld, withholdCenter } from "../kit/security/analyst-view";
import { allowancePaid, placementsByPerson, sessionsByPerson, toPlacement, toSession } from "./store";

@Resolver(() => MidCareerSupportRecord)
export class MidCareerSupportRecordResolver {
  @FieldResolver(() => [CareerDesignSession], { description: "Career design sessions at Mid-Career Tomorrow Centers, oldest first." })
  async careerDesignSessions(@Root() record: MidCareerSupportRecord, @Ctx() ctx: SubgraphContext): Promise<CareerDesignSession[]> {
    // The session's provider is named after the person's center: withheld where the analyst's view withholds the center.
    const person = (record as unknown as ProgramRecordRoot).person;
    const withheld = centerWithheld(ctx.caller, person.analystLevel);
    return (await ctx.loaders.get(sessionsByPerson).load(record.personId)).map(toSession).map((session) =>
      withheld ? { ...session, provider: withholdCenter(session.provider, person.centerId) } : session,
    );
  }

  @FieldResolver(() => [WorkExperiencePlacement], { description: "Work experience placements, newest first." })
  async workExperiencePlacements(@Root() record: MidCareerSupportRecord, @Ctx() ctx: SubgraphContext): Promise<WorkExperiencePlacement[]> {
    return (await ctx.loaders.get(placementsByPerson).load(record.personId)).map(toPlacement);
  }

  @Directive(IDENTIFIED_ONLY)
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      `Participant allowance paid over all placements up to the records' date (${SYNTHETIC_AS_OF}), in whole KRW: the sum of each ` +
      "placement's allowancePaid (monthlyAllowance per full service month served, pro rata by days for the last month of a " +
      "placement that ended part-way; the running month is paid after it ends). 0 when the person never had a placement. Not in the analyst's view (null).",
  })
  async totalAllowancePaid(@Root() record: MidCareerSupportRecord, @Ctx() ctx: SubgraphContext): Promise<number> {
    const rows = await ctx.loaders.get(placementsByPerson).load(record.personId);
    return rows.reduce((sum, row) => sum + allowancePaid(row, SYNTHETIC_AS_OF), 0);
  }
}
