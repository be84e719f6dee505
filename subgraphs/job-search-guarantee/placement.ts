/** A job a participant started through the package. */
import { IDENTIFIED_ONLY } from "../../platform/security/caller";
import { Directive, Field, ID, Int, ObjectType, Extensions } from "type-graphql";
import { PERSONAL_EVENT_DATE } from "../kit/security/personal-dates";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar } from "../kit/scalars";
import { GuaranteeEmploymentType } from "./enums";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "A job a participant started during tailored job support (취업 성공)." })
export class GuaranteeJobPlacement {
  @Field(() => ID, { description: "Stable placement id: the participation id followed by -J and an ordinal (e.g. JSG-P00000042-1-J1)." })
  id!: string;

  @Field(() => ID, { description: "Id of the participation the placement came from." })
  participationId!: string;

  @Field(() => String, { description: "Name of the employer (synthetic in this system)." })
  employer!: string;

  @Field(() => String, { description: "Industry of the job, one of the managing center's focus industries." })
  industry!: string;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { description: "First day of work." })
  startedOn!: string;

  @Directive(IDENTIFIED_ONLY)
  @Field(() => Int, { nullable: true, description: "Monthly wage in whole KRW. Not in the analyst's view (null)." })
  monthlyWage!: number;

  @Field(() => GuaranteeEmploymentType, { description: "Permanent, fixed-term or part-time." })
  employmentType!: GuaranteeEmploymentType;
}
