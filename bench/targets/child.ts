/** Runs a target server (bench/targets/serve.ts <name>) as a child process on a free port, so its memory is its own. */
import { freePort, spawnTsx, stopChild, waitForOutput } from "../../scripts/child-process";
import { READY_LINE, type RunningTarget } from "./types";

export async function spawnTarget(name: "bare" | "hive" | "direct", env: Record<string, string>, timeoutMs = 120_000): Promise<RunningTarget> {
  const port = await freePort();
  const child = spawnTsx(["bench/targets/serve.ts", name], {
    env: { ...process.env, APOLLO_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env, BENCH_TARGET_PORT: String(port) },
  });
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  await waitForOutput(child, (out) => (out.includes(READY_LINE) ? true : undefined), { what: name, timeoutMs, detail: () => `: ${stderr}` });
  return {
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    pids: child.pid ? [child.pid] : [],
    stop: () => stopChild(child),
  };
}
