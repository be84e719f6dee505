/**
 * The security model end to end, through the real gateway and subgraphs: refused tokens, zero trust
 * between gateway and subgraphs, consent granted and revoked, the access log a citizen reads, the
 * access records themselves, the analyst's pseudonymised view of 1,000 persons, and the partner
 * contract schema.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createHash } from "node:crypto";
import pg from "pg";
import { SignJWT, generateKeyPair } from "jose";
import { authHeaders, graphql, skipReason, type As } from "../setup/graphql";
import { personInAllPrograms, type PersonWithRecords } from "../setup/population";
import { devToken } from "../../gateway/auth/dev-token";
import { syntheticPersons } from "../../subgraphs/kit/synthetic/person";
import { CENTERS } from "../../platform/reference/centers";
import { INTERNAL_TOKEN_HEADER, internalTokenSigner } from "../../platform/security/internal-token";

const PURPOSE = "job matching";
let own: PersonWithRecords;
const citizen = (): As => ({ role: "citizen", sub: own.p.id });
const counsellor = (): As => ({ role: "counsellor", sub: "counsellor-a", centers: [own.p.centerId] });
const partner: As = { role: "partner", sub: "client-s50", partner: "seoul-50plus", purpose: PURPOSE, scope: "learning-card:read mid-career:read" };
const analyst: As = { role: "analyst", sub: "analyst-2" };

async function post(headers: Record<string, string>, query: string) {
  const response = await fetch(inject("gatewayUrl"), { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] } };
}

describe.skipIf(skipReason())("security end to end", () => {
  beforeAll(() => {
    own = personInAllPrograms(inject("testPersons"));
  });

  describe("tokens the gateway refuses", async () => {
    const claims = { role: "analyst", sub: "a" };
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const forged = async () => {
      const { privateKey } = await generateKeyPair("ES256");
      const { kid } = JSON.parse(Buffer.from((await devToken(claims)).split(".")[0], "base64url").toString());
      return new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid }).setIssuer("naeil-graph-dev").setAudience("naeil-graph").setExpirationTime("1h").sign(privateKey);
    };
    const unknownKid = async () => {
      const { privateKey } = await generateKeyPair("ES256");
      return new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid: "not-a-known-key" }).setIssuer("naeil-graph-dev").setAudience("naeil-graph").setExpirationTime("1h").sign(privateKey);
    };
    const cases: [string, () => Promise<string>, string][] = [
      ["a forged signature", forged, "BAD_SIGNATURE"],
      ["an expired token", () => devToken(claims, -600), "EXPIRED"],
      ["a token for another audience", () => devToken(claims, 3600, { ...process.env, AUTH_AUDIENCE: "another-service" }), "WRONG_AUDIENCE"],
      ["alg: none", async () => `${b64({ alg: "none", typ: "JWT" })}.${b64({ ...claims, iss: "naeil-graph-dev", aud: "naeil-graph", exp: now + 3600 })}.`, "ALGORITHM_NOT_ALLOWED"],
      ["an unknown kid", unknownKid, "UNKNOWN_KEY"],
      ["a malformed header", async () => "not a jwt", "MALFORMED_TOKEN"],
    ];
    it.each(cases)("refuses %s with UNAUTHENTICATED and keeps serving", async (_name, make, reason) => {
      const token = await make();
      const refused = await post({ authorization: `Bearer ${token}` }, `{ employmentCenters { id } }`);
      expect(refused.status).toBe(401);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([["UNAUTHENTICATED", reason]]);
      expect(refused.body.errors![0].message).not.toContain(token.split(".")[2] || token);
      const next = await post(await authHeaders(analyst), `{ employmentCenters { id } }`);
      expect(next.status).toBe(200);
      expect(next.body.data.employmentCenters).toHaveLength(CENTERS.length);
    });
  });

  describe("zero trust between gateway and subgraphs", () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name } } }`;
    const entitiesBody = () => JSON.stringify({ query: entities, variables: { r: [{ __typename: "Person", id: own.p.id }] } });
    const call = (headers: Record<string, string>) =>
      fetch(inject("subgraphUrls").people, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: entitiesBody(),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    const facts = { requestId: "zero-trust-test", operationName: null, documentHash: "test", clientAddress: null };
    const caller = { audience: "counsellor" as const, subject: "x", centers: CENTERS.map((c) => c.id), scopes: [], via: "jwt" as const };

    it("refuses a direct call without the gateway's token, and a forged _entities, with nothing but UNAUTHENTICATED", async () => {
      const bare = await call({});
      expect(bare.status).toBe(401);
      expect(bare.body).toEqual({ errors: [{ message: expect.stringContaining("gateway"), extensions: { code: "UNAUTHENTICATED" } }] });

      const dir = await import("node:fs").then((fs) => fs.mkdtempSync("/tmp/naeil-forger-"));
      const forgerSign = await internalTokenSigner({ ...process.env, AUTH_DEV_KEYS_DIR: dir }); // another key pair
      const forged = await call({ [INTERNAL_TOKEN_HEADER]: forgerSign({ caller, request: facts }, { subgraph: "people", body: entitiesBody() }) });
      expect(forged.status).toBe(401);
      expect(JSON.stringify(forged.body)).not.toContain(own.p.name);
    });

    it("refuses every subgraph called without the gateway's token, answering only its health checks", async () => {
      for (const [name, url] of Object.entries(inject("subgraphUrls"))) {
        const refused = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ _service { sdl } }" }) });
        expect([name, refused.status]).toEqual([name, 401]);
        expect(((await refused.json()) as any).errors.map((e: any) => e.extensions.code)).toEqual(["UNAUTHENTICATED"]);
        const health = await fetch(url.replace(/\/graphql$/, "/health"));
        expect([name, health.status]).toEqual([name, 200]);
      }
    });

    it("answers the gateway's own token (the same call, signed by the gateway's key)", async () => {
      const sign = await internalTokenSigner();
      const signed = await call({ [INTERNAL_TOKEN_HEADER]: sign({ caller, request: facts }, { subgraph: "people", body: entitiesBody() }) });
      expect(signed.status).toBe(200);
      expect(signed.body.data._entities).toEqual([{ name: own.p.name }]);
    });
  });

  it("lets a partner in once the citizen consents, and out at once when they revoke", async () => {
    const query = `query($id: ID!) { person(id: $id) { id learningCard { card { id } } } }`;
    const before = await graphql(query, { id: own.p.id }, { as: partner });
    expect(before.errors?.map((e) => e.extensions?.code)).toEqual(["CONSENT_REQUIRED"]);
    expect(before.data.person).toBeNull();

    const year = new Date().getFullYear() + 1;
    const granted = await graphql(
      `mutation($c: ConsentInput!) { grantConsent(consent: $c) { id partner { id name } purpose scopes expiresOn revokedAt active } }`,
      { c: { partnerId: "seoul-50plus", purpose: PURPOSE, scopes: ["learning-card:read"], expiresOn: `${year}-12-31` } },
      { as: citizen() },
    );
    expect(granted.errors).toBeUndefined();
    const consent = granted.data.grantConsent;
    expect(consent).toEqual({
      id: expect.stringMatching(/^C-/), partner: { id: "seoul-50plus", name: "Seoul 50 Plus Foundation (서울시50플러스재단)" },
      purpose: PURPOSE, scopes: ["learning-card:read"], expiresOn: `${year}-12-31`, revokedAt: null, active: true,
    });

    const allowed = await graphql(query, { id: own.p.id }, { as: partner });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.person).toEqual({ id: own.p.id, learningCard: { card: { id: own.lc.card!.id } } });

    // The consent names the learning card only: the partner's mid-career scope is not enough.
    const notConsented = await graphql(`query($id: ID!) { person(id: $id) { id midCareerSupport { careerDesignSessions { id } } } }`, { id: own.p.id }, { as: partner });
    expect(notConsented.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([["CONSENT_REQUIRED", ["person", "midCareerSupport"]]]);

    // Another partner, and the same partner with another purpose, get nothing from this consent.
    const otherPurpose = await graphql(query, { id: own.p.id }, { as: { ...(partner as object), purpose: "marketing" } });
    expect(otherPurpose.errors?.map((e) => e.extensions?.code)).toEqual(["CONSENT_REQUIRED"]);

    const revoked = await graphql(`mutation($id: ID!) { revokeConsent(id: $id) { id active revokedAt } }`, { id: consent.id }, { as: citizen() });
    expect(revoked.data.revokeConsent).toEqual({ id: consent.id, active: false, revokedAt: expect.any(String) });
    const after = await graphql(query, { id: own.p.id }, { as: partner });
    expect(after.errors?.map((e) => e.extensions?.code)).toEqual(["CONSENT_REQUIRED"]);

    const mine = await graphql(`{ me { consents { id active } } }`, undefined, { as: citizen() });
    expect(mine.data.me.consents).toContainEqual({ id: consent.id, active: false });
    const notMine = await graphql(`mutation($id: ID!) { revokeConsent(id: $id) { id } }`, { id: consent.id }, { as: counsellor() });
    expect(notMine.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
  });

  it("writes one access record per subgraph request, and shows the citizen who accessed their data", async () => {
    const requestId = `access-log-${Date.now()}`;
    const read = await graphql(
      `query CaseReview($id: ID!) { person(id: $id) { name learningCard { card { id } } midCareerSupport { careerDesignSessions { id } } } }`,
      { id: own.p.id },
      { as: counsellor(), headers: { "x-request-id": requestId } },
    );
    expect(read.errors).toBeUndefined();

    const store = new pg.Client({ connectionString: inject("accessDatabaseUrl") || inject("databaseUrl") });
    await store.connect();
    const { rows } = await store.query<{ record: any }>("select record from audit.access_log where record->>'clientRequestId' = $1 order by record->>'subgraph'", [requestId]);
    await store.end();
    expect(rows.map((r) => r.record.subgraph)).toEqual(["learning-card", "mid-career", "people"]);
    for (const { record } of rows) {
      expect(record).toMatchObject({
        caller: "counsellor-a", audience: "counsellor", organisation: CENTERS.find((c) => c.id === own.p.centerId)!.name,
        personIds: [own.p.id], operationName: "CaseReview", outcome: "ALLOWED", clientRequestId: requestId, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        documentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(JSON.stringify(record)).not.toContain(own.p.name);
    }
    expect(rows.find((r) => r.record.subgraph === "people")!.record.fields).toEqual(["Person.circumstances", "Person.id", "Person.name"]);
    expect(rows.find((r) => r.record.subgraph === "learning-card")!.record.fields).toEqual(["Person.learningCard"]);

    const log = await graphql(`{ me { accessLog(first: 100) { at who audience purpose programs } } }`, undefined, { as: citizen() });
    expect(log.errors).toBeUndefined();
    const entry = log.data.me.accessLog.find((e: any) => e.audience === "counsellor" && e.programs.length === 2);
    expect(entry).toEqual({ at: expect.any(String), who: CENTERS.find((c) => c.id === own.p.centerId)!.name, audience: "counsellor", purpose: null, programs: ["LEARNING_CARD", "MID_CAREER_SUPPORT"] });

    const someoneElse = await graphql(`query($id: ID!) { person(id: $id) { accessLog { at } } }`, { id: own.p.id }, { as: counsellor() });
    expect(someoneElse.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([["FORBIDDEN", ["person", "accessLog"]]]);
  });

  it("gives analysts 1,000 persons with no name, no exact birth date and no real person id", async () => {
    const population = syntheticPersons(inject("testPersons"));
    const query = `query Page($after: String) { persons(first: 100, after: $after) { pageInfo { endCursor } edges { cursor node {
      id birthYear age region centerId household { size incomeBand assetsBand } employment { status }
      nationalEmploymentSupport { enrollments { id } } jobSearchGuarantee { participations { id } }
      midCareerSupport { careerDesignSessions { id personId } } learningCard { card { id } enrollments { id } }
      eligibilitySummary { program eligible } } } } }`;
    let after: string | null = null;
    const pages: string[] = [];
    const ids = new Set<string>();
    for (let page = 0; page < 10; page++) {
      const { data, errors }: { data?: any; errors?: unknown[] } = await graphql(query, { after }, { as: analyst });
      expect(errors).toBeUndefined();
      pages.push(JSON.stringify(data));
      for (const edge of data.persons.edges) ids.add(edge.node.id);
      after = data.persons.pageInfo.endCursor;
    }
    expect(ids.size).toBe(1000);
    const text = pages.join("\n");
    expect(text).not.toMatch(/P\d{8}/);
    for (const cursor of text.match(/"cursor":"[^"]+"/g)!) expect(Buffer.from(cursor.slice(10, -1), "base64url").toString()).not.toMatch(/P\d{8}/);
    for (const person of population.slice(0, 1000)) {
      expect(text).not.toContain(person.name);
      expect(text).not.toContain(person.birthDate);
    }
    // Stable: the same person has the same pseudonym in the next request.
    const again = await graphql(`{ persons(first: 1) { edges { node { id } } } }`, undefined, { as: analyst });
    expect(ids.has(again.data.persons.edges[0].node.id)).toBe(true);
  });

  describe("partner contract schema", () => {
    it("shows partners only the partner contract in introspection", async () => {
      const introspect = `{ __schema { queryType { fields { name } } mutationType { name } } person: __type(name: "Person") { fields { name } } household: __type(name: "Household") { name } }`;
      const seen = await graphql(introspect, undefined, { as: partner });
      expect(seen.errors).toBeUndefined();
      expect(seen.data.__schema.queryType.fields.map((f: any) => f.name).sort()).toEqual(
        ["employmentCenter", "employmentCenters", "eligibilityRules", "jobSearchGuaranteeCenters", "partnerAgencies", "person", "simulatePerson", "trainingCourse", "trainingCourses"].sort(),
      );
      expect(seen.data.__schema.mutationType).toBeNull();
      expect(seen.data.person.fields.map((f: any) => f.name).sort()).toEqual(
        ["age", "birthDate", "birthYear", "center", "centerId", "id", "jobSearchGuarantee", "learningCard", "midCareerSupport", "name", "nationalEmploymentSupport", "region"].sort(),
      );
      expect(seen.data.household).toBeNull();
      const counsellorView = await graphql(introspect, undefined, { as: counsellor() });
      expect(counsellorView.data.__schema.queryType.fields.map((f: any) => f.name)).toContain("persons");
    });

    /** Sent as is, not registered first (graphql() registers a partner's documents). */
    const unregistered = async (body: Record<string, unknown>) => {
      const response = await fetch(inject("gatewayUrl"), {
        method: "POST",
        headers: { "content-type": "application/json", ...(await authHeaders(partner)) },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; locations?: unknown; extensions?: any }[] } };
    };

    it("answers a partner's unregistered documents alike, whether their fields exist internally or not", async () => {
      const documents = {
        "an internal field": `{ persons(first: 3) { totalCount } }`,
        "a field that does not exist": `{ noSuchField(first: 1) { totalCount } }`,
        "an internal field with a wrong argument (would name its internal type)": `{ persons(filter: 3) { totalCount } }`,
        "an internal type in a fragment": `{ ...F } fragment F on Query { persons(first: 1) { edges { node { household { incomeBand } } } } }`,
        "a type that does not exist in a fragment": `{ ...F } fragment F on NoSuchType { id }`,
        "a contract field": `{ trainingCourses(first: 3) { id } }`,
        "a syntax error": `{ persons(first: 3) { totalCount }`,
      };
      const answers = await Promise.all(Object.values(documents).map((query) => unregistered({ query })));
      const [reference] = answers;
      expect(reference.status).toBe(400);
      expect(reference.body.data).toBeUndefined();
      expect(reference.body.errors?.map((e) => e.extensions?.code)).toEqual(["PERSISTED_QUERY_NOT_ALLOWED"]);
      expect(reference.body.errors![0].message).toMatch(/registered operations only/);
      for (const [i, what] of Object.keys(documents).entries()) expect({ what, ...answers[i] }).toEqual({ what, ...reference });
      for (const secret of ["persons", "PersonFilter", "PersonConnection", "Household", "noSuchField", "NoSuchType"]) expect(JSON.stringify(answers)).not.toContain(secret);
    });

    it("answers an unregistered document a partner sends by its APQ hash alone like any other", async () => {
      // A counsellor's automatic persisted query: the body is in the APQ cache, but not in the safelist.
      const query = `{ persons(first: 4) { totalCount } }`;
      const persistedQuery = { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") };
      const registered = await fetch(inject("gatewayUrl"), {
        method: "POST",
        headers: { "content-type": "application/json", ...(await authHeaders(counsellor())) },
        body: JSON.stringify({ query, extensions: { persistedQuery } }),
      });
      expect(registered.status).toBe(200);
      const byHash = await unregistered({ extensions: { persistedQuery } });
      const nonexistent = await unregistered({ query: `{ noSuchField(first: 1) { totalCount } }` });
      expect(byHash).toEqual(nonexistent);
      expect(byHash.body.errors?.map((e) => e.extensions?.code)).toEqual(["PERSISTED_QUERY_NOT_ALLOWED"]);
    });

    it("answers a registered operation that is invalid against the whole graph with the contract's errors only", async () => {
      // Against the whole graph this is `Expected value of type "PersonFilter"`: an internal type the partner never wrote.
      const { status, data, errors } = await graphql(`{ persons(filter: 1) { totalCount } }`, undefined, { as: partner });
      expect(status).toBe(400);
      expect(data).toBeUndefined();
      expect(errors?.map((e) => e.extensions?.code)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
      expect(errors![0].message).toContain(`Cannot query field "persons" on type "Query"`);
      expect(errors![0].message).toContain("contract");
      expect(JSON.stringify(errors)).not.toContain("PersonFilter");
    });

    it("never answers a partner's introspection from the whole graph, mixed with data or not", async () => {
      const internalTypes = ["PersonConnection", "Household", "PersonFilter", "Consent", "AccessLogEntry"];
      const mixed = {
        "__schema with a data field": `{ __schema { types { name } } trainingCourses(first: 1) { id } }`,
        "__type with a data field": `{ household: __type(name: "Household") { name fields { name } } trainingCourses(first: 1) { id } }`,
        "__schema in a fragment beside a data field": `{ ...Types employmentCenters(region: SEOUL) { id } } fragment Types on Query { __schema { types { name } } }`,
        "__type in an inline fragment beside a data field": `{ ... on Query { connection: __type(name: "PersonConnection") { name } } partnerAgencies { id } }`,
      };
      for (const [what, query] of Object.entries(mixed)) {
        const { status, data, errors } = await graphql(query, undefined, { as: partner });
        expect({ what, status, data, codes: errors?.map((e) => e.extensions?.code) }).toEqual({ what, status: 400, data: undefined, codes: ["GRAPHQL_VALIDATION_FAILED"] });
        expect(errors![0].message).toMatch(/introspect.*operation of its own/i);
        for (const name of internalTypes) expect(JSON.stringify({ data, errors })).not.toContain(name);
      }

      // Introspection alone, even through fragments, is answered from the contract; __typename beside data is harmless.
      const throughFragments = await graphql(
        `{ ...Types ... on Query { household: __type(name: "Household") { name } person: __type(name: "Person") { name } } } fragment Types on Query { __schema { types { name } } }`,
        undefined,
        { as: partner },
      );
      expect(throughFragments.errors).toBeUndefined();
      expect(throughFragments.data.household).toBeNull();
      expect(throughFragments.data.person).toEqual({ name: "Person" });
      const typeNames = throughFragments.data.__schema.types.map((t: { name: string }) => t.name);
      expect(typeNames).toContain("LearningCardRecord");
      for (const name of internalTypes) expect(typeNames).not.toContain(name);

      const typename = await graphql(`{ __typename trainingCourses(first: 1) { id } }`, undefined, { as: partner });
      expect(typename.errors).toBeUndefined();
      expect(typename.data).toEqual({ __typename: "Query", trainingCourses: [{ id: expect.any(String) }] });
    });

    it("refuses a partner's query for a field outside the contract as invalid", async () => {
      const { status, errors } = await graphql(`{ persons(first: 1) { totalCount } }`, undefined, { as: partner });
      expect(status).toBe(400);
      expect(errors?.map((e) => e.extensions?.code)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
      expect(errors![0].message).toContain(`Cannot query field "persons" on type "Query"`);
    });
  });
});
