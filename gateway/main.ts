/** `npm run start:gateway`: the gateway alone, as deployed (subgraph URLs from <NAME>_URL). */
process.env.APOLLO_TELEMETRY_DISABLED ??= "1"; // no anonymous deployment telemetry from a government system
import { SUBGRAPH_NAMES } from "../platform/subgraphs";
import { gatewayConfigFromEnv } from "./config";
import { startGateway } from "./server";
import { exitGracefully } from "../platform/shutdown";

const running = await startGateway(gatewayConfigFromEnv(SUBGRAPH_NAMES));
console.log(`[gateway] ready at ${running.url} (metrics: ${running.operationsUrl}/metrics)`);

exitGracefully("gateway", running.stop);
