/** `npm run start:gateway`: the gateway alone, as deployed (subgraph URLs from <NAME>_URL). */
process.env.APOLLO_TELEMETRY_DISABLED ??= "1"; // no anonymous deployment telemetry from a government system
import { SUBGRAPH_NAMES } from "../subgraphs";
import { gatewayConfigFromEnv } from "./config";
import { startGateway } from "./server";

const running = await startGateway(gatewayConfigFromEnv(SUBGRAPH_NAMES));
console.log(`[gateway] ready at ${running.url}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await running.stop();
    process.exit(0);
  });
}
