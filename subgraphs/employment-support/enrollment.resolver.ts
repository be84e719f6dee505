/** NessEnrollment.allowancePayments: the person's payments (one statement for all enrollments), filtered in memory. */
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { NessEnrollment } from "./enrollment";
import { NessAllowancePayment } from "./allowance-payment";
import { paymentsByPerson, toPayment } from "./store";

@Resolver(() => NessEnrollment)
export class NessEnrollmentResolver {
  @FieldResolver(() => [NessAllowancePayment], { description: "Payments made under this enrollment, oldest first." })
  async allowancePayments(@Root() enrollment: NessEnrollment, @Ctx() ctx: SubgraphContext): Promise<NessAllowancePayment[]> {
    const rows = await ctx.loaders.get(paymentsByPerson).load(enrollment.personId);
    return rows.filter((row) => row.enrollment_id === enrollment.id).map(toPayment);
  }
}
