/**
 * The personal cache (gateway/shared/personal-cache.ts), through the real gateway: a caller's own
 * answer reused within 30 s, never by another caller or a partner, never for consents or the access
 * log, every reuse recorded in the access log (and shown to the citizen), and a mutation making
 * every entry stale at once.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { graphql, resetStatements, skipReason, statementsPerTable, type As } from "../setup/graphql";
import { firstPerson, personInAllPrograms, type PersonWithRecords } from "../setup/population";
import { PERSONAL_MAX_AGE_SECONDS } from "../../platform/cache-control";

const caseQuery = `query CaseFile($id: ID!) { person(id: $id) { name learningCard { card { id balance } } nationalEmploymentSupport { enrollments { id } } eligibilitySummary { program eligible } } }`;
let own: PersonWithRecords;
let other: PersonWithRecords;
/** A caller of its own per test run and test, so that no earlier answer is in the cache. */
const run = Date.now().toString(36);
const counsellor = (name: string): As => ({ role: "counsellor", sub: `pc-${run}-${name}`, centers: [own.p.centerId] });

async function accessRecords(requestId: string): Promise<{ subgraph: string; personIds: string[]; fields: string[]; caller: string; outcome: string }[]> {
  const store = new pg.Client({ connectionString: inject("accessDatabaseUrl") || inject("databaseUrl") });
  await store.connect();
  try {
    const { rows } = await store.query<{ record: any }>("select record from audit.access_log where record->>'clientRequestId' = $1 order by record->>'subgraph'", [requestId]);
    return rows.map((r) => r.record);
  } finally {
    await store.end();
  }
}

const subgraphStatements = async () => Object.values(await statementsPerTable()).reduce((sum, tables) => sum + Object.values(tables).reduce((a, b) => a + b, 0), 0);

