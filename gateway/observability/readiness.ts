/**
 * The gateway's /ready: each subgraph's own /ready, and where the replicas' shared state is.
 * Ready while any subgraph is: the gateway answers the rest with located SUBGRAPH_UNAVAILABLE
 * errors, and one program's outage must not take every replica out of its Service. Redis is
 * reported, not required: without it the gateway serves on with per-replica state.
 */
import { isRedisUp, type SharedRedis } from "../shared/redis";
import type { SubgraphService } from "../supergraph-services";
import type { Readiness } from "./operations-server";

export function readinessCheck(services: () => SubgraphService[], redis: SharedRedis | null): () => Promise<Readiness> {
  return async () => {
    const checks = await Promise.all(
      services().map(async ({ name, url }) => {
        try {
          const response = await fetch(url.replace(/\/graphql$/, "/ready"), { signal: AbortSignal.timeout(2000) });
          return [name, response.ok ? "ready" : `not ready (HTTP ${response.status})`] as const;
        } catch {
          return [name, "unreachable"] as const;
        }
      }),
    );
    const up = checks.filter(([, state]) => state === "ready").length;
    const status = up === checks.length ? "ready" : up > 0 ? "degraded" : "unavailable";
    const sharedState = !redis ? "in memory (no REDIS_URL)" : isRedisUp(redis) ? "redis" : "redis unreachable: per-replica fallback";
    return { status: up > 0 ? 200 : 503, body: { status, subgraphs: Object.fromEntries(checks), sharedState } };
  };
}
