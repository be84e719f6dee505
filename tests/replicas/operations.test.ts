/**
 * The gateway's production behaviour that needs processes of its own: real gateway processes
 * (`node --import tsx gateway/main.ts`, as deployed) in front of a real learning-card subgraph
 * process (its own embedded store, NAEIL_DEBUG_STATEMENTS=1) and of small HTTP servers standing in
 * for a subgraph where a failure must be staged. It shows:
 *   - de-duplication: identical in-flight anonymous fetches reach the subgraph once (its statement
 *     log and a counting proxy say so); a counsellor's identical requests each reach it;
 *   - per-subgraph resilience: a hanging subgraph is cut at SUBGRAPH_TIMEOUT_MS (SUBGRAPH_UNAVAILABLE,
 *     reason "timeout"), once (a timeout is not retried); a query whose first attempt failed is
 *     retried and answered; a failing query gets its documented 2 attempts, a mutation exactly one;
 *   - supergraph hot reload: a changed SUPERGRAPH_PATH is served without dropping requests sent
 *     during the reload; a half-written file is refused, logged, and the current schema serves on;
 *   - graceful shutdown: on SIGTERM a slow in-flight request completes with its data, new
 *     connections are refused, and the process exits 0 within its deadline.
 * No Redis: each gateway keeps its state in memory (one replica each).
 */
import type { ChildProcess } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { connect, type Socket } from "node:net";
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, exitOf, freePort, spawnTsx, stopChild, waitUntilHttpOk, type Exit } from "../../scripts/child-process";
import { SUBGRAPH_NAMES } from "../../subgraphs";
import { envPrefix } from "../../subgraphs/kit/subgraph";
import { startEmbeddedStore, type EmbeddedStore } from "../../platform/embedded-store";
import { AUDIENCES } from "../../platform/security/caller";
import { devToken } from "../../gateway/auth/dev-token";

const SUPERGRAPH = join(ROOT, "schema/supergraph.graphql");
/** The gateway's per-attempt timeout in the resilience gateway. */
const TIMEOUT_MS = 400;
/** What README "Production gateway" promises for queries: 2 attempts (mutations: 1). */
const QUERY_ATTEMPTS = 2;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Processes

interface Part {
  name: string;
  child: ChildProcess;
  port: number;
  output(): string;
  exited: Promise<Exit>;
}

/** The test runner's environment without anything that would point a child at shared state. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ["DATABASE_URL", "ACCESS_DATABASE_URL", "REDIS_URL", "REDIS_KEY_PREFIX", "OTEL_EXPORTER_OTLP_ENDPOINT", "SUPERGRAPH_PATH", "NAEIL_SECURITY"]) delete env[key];
  return { ...env, APOLLO_TELEMETRY_DISABLED: "1" };
}

function startPart(name: string, args: string[], port: number, env: Record<string, string>): Part {
  const child = spawnTsx(args, { env: { ...baseEnv(), ...env } });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream!.setEncoding("utf8");
    stream!.on("data", (chunk: string) => (output += chunk));
  }
  return { name, child, port, output: () => output, exited: exitOf(child) };
}

const waitUntilUp = (part: Part, path: string, timeoutMs = 180_000) =>
  waitUntilHttpOk(`http://127.0.0.1:${part.port}${path}`, part.child, { what: part.name, timeoutMs, detail: () => `:\n${part.output().slice(-2000)}` });

const stopPart = async (part: Part | undefined) => part && stopChild(part.child);

// ---------------------------------------------------------------------------------------------
// Stand-ins for a subgraph: a scripted HTTP server, counting every GraphQL request it receives

type Behaviour = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

interface StandIn {
  url: string;
  /** Bodies of the POST /graphql requests received, in order. */
  hits: string[];
  behave: Behaviour;
  close(): Promise<void>;
}

const unavailable: Behaviour = (_req, res) => void res.writeHead(503, { "content-type": "text/plain" }).end("upstream briefly down");
const json = (res: ServerResponse, body: unknown) => void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));

