/**
 * Prometheus metrics (prom-client), served at GET /metrics. Labels stay bounded: operation names
 * are kept only for the first 200 seen (then "other"), never anything a caller could fill freely.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export class GatewayMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({ name: "naeil_gateway_requests_total", help: "GraphQL requests answered, by operation and outcome (ok, error).", labelNames: ["operation", "outcome"], registers: [this.registry] });
  readonly errors = new Counter({ name: "naeil_gateway_errors_total", help: "GraphQL errors returned, by extensions.code.", labelNames: ["code"], registers: [this.registry] });
  readonly duration = new Histogram({
    name: "naeil_gateway_request_duration_seconds", help: "Request latency at the gateway, by operation.", labelNames: ["operation"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry],
  });
  readonly subgraphDuration = new Histogram({
    name: "naeil_subgraph_fetch_duration_seconds", help: "Latency of each subgraph fetch, by subgraph and outcome.", labelNames: ["subgraph", "outcome"],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [this.registry],
  });
  readonly sharedFetches = new Counter({ name: "naeil_subgraph_fetches_shared_total", help: "Subgraph fetches not sent because they joined an identical in-flight anonymous fetch, by subgraph.", labelNames: ["subgraph"], registers: [this.registry] });
  readonly cache = new Counter({ name: "naeil_response_cache_total", help: "Response cache lookups, by data (public: shared by everyone; personal: a caller's own answers) and result (hit, miss).", labelNames: ["data", "result"], registers: [this.registry] });
  readonly rateLimited = new Counter({ name: "naeil_rate_limited_total", help: "Requests refused by the rate limit, by audience.", labelNames: ["audience"], registers: [this.registry] });
  readonly limitRejected = new Counter({ name: "naeil_query_limit_rejections_total", help: "Operations refused by a query limit, by limit.", labelNames: ["limit"], registers: [this.registry] });
  readonly circuit = new Gauge({ name: "naeil_subgraph_circuit_state", help: "Circuit breaker per subgraph: 0 closed, 1 half-open, 2 open.", labelNames: ["subgraph"], registers: [this.registry] });
  private readonly operations = new Set<string>();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "naeil_gateway_" });
  }

  /** A bounded label for an operation name. */
  operation(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (this.operations.has(name)) return name;
    if (this.operations.size >= 200 || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return "other";
    this.operations.add(name);
    return name;
  }
}
