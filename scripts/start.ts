/**
 * `npm start`: the whole graph on one machine (embedded store unless DATABASE_URL is set).
 * Options: --persons N (seed size for an empty store, default 10,000); --gateway-replicas N (default 1;
 * replicas listen on :4000 and then free ports, and share state through REDIS_URL); --ready-timeout S
 * (how long each process may take to be ready, default 180).
 * Ports: PEOPLE_PORT ... JOURNEY_PORT, GATEWAY_PORT, OPERATIONS_PORT, PGLITE_PORT (portsFromEnv).
 * If any process of the graph exits on its own, the rest is stopped and npm start exits with 1.
 */
import { parseArgs } from "node:util";
import { startStack, portsFromEnv } from "./stack";
import { exitGracefully } from "../platform/shutdown";

const { values } = parseArgs({ options: { persons: { type: "string" }, "gateway-replicas": { type: "string" }, "ready-timeout": { type: "string" } } });
const gatewayReplicas = Number(values["gateway-replicas"] ?? 1);
if (!Number.isInteger(gatewayReplicas) || gatewayReplicas < 1) {
  console.error("--gateway-replicas must be a whole number of 1 or more");
  process.exit(1);
}
if (gatewayReplicas > 1 && !process.env.REDIS_URL) console.log(`${gatewayReplicas} gateway replicas without REDIS_URL: each keeps its own APQ, cache and rate limits. Set REDIS_URL to share them.`);
let configured: ReturnType<typeof portsFromEnv>;
try {
  configured = portsFromEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const started = performance.now();
const databaseUrl = process.env.DATABASE_URL;
console.log(databaseUrl ? "Using PostgreSQL from DATABASE_URL." : "No DATABASE_URL: starting the embedded PostgreSQL (PGlite).");
const stack = await startStack({
  databaseUrl,
  persons: values.persons ? Number(values.persons) : undefined,
  gatewayReplicas,
  ports: configured.ports,
  storePort: configured.storePort,
  onChildExit: "stop",
  readyTimeoutMs: values["ready-timeout"] ? Number(values["ready-timeout"]) * 1000 : undefined,
});
console.log(`\nnaeil-graph is ready in ${((performance.now() - started) / 1000).toFixed(1)} s: ${stack.gatewayUrls.join(", ")}`);
console.log(`Metrics: ${stack.operationsUrls.map((url) => `${url}/metrics`).join(", ")}; processes: ${Object.entries(stack.pids).map(([name, pid]) => `${name} ${pid}`).join(", ")}`);
console.log(`Try: curl -s ${stack.gatewayUrl} -H 'content-type: application/json' -d '{"query":"{ employmentCenters { name focusIndustries } }"}'`);
console.log("A person's data needs a token: TOKEN=$(npm run -s token -- --role counsellor --centers sejong), then -H \"authorization: Bearer $TOKEN\" (README, Security).");

void stack.failed.then(async ({ name }) => {
  await stack.stop();
  console.error(`naeil-graph stopped: ${name} exited on its own (see its lines above).`);
  process.exit(1);
});

exitGracefully("naeil-graph", async () => {
  console.log("\nStopping the gateway, the subgraphs and the store...");
  await stack.stop();
}, 30_000);
