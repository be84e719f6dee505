/** The operations registered for partner agencies are valid against the partner contract schema. */
import { readFileSync } from "node:fs";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { ApolloGateway } from "@apollo/gateway";
import { DEFAULT_PERSISTED_QUERIES_DIR, DEFAULT_SUPERGRAPH_PATH } from "../gateway/config";
import { readManifestDir, sha256 } from "../gateway/shared/safelist";
import { contractSchema } from "../gateway/contract/schema";
import { supergraphForEnforcingGateway } from "../gateway/authorization/supergraph";

describe("persisted-queries/", async () => {
  const operations = readManifestDir(DEFAULT_PERSISTED_QUERIES_DIR);
  const sdl = readFileSync(DEFAULT_SUPERGRAPH_PATH, "utf8");
  const gateway = new ApolloGateway({ supergraphSdl: supergraphForEnforcingGateway(sdl) });
  const { schema } = await gateway.load();
  await gateway.stop();
  const partner = contractSchema(schema, sdl);

  it("registers the partner operations, each under the sha256 of its body", () => {
    expect(operations.map((o) => o.name).sort()).toEqual(["IntrospectionQuery", "PartnerLearningCard", "PartnerMidCareer"]);
    for (const operation of operations) expect(operation.id).toBe(sha256(operation.body));
  });

  it.each(operations.map((o) => [o.name, o.body]))("%s is valid against the partner contract", (_name, body) => {
    expect(validate(partner, parse(body)).map((e) => e.message)).toEqual([]);
  });
});
