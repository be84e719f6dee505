/** Person.nationalEmploymentSupport: the program's field on the shared Person entity, with the circumstances its rules need. */
import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { PARTNER } from "../../platform/security/contract";
import type { Circumstances } from "../kit/circumstances";
import { Person } from "./person";
import { REQUIRES_CIRCUMSTANCES, requiresProgramScope, programRecord, type ProgramRecordRoot } from "../kit/program-record";
import { NationalEmploymentSupportRecord } from "./record";

@Resolver(() => Person)
export class PersonNationalEmploymentSupportResolver {
  @Directive(PARTNER)
  @Directive(REQUIRES_CIRCUMSTANCES)
  @Directive(requiresProgramScope("employment-support"))
  @FieldResolver(() => NationalEmploymentSupportRecord, {
    nullable: true,
    description:
      "The person's National Employment Support System (국민취업지원제도) record: always present, with empty lists when they never enrolled; null only when this service fails.",
  })
  nationalEmploymentSupport(@Root() person: Circumstances, @Ctx() ctx: SubgraphContext): Promise<ProgramRecordRoot> {
    return programRecord(ctx, person, "employment-support");
  }
}
