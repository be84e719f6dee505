/**
 * `npm run start:subgraph -- <name>`: runs one subgraph alone, as it would be deployed.
 * Needs DATABASE_URL (a real PostgreSQL server, or the embedded store from `npm run start:store`);
 * ACCESS_DATABASE_URL (optional) puts the access log and consents in another database; SEED_PERSONS=N
 * (optional) seeds N synthetic persons into an empty store (a demo or a test: by default nothing is seeded).
 */
import { startSubgraph } from "../subgraphs/kit/server";
import { DEFAULT_PORTS, SUBGRAPH_NAMES, loadSubgraph, type SubgraphName } from "../subgraphs";
import { subgraphPort } from "../subgraphs/kit/subgraph";
import { exitGracefully } from "../platform/shutdown";

const name = process.argv[2];
if (!name) {
  console.error(`usage: npm run start:subgraph -- <${SUBGRAPH_NAMES.join("|")}>`);
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set: point it at PostgreSQL, or run `npm run start:store` and use the URL it prints.");
  process.exit(2);
}
const definition = await loadSubgraph(name);
const running = await startSubgraph(definition, {
  databaseUrl,
  accessDatabaseUrl: process.env.ACCESS_DATABASE_URL || undefined,
  port: subgraphPort(name, DEFAULT_PORTS[name as SubgraphName]), // loadSubgraph has checked the name
  seedPersons: Number(process.env.SEED_PERSONS ?? 0),
  logStatements: process.env.NAEIL_DEBUG_STATEMENTS === "1",
});
console.log(`[${name}] ready at ${running.url}`);

exitGracefully(name, running.stop);
