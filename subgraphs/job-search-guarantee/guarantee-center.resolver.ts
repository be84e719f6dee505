/** Root field listing the centers that run the package (a data constant, not a table). */
import { Directive, Query, Resolver } from "type-graphql";
import { PUBLIC_DATA } from "../../platform/cache-control";
import { PARTNER } from "../../platform/security/contract";
import { GuaranteeCenter } from "./guarantee-center";
import { GUARANTEE_CENTERS } from "./centers";

@Resolver(() => GuaranteeCenter)
export class GuaranteeCenterResolver {
  @Directive(PARTNER)
  @Directive(PUBLIC_DATA)
  @Query(() => [GuaranteeCenter], {
    description:
      "Employment centers running the Job Search Guarantee Package and since when, oldest first: 6 from 2022-08-19, 24 from 2023-06-28, later more (the assignment of centers is illustrative).",
  })
  jobSearchGuaranteeCenters(): GuaranteeCenter[] {
    return GUARANTEE_CENTERS.map((entry) => ({ ...entry }));
  }
}
