/**
 * The system of record for the run: DATABASE_URL when set, else the embedded store (PGlite) in a
 * child process of its own (scripts/start-store.ts). startStack() would run PGlite inside this
 * process, where it would compete with the load generator for the same event loop.
 */
import { freePort, spawnTsx, stopChild, waitForOutput } from "../scripts/child-process";

export interface BenchStore {
  url: string;
  embedded: boolean;
  pid: number | null;
  stop(): Promise<void>;
}

export async function startBenchStore(timeoutMs = 60_000): Promise<BenchStore> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, pid: null, stop: async () => {} };
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_PORT: String(port) };
  delete env.PGLITE_DATA_DIR; // in memory: every run starts from the same seeded data
  const child = spawnTsx(["scripts/start-store.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
  const url = await waitForOutput(child, (out) => /DATABASE_URL=(\S+)/.exec(out)?.[1], { what: "embedded store", timeoutMs });
  return {
    url,
    embedded: true,
    pid: child.pid ?? null,
    stop: () => stopChild(child),
  };
}
