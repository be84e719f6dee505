/**
 * Where the data lives: a field marked `@policy(identified)` resolves to null in its own subgraph for
 * an analyst, whatever the gateway did; and the explanations of every rule are rendered from its kind.
 */
import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { graphql } from "graphql";
import { Directive, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { buildFederatedSchema } from "../../subgraphs/kit/schema";
import { IDENTIFIED_ONLY, type Caller } from "../../platform/security/caller";
import { coarseObserved, withholdAmounts } from "../../subgraphs/kit/security/explanations";

@ObjectType()
class Payment {
  @Field(() => String)
  paidOn!: string;

  @Directive(IDENTIFIED_ONLY)
  @Field(() => Int, { nullable: true })
  amount!: number;
}

@Resolver()
class PaymentResolver {
  @Query(() => Payment)
  payment(): Payment {
    return { paidOn: "2026-01-05", amount: 600_000 };
  }
}

const caller = (audience: Caller["audience"]): Caller => ({ audience, subject: "x", scopes: [], via: "jwt" });

describe("the analyst view in the subgraph", () => {
  it("withholds @policy(identified) fields from analysts only", async () => {
    const schema = await buildFederatedSchema({ resolvers: [PaymentResolver] });
    const ask = (audience: Caller["audience"]) => graphql({ schema, source: "{ payment { paidOn amount } }", contextValue: { caller: caller(audience) } });
    expect((await ask("analyst")).data).toEqual({ payment: { paidOn: "2026-01-05", amount: null } });
    for (const audience of ["counsellor", "citizen", "partner"] as const) expect((await ask(audience)).data).toEqual({ payment: { paidOn: "2026-01-05", amount: 600_000 } });
  });

  it("renders observed values by kind and withholds amounts from texts", () => {
    expect(coarseObserved("income", "1360000")).toBe("KRW 1,000,000-1,999,999");
    expect(coarseObserved("assets", "325000000")).toBe("KRW 300,000,000-399,999,999");
    expect(coarseObserved("revenue", "45000000")).toBe("KRW 0-99,999,999");
    expect(coarseObserved("income", "LARGE, 3000000")).toBeNull();
    expect(coarseObserved("mixed", "LARGE, age 40, 3000000")).toBeNull();
    expect(coarseObserved(undefined, "60")).toBeNull();
    expect(coarseObserved("age", "60")).toBe("60");
    expect(withholdAmounts("Card issued with 3,000,000 KRW.")).toBe("Card issued with (amount withheld).");
    expect(withholdAmounts("600,000 KRW a month plus 100,000 KRW for 1 dependant(s) for 6 months")).toBe("(amount withheld) a month plus (amount withheld) for 1 dependant(s) for 6 months");
  });
});
