/** LearningCardRecord: a person's Tomorrow Learning Card history (always present, possibly empty). */
import "reflect-metadata";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { PARTNER } from "../../platform/security/contract";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "A person's Tomorrow Learning Card (국민내일배움카드) record: the card, if any, and the training charged to it." })
export class LearningCardRecord {
  @Field(() => ID, { description: "The person this record belongs to (pseudonymous id)." })
  personId!: string;
}
