/** An employment center running the package, and since when. */
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { PUBLIC_DATA } from "../../platform/cache-control";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar } from "../kit/scalars";
import { GuaranteeCenterCohort } from "./enums";

@Directive(PARTNER)
@Directive(PUBLIC_DATA)
@ObjectType({
  description:
    "An employment center that runs the Job Search Guarantee Package. The published roll-out gives how many centers " +
    "joined in each wave and when, not which ones: which center is in which cohort is illustrative.",
})
export class GuaranteeCenter {
  @Field(() => ID, { description: "Id of the employment center (고용센터), as in employmentCenters." })
  centerId!: string;

  @Field(() => DateScalar, { description: "Date the center started running the package." })
  since!: string;

  @Field(() => GuaranteeCenterCohort, { description: "Roll-out wave the center joined in." })
  cohort!: GuaranteeCenterCohort;
}
