/**
 * Starts the whole graph: the embedded store (unless DATABASE_URL is given), every subgraph as a
 * separate process, then the gateway; waits until each is ready; stops them all in reverse order.
 * Every child's output is passed on line by line as it comes. A child that exits on its own once the
 * stack is up is reported (`failed`), and with `onChildExit: "stop"` (npm start) the rest is stopped.
 * Used by `npm start`, by the tests' global setup and by the benchmarks.
 */
import type { ChildProcess } from "node:child_process";
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs";
import { envPrefix } from "../subgraphs/kit/subgraph";
import { startEmbeddedStore, type EmbeddedStore } from "../platform/embedded-store";
import { freePort, spawnTsx, stopChild, waitUntilHttpOk } from "./child-process";

export { DEFAULT_PORTS, freePort };

export interface StackOptions {
  /** A real PostgreSQL server; when absent the embedded PGlite is started. */
  databaseUrl?: string;
  /** Persons to seed into an empty store (default 10,000). */
  persons?: number;
  /** Ports of the subgraphs, the (first) gateway and its operations endpoints (default: a free port). */
  ports?: Partial<Record<SubgraphName | "gateway" | "operations", number>>;
  /** Port of the embedded store (default 5433). */
  storePort?: number;
  /** Extra environment for every child (e.g. NAEIL_DEBUG_STATEMENTS=1). */
  env?: Record<string, string>;
  /** Where child output goes: "inherit" prints it with a prefix, "quiet" keeps only errors. */
  output?: "inherit" | "quiet";
  readyTimeoutMs?: number;
  /** Extra node arguments for every child (e.g. --cpu-prof, which NODE_OPTIONS does not accept). */
  nodeArgs?: string[];
  /** Gateway replicas (default 1); several share their state only through REDIS_URL. */
  gatewayReplicas?: number;
  /** What a child's exit on its own does once the stack is up: "report" (default: printed, `failed` settles) or "stop" (also stops the rest). */
  onChildExit?: "report" | "stop";
}

