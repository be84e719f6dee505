/**
 * Introspection per audience, through the real gateway: signed-in callers see the API schema,
 * partners their contract, anonymous callers the public part only (the fields they may use without
 * a token); INTROSPECTION=signed-in refuses anonymous callers, INTROSPECTION=off everyone.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readFileSync } from "node:fs";
import { buildSchema } from "graphql";
import { graphql, skipReason } from "../setup/graphql";
import { freePort } from "../../scripts/stack";
import { startGateway, type RunningGateway } from "../../gateway/server";
import { gatewayConfigFromEnv } from "../../gateway/config";

const QUERY_FIELDS = `{ __schema { queryType { fields { name } } mutationType { name } } }`;
const names = (data: any) => data.__schema.queryType.fields.map((f: { name: string }) => f.name).sort();
const api = buildSchema(readFileSync(new URL("../../schema/api.graphql", import.meta.url), "utf8"));

async function gatewayWith(env: Record<string, string>): Promise<RunningGateway> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env, { EXPLORER: "off" });
  try {
    return await startGateway({ ...gatewayConfigFromEnv([], {}), port: await freePort(), subgraphUrls: inject("subgraphUrls") });
  } finally {
    for (const [key, value] of Object.entries(saved)) if (value === undefined) delete process.env[key]; else process.env[key] = value;
    delete process.env.EXPLORER;
  }
}

describe.skipIf(skipReason())("introspection per audience", () => {
  it("signed-in callers introspect the whole API schema (schema/api.graphql)", async () => {
    const { data, errors } = await graphql(`${QUERY_FIELDS.slice(0, -1)} consent: __type(name: "Consent") { name } }`, undefined, { as: { role: "counsellor", centers: ["gumi"] } });
    expect(errors).toBeUndefined();
    expect(names(data)).toEqual(Object.keys(api.getQueryType()!.getFields()).sort());
    expect(data.__schema.mutationType).toEqual({ name: "Mutation" });
    expect(data.consent).toEqual({ name: "Consent" });
  });

  it("anonymous callers introspect the public part only: no person lookups, consents, access log or mutations; simulatePerson's programs", async () => {
    const { data, errors } = await graphql(
      `{ __schema { queryType { fields { name } } mutationType { name } }
         consent: __type(name: "Consent") { name } log: __type(name: "AccessLogEntry") { name }
         person: __type(name: "Person") { fields { name } } }`,
      undefined,
      { as: "anonymous" },
    );
    expect(errors).toBeUndefined();
    expect(names(data)).toEqual(["eligibilityRules", "employmentCenter", "employmentCenters", "jobSearchGuaranteeCenters", "partnerAgencies", "simulatePerson", "trainingCourse", "trainingCourses"]);
    expect(data.__schema.mutationType).toBeNull();
    expect(data.consent).toBeNull();
    expect(data.log).toBeNull();
    const personFields = data.person.fields.map((f: { name: string }) => f.name);
    expect(personFields).toContain("nationalEmploymentSupport");
    // Consents and the access log are not reachable: their types are not in the public part.
    for (const hidden of ["consents", "accessLog"]) expect(personFields).not.toContain(hidden);
  });

  it("what anonymous introspection shows, anonymous callers can use", async () => {
    const { data, errors } = await graphql(`{ employmentCenters { id } eligibilityRules(program: MID_CAREER_SUPPORT) { program } }`, undefined, { as: "anonymous" });
    expect(errors).toBeUndefined();
    expect(data.eligibilityRules.program).toBe("MID_CAREER_SUPPORT");
  });

  it("refuses anonymous introspection mixed with data (directly or through a fragment) instead of answering it from the whole graph", async () => {
    for (const query of [
      `{ employmentCenters { id } __type(name: "Consent") { name } }`,
      `query { ...Probe } fragment Probe on Query { employmentCenters { id } __type(name: "Consent") { fields { name } } }`,
    ]) {
      const { data, errors } = await graphql(query, undefined, { as: "anonymous" });
      expect(data ?? null).toBeNull();
      expect(errors![0].extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(errors![0].message).toContain("public part of the schema");
      expect(JSON.stringify(errors)).not.toContain("consents");
    }
  });

  describe("INTROSPECTION=signed-in and off", () => {
    let signedIn: RunningGateway;
    let off: RunningGateway;
    beforeAll(async () => {
      signedIn = await gatewayWith({ INTROSPECTION: "signed-in" });
      off = await gatewayWith({ INTROSPECTION: "off" });
    });
    afterAll(async () => {
      await signedIn?.stop();
      await off?.stop();
    });

    it("signed-in: anonymous callers may not introspect, counsellors may", async () => {
      const anonymous = await graphql(QUERY_FIELDS, undefined, { as: "anonymous", url: signedIn.url });
      expect(anonymous.data ?? null).toBeNull();
      expect(anonymous.errors![0]).toMatchObject({ message: "Introspection needs a token here: sign in (or read schema/api.graphql).", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
      const counsellor = await graphql(QUERY_FIELDS, undefined, { as: { role: "counsellor", centers: ["gumi"] }, url: signedIn.url });
      expect(counsellor.errors).toBeUndefined();
      expect(names(counsellor.data)).toContain("persons");
    });

    it("off: nobody introspects, and data is served as before", async () => {
      for (const as of ["anonymous", { role: "counsellor", centers: ["gumi"] }, { role: "analyst" }] as const) {
        const { errors } = await graphql(QUERY_FIELDS, undefined, { as, url: off.url });
        expect(errors![0].extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
        expect(errors![0].message).toMatch(/introspection is not allowed/i);
      }
      const { data, errors } = await graphql(`{ employmentCenters { id } }`, undefined, { as: "anonymous", url: off.url });
      expect(errors).toBeUndefined();
      expect(data.employmentCenters.length).toBeGreaterThan(0);
    });
  });
});
