/**
 * Child processes of the repository's own scripts, supervised one way: started as
 * `node --import tsx <script>` from the repository root, waited for (a line on stdout, or an HTTP
 * endpoint that answers), and stopped with SIGTERM, then SIGKILL after a deadline. Used by
 * `npm start` (stack.ts), the benchmark's store and targets, and the replicas tests.
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface TsxOptions {
  env?: NodeJS.ProcessEnv;
  /** Default: stdin ignored, stdout and stderr piped. */
  stdio?: StdioOptions;
  /** Node arguments before `--import tsx` (e.g. --cpu-prof, which NODE_OPTIONS does not accept). */
  nodeArgs?: string[];
}

/** `node [nodeArgs] --import tsx <args>`, in the repository root. */
export function spawnTsx(args: string[], { env = process.env, stdio = ["ignore", "pipe", "pipe"], nodeArgs = [] }: TsxOptions = {}): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, "--import", "tsx", ...args], { cwd: ROOT, env, stdio });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Settles when the child exits (at once if it already has). */
export function exitOf(child: ChildProcess): Promise<Exit> {
  if (hasExited(child)) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/** SIGTERM, and SIGKILL if the child is still there after `timeoutMs`; settles once it has exited. */
export async function stopChild(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (hasExited(child)) return;
  const exited = exitOf(child);
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export interface WaitOptions {
  /** Names the child in the error. */
  what: string;
  timeoutMs: number;
  /** Appended to the error (e.g. the end of the child's stderr). */
  detail?: () => string;
}

/**
 * Reads the child's stdout until `find` recognises it (a ready line, a URL) and settles with what
 * `find` returned; fails if the child exits first or `timeoutMs` passes. The stdout is read to its
 * end either way, so that the child never blocks on a full pipe.
 */
export function waitForOutput<T>(child: ChildProcess, find: (stdout: string) => T | undefined, { what, timeoutMs, detail = () => "" }: WaitOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let out = "";
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.off("exit", onExit);
      outcome();
    };
    const onExit = (code: number | null) => settle(() => reject(new Error(`${what} exited with code ${code} before it was ready${detail()}`)));
    const timer = setTimeout(() => settle(() => reject(new Error(`${what} not ready within ${timeoutMs} ms${detail()}`))), timeoutMs);
    child.once("exit", onExit);
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      if (settled) return;
      out += chunk;
      const found = find(out);
      if (found !== undefined) settle(() => resolve(found));
    });
  });
}

/** Polls `url` until it answers 2xx; fails if the child exits first or `timeoutMs` passes. */
export async function waitUntilHttpOk(url: string, child: ChildProcess, { what, timeoutMs, detail = () => "" }: WaitOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before it was ready${detail()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what} was not ready at ${url} within ${timeoutMs} ms${detail()}`);
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