/** A child that exited on its own. */
export interface ChildExit {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Stack {
  /** The first gateway replica. */
  gatewayUrl: string;
  /** Every gateway replica. */
  gatewayUrls: string[];
  /** Each replica's operations endpoints (base URL: /metrics, /health, /ready). */
  operationsUrls: string[];
  /** Process id of each part (subgraph names, "gateway" or "gateway-1".., not the embedded store, which runs in this process). */
  pids: Record<string, number>;
  subgraphUrls: Record<SubgraphName, string>;
  databaseUrl: string;
  embedded: boolean;
  /** Settles with the first child that exits on its own (never, if none does before stop()). */
  failed: Promise<ChildExit>;
  stop(): Promise<void>;
}

/**
 * The ports `npm start` takes from the environment: <NAME>_PORT for each subgraph (PEOPLE_PORT,
 * EMPLOYMENT_SUPPORT_PORT...), GATEWAY_PORT, OPERATIONS_PORT and PGLITE_PORT (the embedded store).
 */
export function portsFromEnv(env: NodeJS.ProcessEnv = process.env): { ports: NonNullable<StackOptions["ports"]>; storePort?: number } {
  const number = (name: string) => {
    const value = env[name];
    if (value === undefined || value === "") return undefined;
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name}=${value} is not a port number`);
    return port;
  };
  const ports: NonNullable<StackOptions["ports"]> = {};
  for (const name of SUBGRAPH_NAMES) {
    const port = number(`${envPrefix(name)}_PORT`);
    if (port !== undefined) ports[name] = port;
  }
  const gateway = number("GATEWAY_PORT");
  if (gateway !== undefined) ports.gateway = gateway;
  const operations = number("OPERATIONS_PORT");
  if (operations !== undefined) ports.operations = operations;
  return { ports, storePort: number("PGLITE_PORT") };
}

function spawnPart(name: string, args: string[], env: NodeJS.ProcessEnv, output: "inherit" | "quiet", nodeArgs: string[] = []): ChildProcess {
  const child = spawnTsx(args, { env, nodeArgs });
  const forward = (stream: NodeJS.ReadableStream | null, target: NodeJS.WriteStream, always: boolean) => {
    let buffered = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      if (output === "inherit" || always) for (const line of lines) if (line) target.write(`${line.startsWith("[") ? "" : `[${name}] `}${line}\n`);
    });
  };
  forward(child.stdout, process.stdout, false);
  forward(child.stderr, process.stderr, true);
  return child;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const output = options.output ?? "inherit";
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const timeout = options.readyTimeoutMs ?? 180_000;
  let store: EmbeddedStore | null = null;
  const children: { name: string; child: ChildProcess }[] = [];
  let stopping: Promise<void> | null = null;
  let up = false;
  let reportFailure: (exit: ChildExit) => void = () => {};
  const failed = new Promise<ChildExit>((resolve) => (reportFailure = resolve));

  const stop = () =>
    (stopping ??= (async () => {
      for (const { child } of [...children].reverse()) await stopChild(child);
      await store?.stop();
    })());
  /** Watches a child: once the stack is up, an exit that stop() did not ask for is reported. */
  const watch = (name: string, child: ChildProcess) => {
    children.push({ name, child });
    child.once("exit", (code, signal) => {
      if (stopping || !up) return; // asked for, or before ready (waitUntilHttpOk reports it)
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      process.stderr.write(`[stack] ${name} ${how}${options.onChildExit === "stop" ? ": stopping the graph" : ""}\n`);
      reportFailure({ name, code, signal });
      if (options.onChildExit === "stop") void stop();
    });
  };

  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      store = await startEmbeddedStore({ port: options.storePort ?? 5433 });
      databaseUrl = store.url;
    }
    const baseEnv: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      DATABASE_URL: databaseUrl,
      SEED_PERSONS: String(options.persons ?? process.env.SEED_PERSONS ?? 10_000),
      APOLLO_TELEMETRY_DISABLED: "1",
    };
    const subgraphUrls = {} as Record<SubgraphName, string>;
    for (const name of SUBGRAPH_NAMES) {
      subgraphUrls[name] = `http://127.0.0.1:${ports[name]}/graphql`;
      baseEnv[`${envPrefix(name)}_PORT`] = String(ports[name]);
      baseEnv[`${envPrefix(name)}_URL`] = subgraphUrls[name];
    }
    for (const name of SUBGRAPH_NAMES) watch(name, spawnPart(name, ["scripts/start-subgraph.ts", name], baseEnv, output, options.nodeArgs));
    await Promise.all(
      children.map(({ name, child }) => waitUntilHttpOk(`http://127.0.0.1:${ports[name as SubgraphName]}/ready`, child, { what: name, timeoutMs: timeout })),
    );
    // Replicas: identical, stateless gateways on consecutive free ports; they share state through REDIS_URL.
    const gatewayPorts = [ports.gateway];
    for (let i = 1; i < (options.gatewayReplicas ?? 1); i++) gatewayPorts.push(await freePort());
    // Each replica's operations endpoints (/metrics) on a port of its own, apart from the public one.
    const operationsPorts = await Promise.all(gatewayPorts.map(async (_, i) => (i === 0 && options.ports?.operations ? options.ports.operations : freePort())));
    const gateways = gatewayPorts.map((port, i) => {
      const name = gatewayPorts.length > 1 ? `gateway-${i + 1}` : "gateway";
      const child = spawnPart(name, ["gateway/main.ts"], { ...baseEnv, GATEWAY_PORT: String(port), OPERATIONS_PORT: String(operationsPorts[i]) }, output, options.nodeArgs);
      watch(name, child);
      return { name, child, port };
    });
    await Promise.all(gateways.map(({ name, child, port }) => waitUntilHttpOk(`http://127.0.0.1:${port}/health`, child, { what: name, timeoutMs: timeout })));
    // A port taken between freePort() and the child's listen() makes that child exit while another
    // process answers its readiness URL: by the time the gateways are up, such an exit has happened.
    const gone = children.find(({ child }) => child.exitCode !== null || child.signalCode !== null);
    if (gone) throw new Error(`${gone.name} exited with code ${gone.child.exitCode} while the stack started (its port taken by another process?)`);
    const gatewayUrls = gatewayPorts.map((port) => `http://127.0.0.1:${port}/graphql`);
    up = true;
    return {
      gatewayUrl: gatewayUrls[0],
      gatewayUrls,
      operationsUrls: operationsPorts.map((port) => `http://127.0.0.1:${port}`),
      failed,
      pids: Object.fromEntries(children.map(({ name, child }) => [name, child.pid!])),
      subgraphUrls,
      databaseUrl,
      embedded: store !== null,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
