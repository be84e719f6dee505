/**
 * Two gateway replicas sharing a real Redis (a private redis-server started for this file): a rate
 * limit that holds across them, an APQ registered on one and used on the other, a response cached
 * by one and served by the other. Then failures mid-traffic: a subgraph killed (partial answers, the
 * circuit opens, and closes again when the subgraph returns) and Redis stopped (no request lost).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { freePort, startStack, type Stack } from "../../scripts/stack";
import { SUBGRAPH_NAMES, loadSubgraph } from "../../subgraphs";
import { startSubgraph, type RunningSubgraph } from "../../subgraphs/kit/server";
import { devToken } from "../../gateway/auth/dev-token";
import { personInAllPrograms } from "../setup/population";

const PERSONS = 1000;
let redisServer: ChildProcess | null = null;
let redisPort = 0;
let stack: Stack;
let replacement: RunningSubgraph | null = null;

/** A minimal OTLP/HTTP (JSON) receiver: the spans every process exports, by service. */
interface ReceivedSpan { service: string; traceId: string; spanId: string; parentSpanId?: string; name: string }
const received: ReceivedSpan[] = [];
let collector: Server | null = null;
async function startCollector(): Promise<number> {
  collector = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      try {
        for (const rs of JSON.parse(body).resourceSpans ?? []) {
          const service = rs.resource?.attributes?.find((a: any) => a.key === "service.name")?.value?.stringValue;
          for (const ss of rs.scopeSpans ?? []) for (const span of ss.spans ?? []) received.push({ service, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId, name: span.name });
        }
      } catch {
        /* not JSON: ignore */
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => collector!.listen(0, "127.0.0.1", resolve));
  return (collector.address() as { port: number }).port;
}
const skip = !process.env.CI && !(await hasRedisServer());