async function standIn(): Promise<StandIn> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      if (req.method !== "POST") return void res.writeHead(404).end();
      self.hits.push(body);
      void Promise.resolve(self.behave(req, res, body)).catch((error) => res.writeHead(500).end(String(error)));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const self: StandIn = {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`,
    hits: [],
    behave: unavailable,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return self;
}

/** Forwards to a real subgraph once `hold()` resolves, headers (the internal token) and answer unchanged. */
function forwardTo(target: string, hold: () => Promise<void>): Behaviour {
  return async (req, res, body) => {
    await hold();
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === "string" && !["host", "content-length", "connection", "accept-encoding"].includes(key)) headers[key] = value;
    }
    const answer = await fetch(target, { method: "POST", headers, body });
    const text = await answer.text();
    const cacheControl = answer.headers.get("cache-control");
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json", ...(cacheControl ? { "cache-control": cacheControl } : {}) }).end(text);
  };
}

// ---------------------------------------------------------------------------------------------
// Talking to a gateway

async function post(port: number, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] } };
}

const bearer = async (claims: Record<string, unknown>) => ({ authorization: `Bearer ${await devToken(claims)}` });

/** Statements the real learning-card subgraph ran since the last reset, on its course catalogue. */
async function courseStatements(): Promise<number> {
  const statements = (await (await fetch(`http://127.0.0.1:${learningCard.port}/debug/statements`)).json()) as { tables: string[] }[];
  return statements.filter((s) => s.tables.includes("learning_card.courses")).length;
}
const resetStatements = async () => void (await fetch(`http://127.0.0.1:${learningCard.port}/debug/statements`, { method: "DELETE" }));

/** Can a new TCP connection be opened to the port? */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** A gate the test opens when it has seen what it waits for: requests held at a stand-in wait for it. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Polls `condition` until it holds (at most `timeoutMs`): what a test waits for instead of sleeping. */
async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`still waiting, after ${timeoutMs} ms, for ${what}`);
    await sleep(20);
  }
}

/** A counter of a gateway's /metrics, on its operations port (0 when it has no sample yet). */
async function metric(port: number, line: RegExp): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(line.exec(text)?.[1] ?? 0);
}
const SHARED_LEARNING_CARD_FETCHES = /naeil_subgraph_fetches_shared_total\{subgraph="learning-card"\} (\d+)/;

const courseIds = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `TC-${String(i + 1).padStart(4, "0")}` }));
const TRAINING_COURSES_DESCRIPTION = "Training courses payable with the Tomorrow Learning Card, in id order (at most 200).";

// ---------------------------------------------------------------------------------------------

let store: EmbeddedStore | undefined;
let learningCard: Part;
/** Default resilience, learning-card behind a delaying proxy: de-duplication, then graceful shutdown. */
let drained: Part;
/** The drained gateway's operations port (its /metrics). */
let drainedOperations: number;
/** SUBGRAPH_TIMEOUT_MS small, learning-card and people replaced by stand-ins: timeouts and retries. */
let resilient: Part;
/** SUPERGRAPH_PATH in a temporary folder: hot reload. */
let reloading: Part;
let proxy: StandIn;
let fakeLearningCard: StandIn;
let fakePeople: StandIn;
/** Requests reaching the proxy wait for this gate (open: they pass straight through). */
let proxyGate = Promise.resolve();
let folder = "";
let supergraphCopy = "";

function gatewayEnv(port: number, urls: Partial<Record<(typeof SUBGRAPH_NAMES)[number], string>>, deadUrl: string, extra: Record<string, string> = {}) {
  const env: Record<string, string> = {
    GATEWAY_PORT: String(port),
    LOG_LEVEL: "info",
    PERSONAL_CACHE_SECONDS: "0",
    // These tests send many requests a minute as one client; the limits have their own tests.
    ...Object.fromEntries(AUDIENCES.map((a) => [`RATE_LIMIT_${a.toUpperCase()}`, "1000000"])),
  };
  for (const name of SUBGRAPH_NAMES) env[`${envPrefix(name)}_URL`] = urls[name] ?? deadUrl;
  return { ...env, ...extra };
}

