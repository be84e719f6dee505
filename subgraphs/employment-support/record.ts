/** A person's NESS record: the hook for their enrollments, payments and eligibility (always present, even with no history). */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { PARTNER } from "../../platform/security/contract";
import { PERSONAL_DATA } from "../../platform/cache-control";

// The description matches journey's stub of this type word for word (composition merges them).
@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "A person's record in the National Employment Support System (국민취업지원제도)." })
export class NationalEmploymentSupportRecord {
  @Field(() => ID, { description: "Pseudonymous id of the person the record belongs to." })
  personId!: string;
}
