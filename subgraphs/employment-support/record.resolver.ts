/** The record's enrollments and payments, each through a per-person loader (one statement per table per request). */
import { IDENTIFIED_ONLY } from "../../platform/security/caller";
import { Directive, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import type { ProgramRecordRoot } from "../kit/program-record";
import { NationalEmploymentSupportRecord } from "./record";
import { NessEnrollment } from "./enrollment";
import { NessAllowancePayment } from "./allowance-payment";
import { centerWithheld } from "../kit/security/analyst-view";
import { enrollmentsByPerson, paymentsByPerson, toEnrollment, toPayment } from "./store";

@Resolver(() => NationalEmploymentSupportRecord)
export class NationalEmploymentSupportRecordResolver {
  @FieldResolver(() => [NessEnrollment], { description: "The person's NESS enrollments, newest first (by application date)." })
  async enrollments(@Root() record: ProgramRecordRoot, @Ctx() ctx: SubgraphContext): Promise<NessEnrollment[]> {
    // Each enrollment knows whether the analyst's view withholds the person's center (its centerId).
    const withheld = centerWithheld(ctx.caller, record.person.analystLevel);
    return (await ctx.loaders.get(enrollmentsByPerson).load(record.personId)).map((row) => ({ ...toEnrollment(row), centerWithheld: withheld }));
  }

  @FieldResolver(() => [NessAllowancePayment], { description: "Every NESS payment made to the person, across enrollments, oldest first." })
  async allowancePayments(@Root() record: ProgramRecordRoot, @Ctx() ctx: SubgraphContext): Promise<NessAllowancePayment[]> {
    return (await ctx.loaders.get(paymentsByPerson).load(record.personId)).map(toPayment);
  }

  @Directive(IDENTIFIED_ONLY)
  @FieldResolver(() => Int, { nullable: true, description: "Sum of every NESS payment made to the person, in whole KRW (0 when none). Not in the analyst's view (null)." })
  async totalAllowancePaid(@Root() record: ProgramRecordRoot, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await ctx.loaders.get(paymentsByPerson).load(record.personId)).reduce((sum, row) => sum + row.amount, 0);
  }
}