beforeAll(async () => {
  const [storePort, lcPort, deadPort, drainedPort, resilientPort, reloadingPort, drainedOperationsPort] = await Promise.all(Array.from({ length: 7 }, () => freePort()));
  drainedOperations = drainedOperationsPort;
  const deadUrl = `http://127.0.0.1:${deadPort}/graphql`; // nothing listens there
  store = await startEmbeddedStore({ port: storePort });
  learningCard = startPart("learning-card", ["scripts/start-subgraph.ts", "learning-card"], lcPort, {
    DATABASE_URL: store.url,
    LEARNING_CARD_PORT: String(lcPort),
    SEED_PERSONS: "20",
    NAEIL_DEBUG_STATEMENTS: "1",
    LOG_LEVEL: "warn",
  });
  const lcUrl = `http://127.0.0.1:${lcPort}/graphql`;
  [proxy, fakeLearningCard, fakePeople] = await Promise.all([standIn(), standIn(), standIn()]);
  proxy.behave = forwardTo(lcUrl, () => proxyGate);

  folder = mkdtempSync(join(tmpdir(), "naeil-supergraph-"));
  supergraphCopy = join(folder, "supergraph.graphql");
  copyFileSync(SUPERGRAPH, supergraphCopy);

  // The gateways need no subgraph to start (the supergraph is static): start them alongside.
  drained = startPart("gateway-drained", ["gateway/main.ts"], drainedPort, gatewayEnv(drainedPort, { "learning-card": proxy.url }, deadUrl, { OPERATIONS_PORT: String(drainedOperationsPort) }));
  resilient = startPart("gateway-resilient", ["gateway/main.ts"], resilientPort, gatewayEnv(resilientPort, { "learning-card": fakeLearningCard.url, people: fakePeople.url }, deadUrl, {
    SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS),
    // One failure per attempt would open the circuit over these few requests: keep it out of the way.
    SUBGRAPH_BREAKER_THRESHOLD: "1000",
  }));
  reloading = startPart("gateway-reloading", ["gateway/main.ts"], reloadingPort, gatewayEnv(reloadingPort, { "learning-card": lcUrl }, deadUrl, { SUPERGRAPH_PATH: supergraphCopy }));
  await Promise.all([waitUntilUp(learningCard, "/ready"), ...[drained, resilient, reloading].map((g) => waitUntilUp(g, "/health"))]);
}, 240_000);

