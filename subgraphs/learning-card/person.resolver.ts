/** Person.learningCard: the program field this subgraph adds to Person, with the circumstances its rules need. */
import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { PARTNER } from "../../platform/security/contract";
import type { Circumstances } from "../kit/circumstances";
import { Person } from "./person";
import { REQUIRES_CIRCUMSTANCES, requiresProgramScope, programRecord, type ProgramRecordRoot } from "../kit/program-record";
import { LearningCardRecord } from "./learning-card-record";

@Resolver(() => Person)
export class PersonLearningCardResolver {
  @Directive(PARTNER)
  @Directive(REQUIRES_CIRCUMSTANCES)
  @Directive(requiresProgramScope("learning-card"))
  @FieldResolver(() => LearningCardRecord, {
    nullable: true,
    description: "The person's Tomorrow Learning Card (국민내일배움카드) record; always present (card null when never issued), null only if this service fails.",
  })
  learningCard(@Root() person: Circumstances, @Ctx() ctx: SubgraphContext): Promise<ProgramRecordRoot> {
    return programRecord(ctx, person, "learning-card");
  }
}
