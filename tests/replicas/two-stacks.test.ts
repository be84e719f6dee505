/**
 * `npm start` as documented: every port variable (PEOPLE_PORT ... JOURNEY_PORT, GATEWAY_PORT,
 * OPERATIONS_PORT, PGLITE_PORT) is where that part listens, so two graphs on two port sets run side
 * by side on one machine, each gateway answering from its own subgraphs. And a graph whose process
 * dies is reported and stopped, with exit code 1.
 * Two real `node --import tsx scripts/start.ts` processes, each with its embedded store; the stacks
 * are told apart by their seeds (30 and 40 persons) and by the subgraphs' statement logs.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitOf, freePort, spawnTsx, type Exit } from "../../scripts/child-process";
import { SUBGRAPH_NAMES, type SubgraphName } from "../../subgraphs";
import { envPrefix } from "../../subgraphs/kit/subgraph";
import { AUDIENCES } from "../../platform/security/caller";
import { devToken } from "../../gateway/auth/dev-token";
import { CENTERS } from "../../platform/reference/centers";

/** Subgraphs with a store of their own (journey has none: it reads what the others send it). */
const STORED: SubgraphName[] = ["people", "employment-support", "job-search-guarantee", "mid-career", "learning-card"];

interface Graph {
  persons: number;
  ports: Record<SubgraphName | "gateway" | "operations" | "store", number>;
  child: ChildProcess;
  output: () => string;
  exited: Promise<Exit>;
  pids: Record<string, number>;
}

async function startGraph(persons: number): Promise<Graph> {
  const ports = {} as Graph["ports"];
  for (const name of [...SUBGRAPH_NAMES, "gateway", "operations", "store"] as const) ports[name] = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, APOLLO_TELEMETRY_DISABLED: "1", NAEIL_DEBUG_STATEMENTS: "1", PERSONAL_CACHE_SECONDS: "0", SUBGRAPH_TIMEOUT_MS: "60000" };
  for (const key of ["DATABASE_URL", "ACCESS_DATABASE_URL", "REDIS_URL", "REDIS_KEY_PREFIX", "OTEL_EXPORTER_OTLP_ENDPOINT", "SUPERGRAPH_PATH", "NAEIL_SECURITY", "SEED_PERSONS"]) delete env[key];
  for (const name of SUBGRAPH_NAMES) {
    env[`${envPrefix(name)}_PORT`] = String(ports[name]);
    delete env[`${envPrefix(name)}_URL`];
  }
  Object.assign(env, { GATEWAY_PORT: String(ports.gateway), OPERATIONS_PORT: String(ports.operations), PGLITE_PORT: String(ports.store) });
  for (const audience of AUDIENCES) env[`RATE_LIMIT_${audience.toUpperCase()}`] = "1000000";
  const child = spawnTsx(["scripts/start.ts", "--persons", String(persons), "--ready-timeout", "600"], { env });
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = exitOf(child);
  const ready = await new Promise<boolean>((resolve) => {
    const check = () => {
      if (/naeil-graph is ready/.test(output) && /processes: .*\n/.test(output)) resolve(true);
    };
    child.stdout!.on("data", check);
    void exited.then(() => resolve(false));
  });
  if (!ready) throw new Error(`npm start (${persons} persons) exited before it was ready:\n${output.slice(-3000)}`);
  // "processes: people 1234, employment-support 1235, ..., gateway 1240"
  const listed = /processes: (.*)$/m.exec(output)![1].split(", ").map((entry) => entry.split(" "));
  const pids = Object.fromEntries(listed.map(([name, pid]) => [name, Number(pid)]));
  return { persons, ports, child, output: () => output, exited, pids };
}

const counsellor = { role: "counsellor", sub: "counsellor-two-stacks", centers: CENTERS.map((c) => c.id) };
async function ask(graph: Graph, query: string) {
  const response = await fetch(`http://127.0.0.1:${graph.ports.gateway}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await devToken(counsellor)}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}
const subgraph = (graph: Graph, name: SubgraphName, path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${graph.ports[name]}${path}`, init);
async function statementCounts(graph: Graph): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(STORED.map(async (name) => [name, ((await (await subgraph(graph, name, "/debug/statements")).json()) as unknown[]).length] as const)));
}

/** The four programs, timeline and network case of one person: every subgraph takes part. */
const PERSON = `{ person(id: "P00000001") { id nationalEmploymentSupport { enrollments { status } } jobSearchGuarantee { participations { status } }
  midCareerSupport { careerDesignSessions { kind } } learningCard { card { status } } timeline { date } networkCase { stage } } }`;

describe("two graphs from npm start on two port sets", () => {
  let a: Graph;
  let b: Graph;
  beforeAll(async () => {
    // One after the other (on a busy machine, two at once may not be ready in time); then both run.
    a = await startGraph(30);
    b = await startGraph(40);
  }, 1_200_000);
  afterAll(async () => {
    for (const graph of [a, b]) if (graph && graph.child.exitCode === null && graph.child.signalCode === null) graph.child.kill("SIGTERM");
    await Promise.all([a?.exited, b?.exited]);
  }, 60_000);

  it("puts every subgraph on the port its variable names", async () => {
    for (const graph of [a, b]) {
      for (const name of SUBGRAPH_NAMES) {
        const health = await subgraph(graph, name, "/health");
        expect(await health.json()).toEqual({ status: "alive", subgraph: name });
      }
    }
  });

  it("answers each graph's queries from its own store", async () => {
    for (const graph of [a, b]) {
      const { data, errors } = await ask(graph, "{ persons(first: 1) { totalCount } }");
      expect(errors).toBeUndefined();
      expect(data.persons.totalCount).toBe(graph.persons);
    }
  });

  it("wires each gateway to its own subgraphs, every one of them", async () => {
    for (const [asked, other] of [[a, b], [b, a]] as const) {
      await Promise.all([a, b].flatMap((graph) => STORED.map((name) => subgraph(graph, name, "/debug/statements", { method: "DELETE" }))));
      const { data, errors } = await ask(asked, PERSON);
      expect(errors).toBeUndefined();
      expect(data.person.id).toBe("P00000001");
      const mine = await statementCounts(asked);
      const theirs = await statementCounts(other);
      for (const name of STORED) expect(mine[name], `${name} of the graph asked`).toBeGreaterThan(0);
      expect(theirs).toEqual(Object.fromEntries(STORED.map((name) => [name, 0])));
    }
  });

  it("serves each gateway's metrics on its OPERATIONS_PORT", async () => {
    for (const graph of [a, b]) {
      const response = await fetch(`http://127.0.0.1:${graph.ports.operations}/metrics`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("naeil_gateway_requests_total");
    }
  });

  it("streams each process's log lines as they come", async () => {
    // A subgraph logs its migrations and seeding at start: those lines are out before the ready line.
    const output = a.output();
    expect(output.indexOf("[people]")).toBeGreaterThanOrEqual(0);
    expect(output.indexOf("[people]")).toBeLessThan(output.indexOf("naeil-graph is ready"));
  });

  it("stops the graph and exits with 1 when one of its processes dies, leaving the other graph running", async () => {
    process.kill(a.pids.people, "SIGKILL");
    expect(await a.exited).toEqual({ code: 1, signal: null });
    expect(a.output()).toMatch(/\[stack\] people was killed by SIGKILL/);
    await expect(fetch(`http://127.0.0.1:${a.ports.gateway}/health`)).rejects.toThrow();
    const { data } = await ask(b, "{ persons(first: 1) { totalCount } }");
    expect(data.persons.totalCount).toBe(40);
  });
});
