/** Runs a target server (bench/targets/serve.ts <name>) as a child process on a free port, so its memory is its own. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "../../scripts/stack";
import { READY_LINE, type RunningTarget } from "./types";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export async function spawnTarget(name: "bare" | "hive" | "direct", env: Record<string, string>, timeoutMs = 120_000): Promise<RunningTarget> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/targets/serve.ts", name], {
    cwd: ROOT,
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env, BENCH_TARGET_PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} not ready within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    let out = "";
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      out += chunk;
      if (out.includes(READY_LINE)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready: ${stderr}`));
    });
  });
  return {
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    pids: child.pid ? [child.pid] : [],
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