afterAll(async () => {
  await Promise.all([drained, resilient, reloading, learningCard].map((part) => stopPart(part)));
  await Promise.all([proxy, fakeLearningCard, fakePeople].map((s) => s?.close()));
  await store?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("de-duplication of identical in-flight fetches", () => {
  const query = "query DedupProbe($first: Int) { trainingCourses(first: $first) { id } }";

  it("sends identical concurrent anonymous requests to the subgraph once, and every caller gets the answer", async () => {
    await resetStatements();
    proxy.hits.length = 0;
    const shared = await metric(drainedOperations, SHARED_LEARNING_CARD_FETCHES);
    const held = gate();
    proxyGate = held.opened; // the first fetch waits at the proxy until every request has joined it
    const pending = Promise.all(Array.from({ length: 8 }, () => post(drained.port, query, { first: 7 })));
    await until(async () => proxy.hits.length === 1 && (await metric(drainedOperations, SHARED_LEARNING_CARD_FETCHES)) === shared + 7, "one fetch at the subgraph and 7 requests joined to it");
    held.open();
    proxyGate = Promise.resolve();
    const answers = await pending;
    for (const { status, body, headers } of answers) {
      expect(status).toBe(200);
      expect(body).toEqual({ data: { trainingCourses: courseIds(7) } });
      // The subgraph's cache hint reaches every request served the shared answer, not only the first.
      expect(headers.get("cache-control")).toBe("max-age=300, public");
    }
    expect(proxy.hits).toHaveLength(1);
    expect(await courseStatements()).toBe(1);
  });

  it("does not share a counsellor's identical requests: each reaches the subgraph", async () => {
    await resetStatements();
    proxy.hits.length = 0;
    const shared = await metric(drainedOperations, SHARED_LEARNING_CARD_FETCHES);
    const held = gate();
    proxyGate = held.opened; // held until all five are at the subgraph at once
    const counsellor = await bearer({ role: "counsellor", sub: "ops-dedup", centers: ["seoul-gwanak"] });
    // The same subgraph operation and variables as the anonymous requests above; only the caller differs.
    const pending = Promise.all(Array.from({ length: 5 }, () => post(drained.port, query, { first: 6 }, counsellor)));
    await until(() => proxy.hits.length === 5, "all five requests at the subgraph");
    held.open();
    proxyGate = Promise.resolve();
    const answers = await pending;
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect(body).toEqual({ data: { trainingCourses: courseIds(6) } });
    }
    expect(proxy.hits).toHaveLength(5);
    expect(await courseStatements()).toBe(5);
    expect(await metric(drainedOperations, SHARED_LEARNING_CARD_FETCHES)).toBe(shared);
  });
});

describe("per-subgraph timeout and retries", () => {
  it(`cuts a hanging subgraph at SUBGRAPH_TIMEOUT_MS and answers its field null with reason "timeout"`, async () => {
    fakeLearningCard.hits.length = 0;
    fakeLearningCard.behave = () => {}; // never answers
    const started = performance.now();
    const { status, body } = await post(resilient.port, `query HangProbe { trainingCourse(id: "TC-0001") { id title } }`);
    const ms = performance.now() - started;
    expect(status).toBe(200);
    expect(body.data).toEqual({ trainingCourse: null });
    expect(body.errors).toEqual([
      {
        message: "The learning-card service is unavailable (timeout), so its fields are null; the rest of the answer is complete. Retry in a few seconds.",
        path: ["trainingCourse"],
        extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "learning-card", reason: "timeout" }),
      },
    ]);
    // A timeout is not retried (it is as often the request's size as the subgraph's health): one attempt.
    expect(fakeLearningCard.hits).toHaveLength(1);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(ms).toBeLessThan(TIMEOUT_MS + 3_000);
  });

  it("retries a query whose first attempt failed, and answers it", async () => {
    fakeLearningCard.hits.length = 0;
    fakeLearningCard.behave = (req, res, body) => {
      if (fakeLearningCard.hits.length === 1) return unavailable(req, res, body);
      json(res, { data: { trainingCourse: { id: "TC-0042", title: "Answered on the second attempt" } } });
    };
    const { status, body } = await post(resilient.port, `query RetryProbe { trainingCourse(id: "TC-0042") { id title } }`);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { trainingCourse: { id: "TC-0042", title: "Answered on the second attempt" } } });
    expect(fakeLearningCard.hits).toHaveLength(2);
    expect(JSON.parse(fakeLearningCard.hits[1]).query).toBe(JSON.parse(fakeLearningCard.hits[0]).query);
  });

  it("gives a failing query its attempts and a failing mutation exactly one", async () => {
    fakePeople.hits.length = 0;
    fakePeople.behave = unavailable;
    const unreachable = (field: string) => ({
      message: "The people service is unavailable (unreachable), so its fields are null; the rest of the answer is complete. Retry in a few seconds.",
      path: [field],
      extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "people", reason: "unreachable" }),
    });

    const read = await post(resilient.port, `query AgenciesProbe { partnerAgencies { id } }`);
    expect(read.status).toBe(200);
    expect(read.body.errors).toEqual([unreachable("partnerAgencies")]);
    expect(fakePeople.hits).toHaveLength(QUERY_ATTEMPTS);

    fakePeople.hits.length = 0;
    const citizen = await bearer({ role: "citizen", sub: "P00000001" });
    const write = await post(resilient.port, `mutation RevokeProbe { revokeConsent(id: "C-000001") { id } }`, undefined, citizen);
    expect(write.status).toBe(200);
    expect(write.body.data).toBeNull();
    expect(write.body.errors).toEqual([unreachable("revokeConsent")]);
    expect(fakePeople.hits).toHaveLength(1);
    expect(JSON.parse(fakePeople.hits[0]).query).toMatch(/^mutation\b/);
  });
});

