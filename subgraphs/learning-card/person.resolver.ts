/** Person.learningCard: the program field this subgraph adds to Person, with the circumstances its rules need. */
import { Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { PersonStub } from "../kit/person-stub";
import { REQUIRES_CIRCUMSTANCES, programRecord, type ProgramRecordRoot } from "../kit/program-record";
import { LearningCardRecord } from "./learning-card-record";

@Resolver(() => PersonStub)
export class PersonLearningCardResolver {
  @Directive(REQUIRES_CIRCUMSTANCES)
  @FieldResolver(() => LearningCardRecord, {
    nullable: true,
    description: "The person's Tomorrow Learning Card (국민내일배움카드) record; always present (card null when never issued), null only if this service fails.",
  })
  learningCard(@Root() person: PersonStub): ProgramRecordRoot {
    return programRecord(person);
  }
}