async function hasRedisServer(): Promise<boolean> {
  return new Promise((resolve) => spawn("redis-server", ["--version"]).on("error", () => resolve(false)).on("exit", (code) => resolve(code === 0)));
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const client = new Redis(port, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  for (let i = 0; i < 50; i++) {
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`redis-server did not start on port ${port}`);
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

/** A sample of a replica's /metrics (on its operations port). */
const metric = async (gatewayUrl: string, line: RegExp) => {
  const text = await (await fetch(`${stack.operationsUrls[stack.gatewayUrls.indexOf(gatewayUrl)]}/metrics`)).text();
  return Number(line.exec(text)?.[1] ?? NaN);
};

describe.skipIf(skip)("two gateway replicas sharing Redis", () => {
  let a: string;
  let b: string;
  const own = personInAllPrograms(PERSONS);

  beforeAll(async () => {
    redisPort = await freePort();
    redisServer = await startRedis(redisPort);
    const collectorPort = await startCollector();
    const ports = Object.fromEntries(await Promise.all(["gateway", ...SUBGRAPH_NAMES].map(async (n) => [n, await freePort()])));
    stack = await startStack({
      persons: PERSONS,
      ports,
      storePort: await freePort(),
      gatewayReplicas: 2,
      output: "quiet",
      env: {
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        RATE_LIMIT_CITIZEN: "6",
        RATE_LIMIT_COUNSELLOR: "100000",
        RATE_LIMIT_ANONYMOUS: "100000",
        SUBGRAPH_BREAKER_THRESHOLD: "3",
        SUBGRAPH_BREAKER_HALF_OPEN_MS: "1500",
        SUBGRAPH_TIMEOUT_MS: "2000",
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}`,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
        OTEL_BSP_SCHEDULE_DELAY: "200",
      },
    });
    [a, b] = stack.gatewayUrls;
  }, 240_000);

  afterAll(async () => {
    await replacement?.stop();
    await stack?.stop();
    redisServer?.kill("SIGKILL");
    collector?.close();
  });

  it("traces one request across the gateway and the subgraphs it called (OpenTelemetry)", async () => {
    const counsellor = { authorization: `Bearer ${await devToken({ role: "counsellor", sub: "counsellor-replicas", centers: [own.p.centerId] })}` };
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const { body } = await post(a, { query: `query Traced($id: ID!) { person(id: $id) { name learningCard { card { id } } } }`, variables: { id: own.p.id } }, {
      ...counsellor,
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    });
    expect(body.errors).toBeUndefined();
    // The gateway's server span ends after the answer is sent, so it may come in a later export batch.
    const serverSpan = () => received.find((s) => s.traceId === traceId && s.service === "naeil-gateway" && s.parentSpanId === "00f067aa0ba902b7");
    let services: string[] = [];
    for (let i = 0; i < 50; i++) {
      services = [...new Set(received.filter((s) => s.traceId === traceId).map((s) => s.service))].sort();
      if (services.length >= 3 && serverSpan()) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(services).toEqual(["naeil-gateway", "naeil-learning-card", "naeil-people"]);
    const spans = received.filter((s) => s.traceId === traceId);
    const gatewayServer = serverSpan();
    expect(gatewayServer?.name).toBe("POST /graphql");
    expect(spans.some((s) => s.service === "naeil-gateway" && /plan|fetch|execution|request/i.test(s.name) && s.spanId !== gatewayServer!.spanId)).toBe(true);
    // Each subgraph's server span is the child of a gateway span.
    const gatewaySpanIds = new Set(spans.filter((s) => s.service === "naeil-gateway").map((s) => s.spanId));
    for (const service of ["naeil-people", "naeil-learning-card"]) {
      expect(spans.some((s) => s.service === service && s.parentSpanId && gatewaySpanIds.has(s.parentSpanId))).toBe(true);
    }
  });

  it("holds one rate limit across both replicas", async () => {
    const citizen = { authorization: `Bearer ${await devToken({ role: "citizen", sub: own.p.id })}` };
    const remaining: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { status, headers } = await post(i % 2 ? b : a, { query: "{ me { id } }" }, citizen);
      expect(status).toBe(200);
      expect(headers.get("ratelimit-limit")).toBe("6");
      remaining.push(headers.get("ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["5", "4", "3", "2", "1", "0"]);
    for (const url of [a, b]) {
      const refused = await post(url, { query: "{ me { id } }" }, citizen);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.body.errors.map((e: any) => e.extensions.code)).toEqual(["RATE_LIMITED"]);
    }
  });

  it("uses on one replica an automatic persisted query registered on the other", async () => {
    const query = `{ employmentCenters(region: JEJU) { id name } }`;
    const persistedQuery = { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") };
    const unknown = await post(b, { extensions: { persistedQuery } });
    expect(unknown.body.errors.map((e: any) => e.extensions.code)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
    const registered = await post(a, { query, extensions: { persistedQuery } });
    expect(registered.body.data.employmentCenters).toHaveLength(1);
    const used = await post(b, { extensions: { persistedQuery } });
    expect(used.body).toEqual(registered.body);
  });

  it("serves on one replica a public answer the other cached, and a caller's own personal answer", async () => {
    const query = { query: `{ trainingCourses(first: 4, filter: { keyIndustry: true }) { id title tuition } }` };
    const hitsBefore = await metric(b, /naeil_response_cache_total\{data="public",result="hit"\} (\d+)/);
    const filled = await post(a, query);
    expect(filled.headers.get("age")).toBeNull();
    const served = await post(b, query);
    expect(served.body).toEqual(filled.body);
    expect(served.headers.get("age")).not.toBeNull();
    expect(await metric(b, /naeil_response_cache_total\{data="public",result="hit"\} (\d+)/)).toBe((Number.isNaN(hitsBefore) ? 0 : hitsBefore) + 1);
    // A person's data is shared by the replicas for the same caller only.
    const personQuery = { query: `query($id: ID!) { person(id: $id) { name } }`, variables: { id: own.p.id } };
    const counsellor = { authorization: `Bearer ${await devToken({ role: "counsellor", sub: "replicas-a", centers: [own.p.centerId] })}` };
    const colleague = { authorization: `Bearer ${await devToken({ role: "counsellor", sub: "replicas-b", centers: [own.p.centerId] })}` };
    const read = await post(a, personQuery, counsellor);
    expect(read.headers.get("age")).toBeNull();
    const reused = await post(b, personQuery, counsellor);
    expect(reused.body).toEqual(read.body);
    expect(reused.headers.get("age")).not.toBeNull();
    const notShared = await post(b, personQuery, colleague);
    expect(notShared.body).toEqual(read.body);
    expect(notShared.headers.get("age")).toBeNull();
  });

  it("answers partially while a subgraph is killed mid-traffic, opens its circuit, and recovers when it returns", async () => {
    const counsellor = { authorization: `Bearer ${await devToken({ role: "counsellor", sub: "counsellor-replicas", centers: [own.p.centerId] })}` };
    // Every request distinct (an undeclared variable of its own), so none is answered from the personal cache.
    let attempt = 0;
    const next = () => ({ query: `query($id: ID!) { person(id: $id) { name learningCard { card { id } } nationalEmploymentSupport { totalAllowancePaid } } }`, variables: { id: own.p.id, attempt: attempt++ } });
    const ok = await post(a, next(), counsellor);
    expect(ok.body.errors).toBeUndefined();

    process.kill(stack.pids["learning-card"], "SIGKILL");
    const reasons: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { status, body } = await post(i % 2 ? b : a, next(), counsellor);
      expect(status).toBe(200);
      expect(body.data.person.name).toBe(own.p.name);
      expect(body.data.person.nationalEmploymentSupport).toEqual(ok.body.data.person.nationalEmploymentSupport);
      expect(body.data.person.learningCard).toBeNull();
      expect(body.errors.map((e: any) => [e.extensions.code, e.path])).toEqual([["SUBGRAPH_UNAVAILABLE", ["person", "learningCard"]]]);
      reasons.push(body.errors[0].extensions.reason);
    }
    expect(reasons).toContain("circuit_open");
    expect(await metric(a, /naeil_subgraph_circuit_state\{subgraph="learning-card"\} (\d+)/)).toBe(2);

    const port = Number(new URL(stack.subgraphUrls["learning-card"]).port);
    replacement = await startSubgraph(await loadSubgraph("learning-card"), { databaseUrl: stack.databaseUrl, port, seedPersons: 0, log: () => {} });
    let recovered = false;
    for (let i = 0; i < 40 && !recovered; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const { body } = await post(a, next(), counsellor);
      recovered = !body.errors && body.data.person.learningCard?.card?.id === own.lc.card!.id;
    }
    expect(recovered).toBe(true);
    expect(await metric(a, /naeil_subgraph_circuit_state\{subgraph="learning-card"\} (\d+)/)).toBe(0);
  });

  it("loses no request when Redis stops mid-traffic", async () => {
    const counsellor = { authorization: `Bearer ${await devToken({ role: "counsellor", sub: "counsellor-replicas", centers: [own.p.centerId] })}` };
    const queries = [
      { body: { query: `{ employmentCenters(region: BUSAN) { id } }` }, headers: {} },
      { body: { query: `query($id: ID!) { person(id: $id) { name } }`, variables: { id: own.p.id } }, headers: counsellor },
    ];
    const results: { status: number; errors?: unknown }[] = [];
    for (let i = 0; i < 30; i++) {
      if (i === 10) redisServer!.kill("SIGKILL");
      const q = queries[i % 2];
      const { status, body } = await post(i % 3 ? a : b, q.body, q.headers);
      results.push({ status, errors: body.errors });
      if (status === 200 && !body.errors) expect(body.data).toBeTruthy();
    }
    expect(results.filter((r) => r.status !== 200 || r.errors)).toEqual([]);
    const ready = await (await fetch(a.replace(/\/graphql$/, "/ready"))).json();
    expect(ready.sharedState).toContain("unreachable");
  });
});
