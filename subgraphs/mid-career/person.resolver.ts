/** Person.midCareerSupport: the program's field on Person, with the circumstances its rules need. */
import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { PARTNER } from "../../platform/security/contract";
import type { Circumstances } from "../kit/circumstances";
import { REQUIRES_CIRCUMSTANCES, requiresProgramScope, programRecord, type ProgramRecordRoot } from "../kit/program-record";
import { Person } from "./person";
import { MidCareerSupportRecord } from "./record";

@Resolver(() => Person)
export class PersonMidCareerResolver {
  @Directive(PARTNER)
  @Directive(REQUIRES_CIRCUMSTANCES)
  @Directive(requiresProgramScope("mid-career"))
  @FieldResolver(() => MidCareerSupportRecord, {
    nullable: true,
    description:
      "The person's Mid-Career Career Support Program (중장년 경력지원제) record, with their Mid-Career Tomorrow Center sessions: " +
      "always present (empty lists when they have no history); null only when this service fails.",
  })
  midCareerSupport(@Root() person: Circumstances, @Ctx() ctx: SubgraphContext): Promise<ProgramRecordRoot> {
    return programRecord(ctx, person, "mid-career");
  }
}
