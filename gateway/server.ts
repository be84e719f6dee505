/**
 * The one endpoint: Apollo Server + Apollo Gateway on a static supergraph (no introspection of the
 * subgraphs at run time), on Express with /health (alive) and /ready (every subgraph ready).
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginUsageReportingDisabled, ApolloServerPluginSchemaReportingDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import type { GatewayInterface } from "@apollo/server-gateway-interface";
import type { GraphQLSchema } from "graphql";
import type { GatewayConfig } from "./config";
import { unavailableResponse, type GatewayGraphQLResponse } from "./unavailable-subgraph";
import { authenticate } from "./auth/verify";
import type { Caller } from "../subgraphs/kit/security/caller";
import { INTERNAL_TOKEN_HEADER, internalTokenSigner, type RequestFacts } from "../subgraphs/kit/security/internal-token";
import { readRequirements } from "./authorization/requirements";
import { authorizingExecutor } from "./authorization/executor";
import { supergraphForEnforcingGateway } from "./authorization/supergraph";
import { contractSchema } from "./contract/schema";
import { partnerContractPlugin } from "./contract/plugin";
import { contractIntrospection } from "./contract/introspection";
import { requestFacts } from "./request-facts";
import { securityOff } from "../subgraphs/kit/security/switch";
import { CENTERS } from "../subgraphs/kit/synthetic/centers";

/** Whom every request is taken to come from when NAEIL_SECURITY=off (benchmarks only): a counsellor of every center. */
const BENCHMARK_CALLER: Caller = { audience: "counsellor", subject: "benchmark", centers: CENTERS.map((c) => c.id), scopes: [], via: "none" };

export interface GatewayContext {
  requestId: string;
  caller: Caller;
  facts: RequestFacts;
  /** The signed internal token for this request's subgraph fetches (made on first use). */
  internalToken(operationName: string | null): Promise<string>;
}

export interface RunningGateway {
  url: string;
  port: number;
  gateway: ApolloGateway;
  stop(): Promise<void>;
}

/**
 * Calls one subgraph: forwards the request id (one request can be followed across the logs), and
 * turns an unreachable subgraph into null fields with located errors (see unavailable-subgraph.ts).
 */
class ProgramDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly serviceName: string, url: string) {
    super({ url });
  }

  override async willSendRequest(options: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"]>>[0]) {
    const { request, context } = options;
    if (!context?.internalToken) return; // the gateway's own health check of a subgraph: no caller
    request.http?.headers.set("x-request-id", context.requestId);
    // The operation name as resolved from the document (the client need not send operationName).
    const operationName = "incomingRequestContext" in options ? (options.incomingRequestContext.operationName ?? null) : null;
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, await context.internalToken(operationName));
  }

  override async process(options: Parameters<RemoteGraphQLDataSource<GatewayContext>["process"]>[0]) {
    try {
      return await super.process(options);
    } catch (error) {
      // The subgraph answered with an HTTP error and GraphQL errors (e.g. a variable it refused): pass them on.
      const body = (error as { extensions?: { response?: { body?: unknown } } }).extensions?.response?.body as { errors?: unknown[] } | undefined;
      if (body && typeof body === "object" && Array.isArray(body.errors)) return { errors: body.errors } as GatewayGraphQLResponse;
      const { query, variables } = options.request;
      if (!query) throw error;
      return unavailableResponse(this.serviceName, query, variables as Record<string, unknown> | undefined);
    }
  }
}

/** The service names and URLs declared in a supergraph (join__Graph enum values). */
export function subgraphsOf(supergraphSdl: string): { name: string; url: string }[] {
  return [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map((m) => ({ name: m[1], url: m[2] }));
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const supergraphSdl = readFileSync(config.supergraphPath, "utf8");
  const services = subgraphsOf(supergraphSdl).map(({ name, url }) => ({ name, url: config.subgraphUrls[name] ?? url }));
  const urlOf = Object.fromEntries(services.map((s) => [s.name, s.url]));

  const gateway = new ApolloGateway({
    supergraphSdl: supergraphForEnforcingGateway(supergraphSdl),
    experimental_didResolveQueryPlan: config.onQueryPlan ? ({ queryPlan }) => config.onQueryPlan!(queryPlan) : undefined,
    buildService: ({ name, url }) => new ProgramDataSource(name, urlOf[name] ?? url ?? ""),
  });

  // @apollo/gateway does not enforce @authenticated, @requiresScopes and @policy: this wrapper does, before planning.
  const requirements = readRequirements(supergraphSdl);
  const insecure = securityOff(process.env, "gateway");
  let apiSchema: GraphQLSchema | undefined;
  let partnerSchema: GraphQLSchema | undefined;
  const callerOf = (context: unknown) => (context as GatewayContext).caller;
  const securedGateway: GatewayInterface = {
    async load(options) {
      const { schema, executor } = await gateway.load(options);
      apiSchema = schema;
      partnerSchema = contractSchema(schema, supergraphSdl);
      if (insecure) return { schema, executor };
      const authorizing = authorizingExecutor(executor, () => apiSchema!, () => requirements, callerOf);
      return { schema, executor: contractIntrospection(authorizing, () => partnerSchema!, callerOf) };
    },
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
  };
  const signInternalToken = await internalTokenSigner();

  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const server = new ApolloServer<GatewayContext>({
    gateway: securedGateway,
    includeStacktraceInErrorResponses: false,
    // The process entry point handles SIGTERM/SIGINT (drain, close the store, exit); Apollo must not race it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      partnerContractPlugin<GatewayContext>(() => partnerSchema!, (context) => context.caller),
    ],
  });
  await server.start();

  app.get("/health", (_req, res) => {
    res.json({ status: "alive" });
  });
  app.get("/ready", async (_req, res) => {
    const checks = await Promise.all(
      services.map(async ({ name, url }) => {
        try {
          const response = await fetch(url.replace(/\/graphql$/, "/ready"), { signal: AbortSignal.timeout(2000) });
          return [name, response.ok ? "ready" : `not ready (HTTP ${response.status})`] as const;
        } catch {
          return [name, "unreachable"] as const;
        }
      }),
    );
    const ready = checks.every(([, state]) => state === "ready");
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "degraded", subgraphs: Object.fromEntries(checks) });
  });
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(server, {
      context: async ({ req, res }): Promise<GatewayContext> => {
        const requestId = typeof req.headers["x-request-id"] === "string" ? req.headers["x-request-id"].slice(0, 100) : randomUUID();
        res.setHeader("x-request-id", requestId);
        const caller = insecure ? BENCHMARK_CALLER : await authenticate(req.headers);
        const facts = requestFacts(req, requestId);
        let token: Promise<string> | undefined;
        return {
          requestId,
          caller,
          facts,
          internalToken: (operationName) => (token ??= signInternalToken({ caller, request: { ...facts, operationName: operationName ?? facts.operationName } })),
        };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const port = (httpServer.address() as { port: number }).port;
  return {
    url: `http://${config.host}:${port}/graphql`,
    port,
    gateway,
    async stop() {
      await server.stop();
    },
  };
}
