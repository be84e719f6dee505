/**
 * Runs one subgraph as an HTTP service: migrations, seed of an empty store, the federated schema
 * behind Apollo Server on Express, `/health` (alive) and `/ready` (store reachable), and a graceful
 * shutdown that drains in-flight requests on SIGTERM or Ctrl-C.
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { buildFederatedSchema } from "./schema";
import { createContext, type SubgraphContext } from "./context";
import { formatSubgraphError } from "./errors";
import { migrate } from "./migrate";
import { openStore, type Store } from "./store";
import { isSeeded, seedSubgraph, DEFAULT_PERSONS } from "./seed";
import type { SubgraphDefinition } from "./subgraph";

export interface RunningSubgraph {
  url: string;
  port: number;
  store: Store;
  stop(): Promise<void>;
}

export interface SubgraphOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  /** Persons to seed when the store is empty (SEED_PERSONS; 0 = do not seed). */
  seedPersons?: number;
  logStatements?: boolean;
  log?: (line: string) => void;
}

export async function startSubgraph(definition: SubgraphDefinition, options: SubgraphOptions): Promise<RunningSubgraph> {
  const log = options.log ?? ((line: string) => console.log(`[${definition.name}] ${line}`));
  const store = openStore({
    connectionString: options.databaseUrl,
    applicationName: `naeil-${definition.name}`,
    logStatements: options.logStatements,
  });
  const applied = await migrate(store, definition.dbSchema, definition.migrationsDir);
  if (applied.length) log(`applied migrations ${applied.join(", ")}`);
  const seedPersons = options.seedPersons ?? DEFAULT_PERSONS;
  if (seedPersons > 0 && definition.seededTables.length > 0 && !(await isSeeded(store, definition.dbSchema))) {
    const { persons, ms } = await seedSubgraph(store, definition, seedPersons);
    log(`seeded ${persons} synthetic persons in ${ms} ms`);
  }

  const schema = await buildFederatedSchema(definition);
  const app = express();
  const httpServer = http.createServer(app);
  const server = new ApolloServer<SubgraphContext>({
    schema,
    formatError: formatSubgraphError,
    includeStacktraceInErrorResponses: false,
    // The process entry point handles SIGTERM/SIGINT (drain, close the store, exit); Apollo must not race it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No Apollo Studio here: federated tracing would only cost time on every request.
      ApolloServerPluginInlineTraceDisabled(),
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors, contextValue }) {
              for (const error of errors) {
                if (!error.extensions?.code || error.extensions.code === "INTERNAL_SERVER_ERROR") {
                  // Message and stack only: never variables or results, which may hold personal data.
                  log(`request ${contextValue.requestId} failed: ${error.originalError?.stack ?? error.message}`);
                }
              }
            },
          };
        },
      },
    ],
  });
  await server.start();

  app.get("/health", (_req, res) => {
    res.json({ status: "alive", subgraph: definition.name });
  });
  app.get("/ready", async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: "ready", subgraph: definition.name });
    } catch {
      res.status(503).json({ status: "store unreachable", subgraph: definition.name });
    }
  });
  if (store.statements) {
    const statements = store.statements;
    app.get("/debug/statements", (_req, res) => {
      res.json(statements.list());
    });
    app.delete("/debug/statements", (_req, res) => {
      statements.reset();
      res.status(204).end();
    });
  }
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(server, {
      context: async ({ req }) => createContext(store, String(req.headers["x-request-id"] ?? randomUUID())),
    }),
  );

  const port = options.port;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, host, resolve);
  });
  const actualPort = (httpServer.address() as { port: number }).port;
  return {
    url: `http://${host}:${actualPort}/graphql`,
    port: actualPort,
    store,
    async stop() {
      await server.stop();
      await store.close();
    },
  };
}
