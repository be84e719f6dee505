/** A person's Job Search Guarantee Package record: the hook for their participations (and, later, eligibility). */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { PARTNER } from "../../platform/security/contract";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "A person's record in the Job Search Guarantee Package (구직자 도약보장패키지); present even with no participation." })
export class JobSearchGuaranteeRecord {
  @Field(() => ID, { description: "Pseudonymous id of the person the record belongs to." })
  personId!: string;
}
