/**
 * Global setup of a graph suite: starts the whole stack (six subgraph processes and the gateway,
 * exactly as `npm start` does) on free ports, against the embedded store or a fresh database on the
 * real PostgreSQL server, and hands the URLs to the tests.
 *   embedded: always runs.
 *   postgres: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) must answer; in CI
 *             (CI=true) an unreachable server fails the run, elsewhere the suite is skipped with one line.
 */
import pg from "pg";
import type { TestProject } from "vitest/node";
import { freePort, startStack, type Stack } from "../../scripts/stack";
import { SUBGRAPH_NAMES } from "../../subgraphs";
import { dropKeys, redisProblem } from "../../scripts/redis-run";
import { AUDIENCES } from "../../platform/security/caller";

export const TEST_PERSONS = 2_000;
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";


async function redisReachable(): Promise<boolean> {
  const problem = await redisProblem(TEST_REDIS_URL);
  if (!problem) return true;
  if (process.env.CI) throw new Error(`Redis at ${TEST_REDIS_URL} is not reachable (${problem.message}); CI must run with Redis.`);
  console.log(`Redis at ${TEST_REDIS_URL} is not reachable: the graph suites run with in-memory gateway state, and tests that need Redis are skipped.`);
  return false;
}

declare module "vitest" {
  export interface ProvidedContext {
    store: "embedded" | "postgres";
    gatewayUrl: string;
    /** The gateway's operations endpoints (base URL of /metrics). */
    operationsUrl: string;
    subgraphUrls: Record<string, string>;
    databaseUrl: string;
    /** Redis the stack's gateway uses ("" when unreachable: in-memory state), and its key prefix. */
    redisUrl: string;
    redisKeyPrefix: string;
    /** The access store (audit log, consents) when it is a database of its own (postgres suite); "" otherwise. */
    accessDatabaseUrl: string;
    skipReason: string;
    testPersons: number;
  }
}

async function createTestDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await admin.connect();
  const name = `naeil_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export default async function setup(project: TestProject) {
  const store = project.config.provide.store as "embedded" | "postgres";
  project.provide("testPersons", TEST_PERSONS);
  let database: { url: string; drop: () => Promise<void> } | null = null;
  let accessDatabase: { url: string; drop: () => Promise<void> } | null = null;
  if (store === "postgres") {
    const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
    try {
      database = await createTestDatabase(adminUrl);
      // The access log and consents in a database of their own, so a test can take it away alone.
      accessDatabase = await createTestDatabase(adminUrl);
    } catch (error) {
      const reason = `PostgreSQL at ${adminUrl} is not reachable (${(error as Error).message})`;
      if (process.env.CI) throw new Error(`${reason}; CI must run the real-PostgreSQL suite.`);
      console.log(`SKIPPED suite graph:postgres: ${reason}. Start PostgreSQL or set TEST_DATABASE_URL to run it.`);
      project.provide("skipReason", reason);
      await database?.drop();
      for (const key of ["gatewayUrl", "operationsUrl", "databaseUrl", "accessDatabaseUrl", "redisUrl", "redisKeyPrefix"] as const) project.provide(key, "");
      project.provide("subgraphUrls", {});
      return;
    }
  }
  project.provide("skipReason", "");
  // Redis shared by the gateway (and by tests that register partner operations), under a key prefix of this run.
  const redisUrl = (await redisReachable()) ? TEST_REDIS_URL : "";
  const redisKeyPrefix = `naeil-test-${store}-${process.pid}:`;
  project.provide("redisUrl", redisUrl);
  project.provide("redisKeyPrefix", redisKeyPrefix);
  const ports = Object.fromEntries(await Promise.all(["gateway", ...SUBGRAPH_NAMES].map(async (n) => [n, await freePort()])));
  const started = performance.now();
  let stack: Stack;
  try {
    stack = await startStack({
      databaseUrl: database?.url,
      persons: TEST_PERSONS,
      ports,
      storePort: await freePort(),
      env: {
        NAEIL_DEBUG_STATEMENTS: "1",
        ...(accessDatabase ? { ACCESS_DATABASE_URL: accessDatabase.url } : {}),
        ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisKeyPrefix } : {}),
        // The suites send hundreds of requests a minute as one caller; the limits have their own tests.
        ...Object.fromEntries(AUDIENCES.map((a) => [`RATE_LIMIT_${a.toUpperCase()}`, "1000000"])),
      },
      output: "quiet",
      // A busy (shared CI) machine may need minutes to start six processes.
      readyTimeoutMs: 600_000,
    });
  } catch (error) {
    await database?.drop();
    await accessDatabase?.drop();
    throw error;
  }
  console.log(`graph:${store} stack ready in ${Math.round(performance.now() - started)} ms at ${stack.gatewayUrl}`);
  project.provide("gatewayUrl", stack.gatewayUrl);
  project.provide("operationsUrl", stack.operationsUrls[0]);
  project.provide("subgraphUrls", stack.subgraphUrls);
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("accessDatabaseUrl", accessDatabase?.url ?? "");
  return async () => {
    await stack.stop();
    if (redisUrl) await dropKeys(redisUrl, redisKeyPrefix);
    await database?.drop();
    await accessDatabase?.drop();
  };
}
