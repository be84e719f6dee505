/**
 * The GraphQL over HTTP specification's server audits (graphql-http's serverAudits) against the
 * gateway: every MUST passes. SHOULD and MAY results are reported, not required.
 */
import { describe, expect, inject, it } from "vitest";
import { serverAudits } from "graphql-http";
import { skipReason } from "../setup/graphql";

describe.skipIf(skipReason())("GraphQL over HTTP conformance", () => {
  const audits = serverAudits({ url: () => inject("gatewayUrl"), fetchFn: fetch });
  const musts = audits.filter((audit) => audit.name.startsWith("MUST"));

  it("has MUST audits to run", () => {
    expect(musts.length).toBeGreaterThan(10);
  });

  it.each(musts.map((audit) => [audit.name, audit] as const))("%s", async (_name, audit) => {
    const result = await audit.fn();
    expect(result.status, "reason" in result ? result.reason : "").toBe("ok");
  });
});
