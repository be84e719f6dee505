/**
 * One log line and the metrics of every request: operation, caller's audience, outcome, error codes,
 * duration, response cache hit or miss. Never a variable, a result or a personal value.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { Logger } from "pino";
import type { GatewayContext } from "../context";
import type { GatewayMetrics } from "./metrics";

export function observabilityPlugin(metrics: GatewayMetrics, log: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName, errors, metrics: requestMetrics, overallCachePolicy }) {
          const seconds = (performance.now() - started) / 1000;
          const operation = metrics.operation(operationName);
          const codes = [...new Set([...(errors ?? []), ...(response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [])].map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR")))];
          metrics.requests.labels(operation, codes.length ? "error" : "ok").inc();
          for (const code of codes) metrics.errors.labels(code).inc();
          metrics.duration.labels(operation).observe(seconds);
          const cacheable = (overallCachePolicy?.maxAge ?? 0) > 0;
          // Personal answers are counted by the personal cache (shared/personal-cache.ts).
          if (overallCachePolicy?.scope !== "PRIVATE") {
            if (requestMetrics.responseCacheHit) metrics.cache.labels("public", "hit").inc();
            else if (cacheable) metrics.cache.labels("public", "miss").inc();
          }
          log.info({
            requestId: contextValue?.requestId, clientRequestId: contextValue?.facts?.clientRequestId ?? undefined, operation: operationName ?? null, audience: contextValue?.caller?.audience,
            status: response.http.status ?? 200, errors: codes, ms: Math.round(seconds * 1000), cache: requestMetrics.responseCacheHit ? "hit" : cacheable ? "miss" : undefined,
          }, "request");
        },
      };
    },
  };
}
