/**
 * The embedded default system of record: one PGlite (PostgreSQL 18 compiled to WASM) served over
 * the PostgreSQL wire protocol by pglite-socket, so every subgraph uses the same `pg` code and SQL
 * as against a real server. One instance for all subgraphs (each ~0.5-0.75 GB RSS); each subgraph
 * still owns its own PostgreSQL schema. Data lives in memory unless PGLITE_DATA_DIR is set.
 */
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedStore {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedStore(options: { port?: number; host?: string; dataDir?: string; maxConnections?: number } = {}): Promise<EmbeddedStore> {
  const host = options.host ?? "127.0.0.1";
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : undefined);
  const server = new PGLiteSocketServer({
    db,
    host,
    port: options.port ?? 5433,
    // Six subgraphs, each with a data pool of 8 and an access-log pool of 4 (opened as needed), the
    // gateway's 4 and a few scripts: the multiplexer queues the statements.
    maxConnections: options.maxConnections ?? 64,
  });
  await server.start();
  const port = (server as unknown as { server?: { address(): { port: number } } }).server?.address().port ?? options.port ?? 5433;
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
