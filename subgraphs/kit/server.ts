/**
 * Runs one subgraph as an HTTP service: migrations, seed of an empty store, the federated schema
 * behind Apollo Server on Express, `/health` (alive) and `/ready` (store reachable), and a graceful
 * shutdown that drains in-flight requests on SIGTERM or Ctrl-C.
 */
import http from "node:http";
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
import { INTERNAL_TOKEN_HEADER, internalTokenVerifier } from "./security/internal-token";
import { loadPseudonymizer } from "./security/pseudonym";
import { ensureConsentSchema } from "./security/consent";
import { analystViewPlugin } from "./security/analyst-view";
import { ensureAuditSchema } from "./audit/migrations";
import { AuditChain } from "./audit/chain";
import { accessLogPlugin } from "./audit/plugin";
import { securityOff } from "./security/switch";
import { createLogger } from "./log";
import { startTracing } from "./tracing";

export interface RunningSubgraph {
  url: string;
  port: number;
  store: Store;
  stop(): Promise<void>;
}

export interface SubgraphOptions {
  databaseUrl: string;
  /** The access store (audit log, consents); default databaseUrl. */
  accessDatabaseUrl?: string;
  port: number;
  host?: string;
  /** Persons to seed when the store is empty (SEED_PERSONS; 0 = do not seed). */
  seedPersons?: number;
  logStatements?: boolean;
  log?: (line: string) => void;
}

export async function startSubgraph(definition: SubgraphDefinition, options: SubgraphOptions): Promise<RunningSubgraph> {
  const logger = createLogger(definition.name);
  const log = options.log ?? ((line: string) => logger.info(line));
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

  // The access store gets its own pool: its writes must not queue behind data reads, and it can fail alone.
  const accessStore = openStore({
    connectionString: options.accessDatabaseUrl ?? options.databaseUrl,
    applicationName: `naeil-${definition.name}-access`,
    maxConnections: 4,
  });
  await ensureAuditSchema(accessStore);
  await ensureConsentSchema(accessStore);
  const chain = new AuditChain(accessStore, definition.name);
  const security = { pseudonyms: await loadPseudonymizer(), accessStore };
  const verifyInternalToken = await internalTokenVerifier();

  const tracing = startTracing(definition.name);
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
      analystViewPlugin(),
      ...(securityOff(process.env, definition.name) ? [] : [accessLogPlugin(chain, log)]),
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors, contextValue }) {
              for (const error of errors) {
                if (!error.extensions?.code || error.extensions.code === "INTERNAL_SERVER_ERROR") {
                  // Message and stack only: never variables or results, which may hold personal data.
                  logger.error({ requestId: contextValue.requestId, error: error.originalError?.stack ?? error.message }, "request failed");
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
    // Zero trust: only the gateway's signed token opens GraphQL (see security/internal-token.ts).
    async (req, res, next) => {
      const claims = await verifyInternalToken(req.header(INTERNAL_TOKEN_HEADER));
      if (!claims) {
        res.status(401).json({
          errors: [{ message: "This service answers only the naeil-graph gateway: send your query to the gateway's /graphql.", extensions: { code: "UNAUTHENTICATED" } }],
        });
        return;
      }
      res.locals.claims = claims;
      next();
    },
    // Only the gateway's signed requests get here. Its largest: journey's representations of a 100-person
    // page, four programs' eligibility each with every reason and the parameters used (about 2 MB).
    express.json({ limit: "4mb" }),
    ...(tracing ? [tracing.middleware] : []),
    expressMiddleware(server, {
      context: async ({ res }) => {
        const { caller, request } = res.locals.claims;
        return createContext(definition.name, store, security, caller, request);
      },
    }),
  );

  const port = options.port;
  const host = options.host ?? process.env.SUBGRAPH_HOST ?? "127.0.0.1";
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
      await chain.flush();
      await store.close();
      await accessStore.close();
      await tracing?.shutdown();
    },
  };
}
