/** A person's Mid-Career Career Support record: the hook for their sessions and placements (and, later, eligibility). */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { PARTNER } from "../../platform/security/contract";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({
  description:
    "A person's record in the Mid-Career Career Support Program (중장년 경력지원제), with the career design sessions of the " +
    "Mid-Career Tomorrow Centers (중장년내일센터); present even when the person has no history.",
})
export class MidCareerSupportRecord {
  @Field(() => ID, { description: "Pseudonymous id of the person the record belongs to." })
  personId!: string;
}