describe("supergraph hot reload", () => {
  const introspect = `{ __type(name: "Query") { fields { name description } } }`;
  const description = async () => {
    const { body } = await post(reloading.port, introspect);
    return body.data.__type.fields.find((f: { name: string }) => f.name === "trainingCourses").description as string;
  };

  it("serves a changed supergraph without dropping requests sent during the reload, and refuses a half-written one", async () => {
    const original = readFileSync(SUPERGRAPH, "utf8");
    expect(original.split(TRAINING_COURSES_DESCRIPTION)).toHaveLength(2);
    const changedDescription = `${TRAINING_COURSES_DESCRIPTION} Reloaded ${Date.now()}.`;
    const changed = original.replace(TRAINING_COURSES_DESCRIPTION, changedDescription);
    expect(await description()).toBe(TRAINING_COURSES_DESCRIPTION);

    // Traffic from before the file changes until after the new schema is served: every request answered.
    const failures: unknown[] = [];
    let sent = 0;
    let traffic = true;
    const client = async (offset: number) => {
      while (traffic) {
        const first = 1 + ((sent++ * 7 + offset) % 200);
        try {
          const { status, body } = await post(reloading.port, "query ReloadTraffic($first: Int) { trainingCourses(first: $first) { id } }", { first });
          if (status !== 200 || body.errors || body.data?.trainingCourses?.length !== first) failures.push({ status, body });
        } catch (error) {
          failures.push(String(error));
        }
      }
    };
    const clients = [0, 1, 2].map(client);
    await until(() => sent > 6, "traffic before the reload");
    const write = (text: string) => {
      // Replaced the way a deployment replaces it: written aside, then renamed over the watched path.
      writeFileSync(`${supergraphCopy}.next`, text);
      renameSync(`${supergraphCopy}.next`, supergraphCopy);
    };
    write(changed);
    let seen = "";
    for (let i = 0; i < 60 && seen !== changedDescription; i++) {
      await sleep(200);
      seen = await description();
    }
    expect(seen).toBe(changedDescription);
    const sentBeforeReload = sent;
    await until(() => sent > sentBeforeReload + 6, "traffic after the reload");
    traffic = false;
    await Promise.all(clients);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(sentBeforeReload);
    expect(sent).toBeGreaterThan(10);

    // A half-written file: refused and logged; the reloaded schema keeps serving.
    write(changed.slice(0, Math.floor(changed.length / 2)));
    let logged = false;
    for (let i = 0; i < 60 && !logged; i++) {
      await sleep(200);
      // Each request adds a log line, which also pushes pino's buffered writes out.
      const { body } = await post(reloading.port, "query AfterBadFile($first: Int) { trainingCourses(first: $first) { id } }", { first: 1 + (i % 200) });
      expect(body).toEqual({ data: { trainingCourses: courseIds(1 + (i % 200)) } });
      logged = /supergraph \S+ rejected \(.+\); keeping the current one/.test(reloading.output());
    }
    expect(logged).toBe(true);
    expect(await description()).toBe(changedDescription);
    expect(reloading.output().match(/supergraph reloaded from \S+/g)).toHaveLength(1);
  });
});

// Last: it stops the gateway the de-duplication tests used.
describe("graceful shutdown", () => {
  it("on SIGTERM completes the in-flight request with its data, refuses new connections, and exits 0 within its deadline", async () => {
    proxy.hits.length = 0;
    const held = gate();
    proxyGate = held.opened; // a slow subgraph: it answers when the test opens the gate
    const inFlight = post(drained.port, "query SlowOne($first: Int) { trainingCourses(first: $first) { id } }", { first: 3 });
    await until(() => proxy.hits.length === 1, "the request at the subgraph");

    drained.child.kill("SIGTERM");
    let answered = false;
    let exited = false;
    const answer = inFlight.then((result) => ((answered = true), result));
    void drained.exited.then(() => (exited = true));
    await until(async () => !(await accepts(drained.port)), "new connections refused after SIGTERM");
    // Refused while the slow request is still held at the subgraph, and the process waits for it.
    expect({ answered, exited }).toEqual({ answered: false, exited: false });

    held.open();
    proxyGate = Promise.resolve();
    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(body).toEqual({ data: { trainingCourses: courseIds(3) } });
    // Exit 0: drained in time (past its deadline exitGracefully exits 1).
    expect(await drained.exited).toEqual({ code: 0, signal: null });
    expect(await accepts(drained.port)).toBe(false);
  });
});
