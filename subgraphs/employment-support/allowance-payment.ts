/** A payment made under NESS: job-seeking, participation or success allowance. */
import { IDENTIFIED_ONLY } from "../../platform/security/caller";
import { Directive, Field, ID, Int, ObjectType, Extensions } from "type-graphql";
import { PERSONAL_EVENT_DATE } from "../kit/security/personal-dates";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar } from "../kit/scalars";
import { NessPaymentKind } from "./enums";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "A payment made to the person under the National Employment Support System (국민취업지원제도)." })
export class NessAllowancePayment {
  @Field(() => ID, { description: "Payment id, the enrollment id plus the kind and month (e.g. NESS-P00000042-1-JSA-3)." })
  id!: string;

  @Field(() => ID, { description: "Id of the enrollment the payment belongs to." })
  enrollmentId!: string;

  @Field(() => NessPaymentKind, { description: "Kind of payment." })
  kind!: NessPaymentKind;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { description: "Date the payment was made." })
  paidOn!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Job-seeking allowance: the allowance month it pays (1-6). Success allowance: the months in the job it rewards (6 or 12). Null for the participation allowance.",
  })
  monthNumber!: number | null;

  @Directive(IDENTIFIED_ONLY)
  @Field(() => Int, { nullable: true, description: "Amount paid in whole KRW (for the job-seeking allowance, the base amount plus any dependant top-up). Not in the analyst's view (null)." })
  amount!: number;
}
