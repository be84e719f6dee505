/**
 * Gateway settings, all from the environment (see README "Environment").
 * Subgraph URLs: <NAME>_URL (e.g. LEARNING_CARD_URL); otherwise the URL in the supergraph.
 */
import { fileURLToPath } from "node:url";
import { envPrefix } from "../platform/service-env";
import { PERSONAL_MAX_AGE_SECONDS } from "../platform/cache-control";

export interface GatewayConfig {
  port: number;
  host: string;
  /** Port of the operations endpoints (/metrics, /health, /ready), apart from the public one; 0: any free port. */
  operationsPort: number;
  operationsHost: string;
  supergraphPath: string;
  /** Subgraph URL overrides by service name. */
  subgraphUrls: Record<string, string>;
  /** Shared state of the replicas; null: in this replica's memory. */
  redisUrl: string | null;
  /** Prefix of every Redis key (several deployments may share one Redis). */
  redisKeyPrefix: string;
  /** Persisted query manifests read at start (the safelist when Redis is away). */
  persistedQueriesDir: string;
  /** The access store (audit log) the personal cache records its reuses in; null: no personal cache. */
  accessDatabaseUrl: string | null;
  /** Longest life of a personal cache entry in seconds (0: no personal cache). */
  personalCacheSeconds: number;
  /** Called with every query plan the gateway resolves (tests count fetches per subgraph with it). */
  onQueryPlan?: (queryPlan: unknown) => void;
}

/** OPERATIONS_PORT unset: any free port (logged at start); deploy/ sets 9464, the Prometheus exporters' convention. */
export const DEFAULT_OPERATIONS_PORT = 0;
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL("../schema/supergraph.graphql", import.meta.url));
export const DEFAULT_PERSISTED_QUERIES_DIR = fileURLToPath(new URL("../persisted-queries", import.meta.url));

export function subgraphUrlOverrides(names: readonly string[], env = process.env): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const name of names) {
    const url = env[`${envPrefix(name)}_URL`];
    if (url) urls[name] = url;
  }
  return urls;
}

export function gatewayConfigFromEnv(names: readonly string[], env = process.env): GatewayConfig {
  return {
    port: Number(env.GATEWAY_PORT ?? 4000),
    host: env.GATEWAY_HOST ?? "127.0.0.1",
    operationsPort: Number(env.OPERATIONS_PORT ?? DEFAULT_OPERATIONS_PORT),
    operationsHost: env.OPERATIONS_HOST ?? env.GATEWAY_HOST ?? "127.0.0.1",
    supergraphPath: env.SUPERGRAPH_PATH ?? DEFAULT_SUPERGRAPH_PATH,
    subgraphUrls: subgraphUrlOverrides(names, env),
    redisUrl: env.REDIS_URL || null,
    redisKeyPrefix: env.REDIS_KEY_PREFIX ?? "naeil:",
    persistedQueriesDir: env.PERSISTED_QUERIES_DIR ?? DEFAULT_PERSISTED_QUERIES_DIR,
    accessDatabaseUrl: env.ACCESS_DATABASE_URL || env.DATABASE_URL || null,
    personalCacheSeconds: Number(env.PERSONAL_CACHE_SECONDS ?? PERSONAL_MAX_AGE_SECONDS),
  };
}