describe.skipIf(skipReason())("personal cache", () => {
  beforeAll(() => {
    own = personInAllPrograms(inject("testPersons"));
    other = firstPerson(inject("testPersons"), (r) => r.p.centerId === own.p.centerId && r.p.id !== own.p.id, "another person of the same center");
  });

  it("reuses a counsellor's own answer, reaching no subgraph, and records the reuse in the access log", async () => {
    const as = counsellor("reuse");
    const first = await graphql(caseQuery, { id: own.p.id }, { as, headers: { "x-request-id": `pc-fill-${run}` } });
    expect(first.errors).toBeUndefined();
    expect(first.data.person.name).toBe(own.p.name);
    expect(first.headers.get("age")).toBeNull();
    // Browsers and proxies must not keep it, whatever the gateway does.
    expect(first.headers.get("cache-control")).toBe("no-store");

    await resetStatements();
    const again = await graphql(caseQuery, { id: own.p.id }, { as, headers: { "x-request-id": `pc-hit-${run}` } });
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(Number(again.headers.get("age"))).toBeLessThanOrEqual(PERSONAL_MAX_AGE_SECONDS);
    expect(again.headers.get("cache-control")).toBe("no-store");
    expect(await subgraphStatements()).toBe(0);

    // The fill: one record per subgraph (the summary reads all four programs); the reuse: one record
    // of the gateway's cache, for the same person and the same fields.
    const filled = await accessRecords(`pc-fill-${run}`);
    expect(filled.map((r) => r.subgraph)).toEqual(["employment-support", "job-search-guarantee", "journey", "learning-card", "mid-career", "people"]);
    const reused = await accessRecords(`pc-hit-${run}`);
    expect(reused).toHaveLength(1);
    expect(reused[0]).toMatchObject({ subgraph: "gateway-cache", caller: `pc-${run}-reuse`, audience: "counsellor", outcome: "ALLOWED", personIds: [own.p.id], operationName: "CaseFile" });
    expect(reused[0].fields).toEqual([...new Set(filled.flatMap((r) => r.fields))].sort());
    expect(JSON.stringify(reused[0])).not.toContain(own.p.name);
  });

  it("keys by caller and variables: another counsellor, or another person, is a miss", async () => {
    await graphql(caseQuery, { id: own.p.id }, { as: counsellor("a") });
    const colleague = await graphql(caseQuery, { id: own.p.id }, { as: counsellor("b") });
    expect(colleague.errors).toBeUndefined();
    expect(colleague.headers.get("age")).toBeNull();
    const otherPerson = await graphql(caseQuery, { id: other.p.id }, { as: counsellor("a") });
    expect(otherPerson.headers.get("age")).toBeNull();
    expect(otherPerson.data.person.name).toBe(other.p.name);
    // While the first caller's own answer, for the same person, is reused.
    const sameAgain = await graphql(caseQuery, { id: own.p.id }, { as: counsellor("a") });
    expect(sameAgain.headers.get("age")).not.toBeNull();
    expect(sameAgain.data).toEqual(colleague.data);
  });

  it("never reuses a partner's answer: every partner access is checked against the consent", async () => {
    const citizen: As = { role: "citizen", sub: own.p.id };
    // A purpose of its own: other suites leave consents of this partner for this person active.
    const purpose = `training placement (cache test ${run})`;
    const partner: As = { role: "partner", sub: `pc-${run}-partner`, partner: "korea-polytechnics", purpose, scope: "learning-card:read" };
    const year = new Date().getFullYear() + 1;
    const granted = await graphql(
      `mutation($c: ConsentInput!) { grantConsent(consent: $c) { id } }`,
      { c: { partnerId: "korea-polytechnics", purpose, scopes: ["learning-card:read"], expiresOn: `${year}-12-31` } },
      { as: citizen },
    );
    expect(granted.errors).toBeUndefined();
    const query = `query($id: ID!) { person(id: $id) { id learningCard { card { id } } } }`;
    const first = await graphql(query, { id: own.p.id }, { as: partner });
    expect(first.errors).toBeUndefined();
    const second = await graphql(query, { id: own.p.id }, { as: partner });
    expect(second.data).toEqual(first.data);
    expect(second.headers.get("age")).toBeNull();

    await graphql(`mutation($id: ID!) { revokeConsent(id: $id) { id } }`, { id: granted.data.grantConsent.id }, { as: citizen });
    const revoked = await graphql(query, { id: own.p.id }, { as: partner });
    expect(revoked.errors?.map((e) => e.extensions?.code)).toEqual(["CONSENT_REQUIRED"]);
  });

  it("shows the citizen each reuse in their access log, and never caches the access log or consents", async () => {
    const citizen: As = { role: "citizen", sub: own.p.id };
    const as = counsellor("tracked");
    const query = `query Tracked($id: ID!) { person(id: $id) { learningCard { card { id } } } }`;
    await graphql(query, { id: own.p.id }, { as });
    const log = () => graphql(`{ me { accessLog(first: 100) { at who audience programs } consents { id } } }`, undefined, { as: citizen });
    const before = await log();
    expect(before.errors).toBeUndefined();
    const reuse = await graphql(query, { id: own.p.id }, { as });
    expect(reuse.headers.get("age")).not.toBeNull();
    const after = await log();
    expect(after.headers.get("age")).toBeNull();
    // Newest first: the reuse, then the first look at the log itself, then exactly what that first look showed.
    const [reused, firstLook, ...older] = after.data.me.accessLog;
    expect(reused).toMatchObject({ audience: "counsellor", programs: ["LEARNING_CARD"] });
    expect(firstLook).toMatchObject({ audience: "citizen", programs: [] });
    expect(older).toEqual(before.data.me.accessLog.slice(0, older.length));
    expect(older.length).toBe(Math.min(before.data.me.accessLog.length, 100 - 2));
  });

  it("makes every entry stale after a mutation, on the spot", async () => {
    const citizen: As = { role: "citizen", sub: own.p.id };
    const query = `{ me { name learningCard { card { balance } } } }`;
    await graphql(query, undefined, { as: citizen });
    expect((await graphql(query, undefined, { as: citizen })).headers.get("age")).not.toBeNull();
    const year = new Date().getFullYear() + 1;
    const granted = await graphql(
      `mutation($c: ConsentInput!) { grantConsent(consent: $c) { id } }`,
      { c: { partnerId: "seoul-50plus", purpose: "job matching", scopes: ["mid-career:read"], expiresOn: `${year}-06-30` } },
      { as: citizen },
    );
    expect(granted.errors).toBeUndefined();
    const afterMutation = await graphql(query, undefined, { as: citizen });
    expect(afterMutation.errors).toBeUndefined();
    expect(afterMutation.headers.get("age")).toBeNull();
    await graphql(`mutation($id: ID!) { revokeConsent(id: $id) { id } }`, { id: granted.data.grantConsent.id }, { as: citizen });
  });

  it("counts hits and misses of personal data apart from public data in /metrics", async () => {
    const counts = async () => {
      const metrics = await (await fetch(`${inject("operationsUrl")}/metrics`)).text();
      const count = (data: string, result: string) => Number(new RegExp(`naeil_response_cache_total\\{data="${data}",result="${result}"\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
      return { personalHit: count("personal", "hit"), personalMiss: count("personal", "miss"), publicHit: count("public", "hit") };
    };
    const before = await counts();
    const as = counsellor("metrics");
    expect((await graphql(caseQuery, { id: own.p.id }, { as })).headers.get("age")).toBeNull();
    expect((await graphql(caseQuery, { id: own.p.id }, { as })).headers.get("age")).not.toBeNull();
    expect(await counts()).toEqual({ personalHit: before.personalHit + 1, personalMiss: before.personalMiss + 1, publicHit: before.publicHit });
  });
});
