/**
 * The one endpoint: Apollo Server + Apollo Gateway on the composed supergraph (hot-reloaded), on
 * Express, with what a production gateway needs around it:
 *   security     authentication, schema-declared authorization, partner contract
 *   shared state Redis for APQ, the response cache, the safelist and rate limits (in memory without it)
 *   limits       body size, batching off, tokens, per-audience depth/aliases/root fields/cost
 *   resilience   per-subgraph timeout, retries, circuit breaker (subgraph-data-source.ts)
 *   operations   /health, /ready; /metrics on the operations port; JSON logs, graceful drain
 */
import http from "node:http";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginUsageReportingDisabled, ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloGateway } from "@apollo/gateway";
import type { DocumentNode, OperationDefinitionNode } from "graphql";
import type { GatewayConfig } from "./config";
import { contextFactory, type GatewayContext } from "./context";
import { SubgraphDataSource } from "./subgraph-data-source";
import { loadRecordedAccessSeal } from "../platform/security/seal";
import { subgraphPolicy, subgraphPolicyFromEnv } from "./resilience/subgraph-policy";
import { internalTokenSigner } from "../platform/security/internal-token";
import { selectsProtectedRootField } from "./authorization/requirements";
import { documentMemo } from "./document-memo";
import { securedGateway } from "./authorization/secured-gateway";
import { partnerContractPlugin } from "./contract/plugin";
import { securityOff } from "../platform/security/switch";
import { watchedSupergraph } from "./supergraph-source";
import { connectRedis, type SharedRedis } from "./shared/redis";
import { sharedCache } from "./shared/key-value-cache";
import { Safelist, readManifestDir, safelistPlugin } from "./shared/safelist";
import { RateLimits } from "./limits/rate-limit";
import { MAX_BODY, MAX_TOKENS, budgetsFromEnv } from "./limits/budgets";
import { QUERY_LIMIT_EXCEEDED, queryLimitsPlugin } from "./limits/query-limits";
import { limitsBeforeValidation } from "./limits/before-validation";
import { fieldSuggestionsPlugin } from "./limits/field-suggestions";
import { GatewayMetrics } from "./observability/metrics";
import { createLogger } from "../platform/log";
import { observabilityPlugin } from "./observability/plugin";
import { jsonErrorHandler } from "./http-errors";
import { startTracing } from "../platform/tracing";
import { startPersonalCache } from "./shared/personal-cache";
import { noStoreForPersonalData } from "./shared/no-store";
import { startOperationsServer } from "./observability/operations-server";
import { readinessCheck } from "./observability/readiness";
import { servicesOf, type SubgraphService } from "./supergraph-services";
import { introspectionPolicyFromEnv } from "./contract/introspection-policy";
import { corsMiddleware, corsOriginsFromEnv } from "./http/cors";
import { explorerEnabledFromEnv, explorerRoutes } from "./explorer/routes";
import { readCatalogue } from "../operations/catalogue";

export type { GatewayContext };

export interface RunningGateway {
  url: string;
  port: number;
  /** Base URL of the operations endpoints (/metrics, /health, /ready). */
  operationsUrl: string;
  gateway: ApolloGateway;
  metrics: GatewayMetrics;
  stop(): Promise<void>;
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const log = createLogger("gateway");
  const tracing = startTracing("gateway");
  const metrics = new GatewayMetrics();
  const insecure = securityOff(process.env, "gateway");
  const policyOptions = subgraphPolicyFromEnv();
  const recordedAccess = await loadRecordedAccessSeal();
  const introspection = introspectionPolicyFromEnv();
  const corsOrigins = corsOriginsFromEnv();

  const gateway = new ApolloGateway({
    supergraphSdl: watchedSupergraph(config.supergraphPath, (message) => log.info(message)),
    experimental_didResolveQueryPlan: config.onQueryPlan ? ({ queryPlan }) => config.onQueryPlan!(queryPlan) : undefined,
    buildService: ({ name, url }) => {
      const policy = subgraphPolicy(policyOptions);
      metrics.circuit.labels(name).set(0);
      policy.onStateChange((state, audience) => {
        const worst = policy.state();
        metrics.circuit.labels(name).set(worst === "closed" ? 0 : worst === "half-open" ? 1 : 2);
        log.warn({ subgraph: name, audience, circuit: state }, "circuit breaker");
      });
      return new SubgraphDataSource(name, config.subgraphUrls[name] ?? url ?? "", policy, metrics, recordedAccess);
    },
  });

