/**
 * The system of record for the run: DATABASE_URL when set, else the embedded store (PGlite) in a
 * child process of its own (scripts/start-store.ts). startStack() would run PGlite inside this
 * process, where it would compete with the load generator for the same event loop.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "../scripts/stack";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

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
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start-store.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`embedded store not ready within ${timeoutMs} ms`)), timeoutMs);
    let out = "";
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      out += chunk;
      const match = out.match(/DATABASE_URL=(\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`embedded store exited with code ${code}`)));
  });
  return {
    url,
    embedded: true,
    pid: child.pid ?? null,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
