/** NessEnrollment.allowancePayments: the person's payments (one statement for all enrollments), filtered in memory. */
import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { NessEnrollment } from "./enrollment";
import { NessAllowancePayment } from "./allowance-payment";
import { paymentsByPerson, toPayment } from "./store";

@Resolver(() => NessEnrollment)
export class NessEnrollmentResolver {
  @FieldResolver(() => ID, {
    nullable: true,
    description: "Id of the employment center (고용센터) handling the enrollment: the person's own center (analysts: null where the analyst's view withholds the person's center).",
  })
  centerId(@Root() enrollment: NessEnrollment): string | null {
    return enrollment.centerWithheld ? null : enrollment.centerId;
  }

  @FieldResolver(() => [NessAllowancePayment], { description: "Payments made under this enrollment, oldest first." })
  async allowancePayments(@Root() enrollment: NessEnrollment, @Ctx() ctx: SubgraphContext): Promise<NessAllowancePayment[]> {
    const rows = await ctx.loaders.get(paymentsByPerson).load(enrollment.personId);
    return rows.filter((row) => row.enrollment_id === enrollment.id).map(toPayment);
  }
}