  // The subgraphs the supergraph declares now (for /ready), read again on every reload.
  let services: SubgraphService[] = [];
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    services = servicesOf(coreSupergraphSdl, config.subgraphUrls);
  });
  const callerOf = (context: unknown) => (context as GatewayContext).caller;
  const secured = securedGateway(gateway, { insecure, introspection, callerOf });
  const personalOperation = documentMemo<boolean>();
  /** Whether an operation reads a person's data (a protected root field), once per document. */
  const isPersonal = (document: DocumentNode, operation: OperationDefinitionNode) =>
    personalOperation(document, operation.name?.value ?? "", () => selectsProtectedRootField(operation, secured.requirements()));

  let redis: SharedRedis | null = null;
  if (config.redisUrl) redis = connectRedis(config.redisUrl, (message) => log.info(message));
  else log.info("REDIS_URL not set: APQ, the response and personal caches, the safelist and rate limits are kept in this replica's memory (right for one replica only)");
  const cache = sharedCache(redis, config.redisKeyPrefix);
  const budgets = budgetsFromEnv();
  const rateLimits = new RateLimits(budgets, redis, `${config.redisKeyPrefix}rl:`);
  const safelist = new Safelist(readManifestDir(config.persistedQueriesDir), redis, config.redisKeyPrefix);

  const personalCache = await startPersonalCache(config, insecure, cache, log, {
    isPersonal,
    count: (result) => metrics.cache.labels("personal", result).inc(),
  });

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY ?? "loopback");
  const httpServer = http.createServer(app);
  const server = new ApolloServer<GatewayContext>({
    gateway: secured.gateway,
    cache,
    persistedQueries: { ttl: 24 * 3600 },
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    introspection: introspection !== "off",
    parseOptions: { maxTokens: MAX_TOKENS },
    // The process entry point handles SIGTERM/SIGINT (drain, close, exit); Apollo must not race it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // Apollo's landing page loads its explorer from a CDN: the gateway serves its own (explorer/).
      ApolloServerPluginLandingPageDisabled(),
      observabilityPlugin(metrics, log),
      safelistPlugin<GatewayContext>(safelist, (context) => context.caller),
      partnerContractPlugin<GatewayContext>(secured.partnerSchema, (context) => context.caller),
      queryLimitsPlugin<GatewayContext>(budgets, (context) => context.caller, (limit) => metrics.limitRejected.labels(limit).inc()),
      fieldSuggestionsPlugin<GatewayContext>((context) => context?.caller),
      // Public data only: a person's data carries no cache hint (platform/cache-control.ts).
      // The key includes what the caller may see, since authorization shapes the answer.
      responseCachePlugin({
        // A person's data is never cached: an operation reaching it at its root is not looked up
        // (no key to hash, no cache round trip on every counsellor's or analyst's request).
        shouldReadFromCache: async ({ document, operation }) => !document || !operation || !isPersonal(document, operation),
        // What is private (a person's data) is the personal cache's, below.
        shouldWriteToCache: async ({ overallCachePolicy }) => overallCachePolicy.policyIfCacheable()?.scope !== "PRIVATE",
        extraCacheKeyData: async ({ contextValue }) => {
          const caller = contextValue.caller;
          return `${caller.audience}|${[...caller.scopes].sort().join(" ")}`;
        },
      }),
      ...(personalCache ? [personalCache.plugin] : []),
      noStoreForPersonalData<GatewayContext>(),
    ],
  });
  await server.start();

  app.get("/health", (_req, res) => {
    res.json({ status: "alive" });
  });
  const readiness = readinessCheck(() => services, redis);
  app.get("/ready", async (_req, res) => {
    const { status, body } = await readiness();
    res.status(status).json(body);
  });
  // /metrics is served on the operations port only (observability/operations-server.ts).
  const operations = await startOperationsServer({ port: config.operationsPort, host: config.operationsHost, metrics, readiness });
  const signInternalToken = await internalTokenSigner();
  const gatewayContext = contextFactory({ insecure, rateLimits, signInternalToken, onRateLimited: (audience) => metrics.rateLimited.labels(audience).inc() });
  const checkDocument = limitsBeforeValidation(budgets);
  const cors = corsMiddleware(corsOrigins);
  if (cors) app.use("/graphql", cors);
  if (explorerEnabledFromEnv()) app.use(explorerRoutes({ endpoint: "/graphql", operations: readCatalogue(), onError: (error) => log.error({ err: error }, "explorer build failed") }));
  app.use(
    "/graphql",
    express.json({ limit: MAX_BODY }),
    ...(tracing ? [tracing.middleware] : []),
    expressMiddleware(server, {
      // The document's cheap limits are checked as soon as the caller is known, before Apollo Server validates it.
      // A refusal here never reaches the plugins: it is counted and logged as observabilityPlugin would.
      context: async (args) => {
        const context = await gatewayContext(args);
        checkDocument(args.req, context.caller.audience, ({ limit, operationName }) => {
          metrics.limitRejected.labels(limit).inc();
          metrics.requests.labels(metrics.operation(operationName), "error").inc();
          metrics.errors.labels(QUERY_LIMIT_EXCEEDED).inc();
          log.info({ requestId: context.requestId, operation: operationName, audience: context.caller.audience, status: 400, errors: [QUERY_LIMIT_EXCEEDED], limit }, "request");
        });
        return context;
      },
    }),
  );
  app.use(jsonErrorHandler);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const port = (httpServer.address() as { port: number }).port;
  log.info({ url: `http://${config.host}:${port}/graphql`, operations: operations.url }, "gateway listening");
  return {
    url: `http://${config.host}:${port}/graphql`,
    port,
    operationsUrl: operations.url,
    gateway,
    metrics,
    async stop() {
      await server.stop();
      await operations.close();
      await personalCache?.close();
      redis?.disconnect();
      await tracing?.shutdown();
    },
  };
}
