/** Person.jobSearchGuarantee: the program's field on the shared Person entity, with the circumstances its rules need. */
import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { PARTNER } from "../../platform/security/contract";
import type { Circumstances } from "../kit/circumstances";
import { Person } from "./person";
import { REQUIRES_CIRCUMSTANCES, requiresProgramScope, programRecord, type ProgramRecordRoot } from "../kit/program-record";
import { JobSearchGuaranteeRecord } from "./record";

@Resolver(() => Person)
export class PersonJobSearchGuaranteeResolver {
  @Directive(PARTNER)
  @Directive(REQUIRES_CIRCUMSTANCES)
  @Directive(requiresProgramScope("job-search-guarantee"))
  @FieldResolver(() => JobSearchGuaranteeRecord, {
    nullable: true,
    description:
      "The person's Job Search Guarantee Package (구직자 도약보장패키지) record: always present, with an empty list when they never took part; null only when this service fails.",
  })
  jobSearchGuarantee(@Root() person: Circumstances, @Ctx() ctx: SubgraphContext): Promise<ProgramRecordRoot> {
    return programRecord(ctx, person, "job-search-guarantee");
  }
}
