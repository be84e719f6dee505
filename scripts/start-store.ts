/**
 * `npm run start:store`: the embedded PostgreSQL (PGlite) alone, served over the wire protocol, for
 * running subgraphs one by one (`DATABASE_URL=<printed url> npm run start:subgraph -- people`).
 * Data lives in memory unless PGLITE_DATA_DIR is set.
 */
import { startEmbeddedStore } from "../platform/embedded-store";
import { exitGracefully } from "../platform/shutdown";

const store = await startEmbeddedStore({
  port: Number(process.env.PGLITE_PORT ?? 5433),
  dataDir: process.env.PGLITE_DATA_DIR,
});
console.log(`[store] embedded PostgreSQL ready: DATABASE_URL=${store.url}`);
exitGracefully("store", store.stop);
