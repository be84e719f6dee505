/**
 * Runs one subgraph as an HTTP service: migrations, a seed of an empty store when asked for, the federated schema
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
import { textInputPlugin } from "./text-input";
import { migrate } from "../../platform/migrate";
import { openStore, type Store } from "../../platform/store";
import { isSeeded, seedSubgraph } from "./seed";
import type { SubgraphDefinition } from "./subgraph";
import { INTERNAL_TOKEN_HEADER, internalTokenVerifier } from "../../platform/security/internal-token";
import { loadPseudonymizer } from "../../platform/security/pseudonym";
import { loadCircumstancesSeal, loadRecordedAccessSeal } from "../../platform/security/seal";
import { ensureConsentSchema } from "./security/consent";
import { analystViewPlugin } from "./security/analyst-view";
import { ensureAuditSchema } from "../../platform/audit/migrations";
import { AuditChain } from "../../platform/audit/chain";
import { checkpointSigner } from "../../platform/audit/checkpoint";
import { accessLogPlugin } from "./audit/plugin";
import { securityOff } from "../../platform/security/switch";
import { createLogger } from "../../platform/log";
import { startTracing } from "../../platform/tracing";

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
  /** Synthetic persons to seed when the store is empty (SEED_PERSONS); absent or 0: none, a real database is never seeded unasked. */
  seedPersons?: number;
  logStatements?: boolean;
  log?: (line: string) => void;
}

function refuseCaller(res: express.Response): void {
  res.status(401).json({
    errors: [{ message: "This service answers only the naeil-graph gateway: send your query to the gateway's /graphql.", extensions: { code: "UNAUTHENTICATED" } }],
  });
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
  const seedPersons = options.seedPersons ?? 0;
  if (seedPersons > 0 && definition.seededTables.length > 0 && !(await isSeeded(store, definition.dbSchema))) {
    const { persons, ms } = await seedSubgraph(store, definition, seedPersons);
    log(`seeded ${persons} synthetic persons in ${ms} ms`);
  }
  await definition.onStart?.(store, log);

  // The access store gets its own pool: its writes must not queue behind data reads, and it can fail alone.
  const accessStore = openStore({
    connectionString: options.accessDatabaseUrl ?? options.databaseUrl,
    applicationName: `naeil-${definition.name}-access`,
    maxConnections: 4,
  });
  await ensureAuditSchema(accessStore);
  await ensureConsentSchema(accessStore);
  const chain = new AuditChain(accessStore, definition.name, await checkpointSigner());
  const security = { pseudonyms: await loadPseudonymizer(), accessStore, circumstances: await loadCircumstancesSeal(), recordedAccess: await loadRecordedAccessSeal() };
  const internalTokens = await internalTokenVerifier(definition.name);

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
      textInputPlugin(),
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
    // Zero trust: only a token the gateway signed for this subgraph and this very body opens GraphQL
    // (see security/internal-token.ts). The signature is checked before the body is read, the body's
    // hash as it is read (the raw bytes, before parsing).
    (req, res, next) => {
      const token = internalTokens.admit(req.header(INTERNAL_TOKEN_HEADER));
      if (!token) return refuseCaller(res);
      res.locals.token = token;
      next();
    },
    // Only the gateway's signed requests get past the token. Its largest: journey's representations of a
    // 100-person page, four programs' eligibility each with every reason and the parameters used (about 2 MB).
    express.json({
      limit: "4mb",
      verify: (_req, res, raw) => {
        (res as unknown as { locals: Record<string, unknown> }).locals.rawBody = raw;
      },
    }),
    (_req, res, next) => {
      if (!internalTokens.matches(res.locals.token, res.locals.rawBody)) return refuseCaller(res);
      res.locals.rawBody = undefined;
      next();
    },
    ...(tracing ? [tracing.middleware] : []),
    expressMiddleware(server, {
      context: async ({ res }) => {
        const { caller, request } = res.locals.token;
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
