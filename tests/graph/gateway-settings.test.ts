/**
 * What the gateway does under settings of its own, each on a gateway started for the test over the
 * suite's subgraphs (and its Redis, under a key prefix of the test's own):
 *   - /ready: `ready`, `degraded` while some subgraph is away, 503 `unavailable` when none answers;
 *   - PERSONAL_CACHE_SECONDS=0: a person's data still goes out with Cache-Control: no-store;
 *   - refused credentials sent over HTTP are counted in Redis against the client's anonymous budget,
 *     until RATE_LIMITED;
 *   - TRUST_PROXY: X-Forwarded-For gives the client address (the rate-limit key, the access log's
 *     clientAddress) only when it comes from a trusted proxy;
 *   - the personal cache's entries in Redis are sealed: no person data readable there, and an
 *     altered entry is never served.
 */
import { afterAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { Redis } from "ioredis";
import { startGateway, type RunningGateway } from "../../gateway/server";
import { gatewayConfigFromEnv } from "../../gateway/config";
import { freePort } from "../../scripts/stack";
import { dropKeys } from "../../scripts/redis-run";
import { SUBGRAPH_NAMES } from "../../subgraphs";
import { graphql, skipReason, type As } from "../setup/graphql";
import { personInAllPrograms } from "../setup/population";

const run = `${process.pid}-${Date.now().toString(36)}`;
const started: RunningGateway[] = [];
const prefixes: string[] = [];
let redis: Redis | null = null;

/**
 * A gateway of the test's own: `env` as the process environment would give it (the gateway reads
 * TRUST_PROXY and the RATE_LIMIT_* budgets from there while it starts), over the suite's subgraphs
 * unless `subgraphUrls` says otherwise.
 */
async function ownGateway(env: Record<string, string>, subgraphUrls: Record<string, string> = inject("subgraphUrls")): Promise<RunningGateway> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    const accessDatabaseUrl = inject("accessDatabaseUrl") || inject("databaseUrl");
    const gateway = await startGateway({ ...gatewayConfigFromEnv([], { ACCESS_DATABASE_URL: accessDatabaseUrl, ...env }), port: await freePort(), subgraphUrls });
    started.push(gateway);
    return gateway;
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** A Redis key prefix of one test's own, dropped at the end. */
function ownPrefix(name: string): string {
  const prefix = `naeil-test-settings-${run}-${name}:`;
  prefixes.push(prefix);
  return prefix;
}

const sharedRedis = () => (redis ??= new Redis(inject("redisUrl")));
async function keys(pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await sharedRedis().scan(cursor, "MATCH", pattern, "COUNT", 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== "0");
  return found.sort();
}

async function ready(gateway: RunningGateway): Promise<{ status: number; body: any }> {
  const response = await fetch(gateway.url.replace(/\/graphql$/, "/ready"));
  return { status: response.status, body: await response.json() };
}

/**
 * A gateway counts in its own memory until its Redis connection is up (then in Redis): wait for
 * that, as its /ready reports it, before counting on Redis.
 */
async function withRedis(gateway: RunningGateway): Promise<RunningGateway> {
  for (let i = 0; i < 600; i++) {
    if ((await ready(gateway)).body.sharedState === "redis") return gateway;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the gateway's Redis connection did not come up within a minute");
}

afterAll(async () => {
  for (const gateway of started) await gateway.stop();
  if (inject("redisUrl")) for (const prefix of prefixes) await dropKeys(inject("redisUrl"), prefix);
  redis?.disconnect();
});

describe.skipIf(skipReason())("gateway settings", () => {
  const own = () => personInAllPrograms(inject("testPersons")).p;
  const counsellorOf = (name: string): As => ({ role: "counsellor", sub: `settings-${run}-${name}`, centers: [own().centerId] });
  const personQuery = `query SettingsCase($id: ID!) { person(id: $id) { id name learningCard { card { id } } } }`;

  it("reports /ready as ready, degraded while a subgraph is away, and unavailable (503) when none answers", async () => {
    const deadUrl = `http://127.0.0.1:${await freePort()}/graphql`; // nothing listens there
    const allReady = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, "ready"]));
    const whole = await ownGateway({ PERSONAL_CACHE_SECONDS: "0" });
    expect(await ready(whole)).toEqual({ status: 200, body: { status: "ready", subgraphs: allReady, sharedState: "in memory (no REDIS_URL)" } });

    const withoutLearningCard = await ownGateway({ PERSONAL_CACHE_SECONDS: "0" }, { ...inject("subgraphUrls"), "learning-card": deadUrl });
    expect(await ready(withoutLearningCard)).toEqual({
      status: 200,
      body: { status: "degraded", subgraphs: { ...allReady, "learning-card": "unreachable" }, sharedState: "in memory (no REDIS_URL)" },
    });
    // Degraded, and serving: the rest of a person's data, with the missing program located.
    const partial = await graphql(personQuery, { id: own().id }, { url: withoutLearningCard.url, as: counsellorOf("degraded") });
    expect(partial.data.person).toEqual({ id: own().id, name: own().name, learningCard: null });
    expect(partial.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([["SUBGRAPH_UNAVAILABLE", ["person", "learningCard"]]]);

    const alone = await ownGateway({ PERSONAL_CACHE_SECONDS: "0" }, Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, deadUrl])));
    expect(await ready(alone)).toEqual({
      status: 503,
      body: { status: "unavailable", subgraphs: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, "unreachable"])), sharedState: "in memory (no REDIS_URL)" },
    });
  });

  it("sends a person's data with Cache-Control: no-store also when the personal cache is off (PERSONAL_CACHE_SECONDS=0)", async () => {
    const gateway = await ownGateway({ PERSONAL_CACHE_SECONDS: "0" });
    const as = counsellorOf("no-cache");
    for (let i = 0; i < 2; i++) {
      const answer = await graphql(personQuery, { id: own().id }, { url: gateway.url, as });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.person.name).toBe(own().name);
      expect(answer.headers.get("cache-control")).toBe("no-store");
      expect(answer.headers.get("age")).toBeNull(); // nothing reused
    }
    // Public data keeps its public hint.
    const open = await graphql(`{ employmentCenters(region: JEJU) { id } }`, undefined, { url: gateway.url, as: "anonymous" });
    expect(open.data).toEqual({ employmentCenters: [{ id: "jeju" }] });
    expect(open.headers.get("cache-control")).toBe("max-age=300, public");
  });

  describe.skipIf(!inject("redisUrl"))("with Redis", () => {
    const badToken = { authorization: "Bearer not-a-jwt" };
    const send = (gateway: RunningGateway, headers: Record<string, string>) =>
      fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: "{ __typename }" }) }).then(async (response) => ({
        status: response.status,
        retryAfter: response.headers.get("retry-after"),
        codes: ((await response.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.map((e) => e.extensions?.code),
      }));

    it("counts bad tokens sent over HTTP in Redis against the client's anonymous budget, until RATE_LIMITED", async () => {
      const prefix = ownPrefix("refusals");
      const gateway = await withRedis(await ownGateway({ REDIS_URL: inject("redisUrl"), REDIS_KEY_PREFIX: prefix, RATE_LIMIT_ANONYMOUS: "3", PERSONAL_CACHE_SECONDS: "0" }));
      // The test talks to the gateway over loopback, a trusted proxy by default: X-Forwarded-For names the client.
      const client = { ...badToken, "x-forwarded-for": "198.51.100.23" };
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await send(gateway, client));
      expect(answers.map((a) => [a.status, a.codes])).toEqual([
        [401, ["UNAUTHENTICATED"]], [401, ["UNAUTHENTICATED"]], [401, ["UNAUTHENTICATED"]], [429, ["RATE_LIMITED"]], [429, ["RATE_LIMITED"]],
      ]);
      expect(Number(answers[3].retryAfter)).toBeGreaterThan(0);
      // The count is Redis's: the address's window keys (one, or two if a minute turned meanwhile) hold
      // the three refusals it let through, and nothing else was counted.
      const counted = async (address: string) => {
        let total = 0;
        for (const key of await keys(`${prefix}rl:{anonymous:${address}}:*`)) total += Number(await sharedRedis().get(key));
        return total;
      };
      expect(await counted("198.51.100.23")).toBe(3);
      // The address's budget is spent for anonymous requests too; another address has its own.
      expect(await send(gateway, { "x-forwarded-for": "198.51.100.23" })).toMatchObject({ status: 429, codes: ["RATE_LIMITED"] });
      expect(await send(gateway, { ...badToken, "x-forwarded-for": "198.51.100.24" })).toMatchObject({ status: 401, codes: ["UNAUTHENTICATED"] });
      expect(await counted("198.51.100.23")).toBe(3);
      expect(await counted("198.51.100.24")).toBe(1);
    });

    it("takes the client address from X-Forwarded-For only when the request comes through a trusted proxy (TRUST_PROXY)", async () => {
      const trusting = ownPrefix("trusting");
      const distrusting = ownPrefix("distrusting");
      // Default: loopback (where this test sends from) is trusted.
      const behindProxy = await withRedis(await ownGateway({ REDIS_URL: inject("redisUrl"), REDIS_KEY_PREFIX: trusting, PERSONAL_CACHE_SECONDS: "0" }));
      // Only 192.0.2.1 is a proxy: the test's own X-Forwarded-For is a forgery, and ignored.
      const exposed = await withRedis(await ownGateway({ REDIS_URL: inject("redisUrl"), REDIS_KEY_PREFIX: distrusting, TRUST_PROXY: "192.0.2.1", PERSONAL_CACHE_SECONDS: "0" }));
      const forwarded = { ...badToken, "x-forwarded-for": "203.0.113.77" };
      expect((await send(behindProxy, forwarded)).status).toBe(401);
      expect((await send(exposed, forwarded)).status).toBe(401);
      expect((await keys(`${trusting}rl:*`)).map((k) => k.replace(/:\d+$/, ""))).toEqual([`${trusting}rl:{anonymous:203.0.113.77}`]);
      expect((await keys(`${distrusting}rl:*`)).map((k) => k.replace(/:\d+$/, ""))).toEqual([`${distrusting}rl:{anonymous:127.0.0.1}`]);

      // The access log records the same address the rate limit counted.
      const recorded = async (gateway: RunningGateway, requestId: string) => {
        const answer = await graphql(personQuery, { id: own().id }, { url: gateway.url, as: counsellorOf("proxy"), headers: { "x-forwarded-for": "203.0.113.77", "x-request-id": requestId } });
        expect(answer.errors).toBeUndefined();
        const store = new pg.Client({ connectionString: inject("accessDatabaseUrl") || inject("databaseUrl") });
        await store.connect();
        try {
          const { rows } = await store.query<{ address: string }>("select distinct record->>'clientAddress' as address from audit.access_log where record->>'clientRequestId' = $1", [requestId]);
          return rows.map((r) => r.address);
        } finally {
          await store.end();
        }
      };
      expect(await recorded(behindProxy, `settings-${run}-trusted`)).toEqual(["203.0.113.77"]);
      expect(await recorded(exposed, `settings-${run}-forged`)).toEqual(["127.0.0.1"]);
    });

    it("seals the personal cache's entries in Redis: no person data readable there, and an altered entry is never served", async () => {
      const prefix = ownPrefix("sealed");
      const gateway = await withRedis(await ownGateway({ REDIS_URL: inject("redisUrl"), REDIS_KEY_PREFIX: prefix }));
      const as = counsellorOf("sealed");
      const first = await graphql(personQuery, { id: own().id }, { url: gateway.url, as });
      expect(first.errors).toBeUndefined();
      expect(first.data.person.name).toBe(own().name);
      const entries = (await keys(`${prefix}pc:*`)).filter((key) => key !== `${prefix}pc:generation`);
      expect(entries).toHaveLength(1);
      const sealed = (await sharedRedis().get(entries[0]))!;
      // Not JSON, no id, no name, no record id: only base64url of nonce, tag and ciphertext.
      expect(sealed).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(() => JSON.parse(sealed)).toThrow();
      const bytes = Buffer.from(sealed, "base64url").toString("latin1");
      for (const secret of [own().id, own().name, first.data.person.learningCard.card.id, Buffer.from(own().name).toString("latin1")]) {
        expect(sealed).not.toContain(secret);
        expect(bytes).not.toContain(secret);
      }
      // Intact, it is reused.
      const reused = await graphql(personQuery, { id: own().id }, { url: gateway.url, as });
      expect(reused.headers.get("age")).not.toBeNull();
      expect(reused.data).toEqual(first.data);

      // One character of the ciphertext changed in Redis: the entry fails to open and is a miss.
      const at = sealed.length - 5;
      const altered = sealed.slice(0, at) + (sealed[at] === "A" ? "B" : "A") + sealed.slice(at + 1);
      await sharedRedis().set(entries[0], altered, "KEEPTTL");
      const afterTampering = await graphql(personQuery, { id: own().id }, { url: gateway.url, as });
      expect(afterTampering.errors).toBeUndefined();
      expect(afterTampering.headers.get("age")).toBeNull();
      expect(afterTampering.data).toEqual(first.data);
      // And the subgraphs' fresh answer was sealed again in its place.
      const resealed = await sharedRedis().get(entries[0]);
      expect(resealed).not.toBe(altered);
      expect((await graphql(personQuery, { id: own().id }, { url: gateway.url, as })).headers.get("age")).not.toBeNull();
    });
  });
});
