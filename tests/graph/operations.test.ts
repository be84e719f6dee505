/**
 * What the shared stack's gateway tells an operator, and the per-audience cost budgets:
 *   - GET /health answers {status: "alive"};
 *   - GET /metrics counts requests by operation and outcome, errors by code, latency per operation
 *     (histogram buckets) and per subgraph fetch, query-limit rejections by limit, and circuit states;
 *   - a document within a counsellor's cost budget (QUERY_COST_COUNSELLOR, 100,000) but above a
 *     partner's (QUERY_COST_PARTNER, 5,000) is refused for the partner with QUERY_LIMIT_EXCEEDED
 *     naming the limit, its maximum and the measured cost, and answered for the counsellor.
 * (Process-level behaviour, such as timeouts, reloads and shutdown, is in tests/replicas/operations.test.ts.)
 */
import { describe, expect, inject, it } from "vitest";
import { NETWORK_COUNSELLOR, graphql, skipReason, type As } from "../setup/graphql";
import { SUBGRAPH_NAMES } from "../../subgraphs";

const base = () => inject("gatewayUrl").replace(/\/graphql$/, "");

/** Every sample of a Prometheus text exposition, keyed by name and its labels in sorted order. */
function samples(text: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels = [...(match[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => `${m[1]}=${m[2]}`).sort();
    result.set(`${match[1]}{${labels.join(",")}}`, Number(match[3]));
  }
  return result;
}
const key = (name: string, labels: Record<string, string> = {}) => `${name}{${Object.entries(labels).map(([k, v]) => `${k}=${v}`).sort().join(",")}}`;
const scrape = async () => {
  const response = await fetch(`${inject("operationsUrl")}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
  return samples(await response.text());
};

/** A valid query nesting well past the anonymous depth limit (10). */
const TOO_DEEP = "query OpsMetricsDeep { employmentCenters { persons(first: 1) { edges { node { center { persons(first: 1) { edges { node { center { persons(first: 1) { edges { node { id } } } } } } } } } } } } }";

describe.skipIf(skipReason())("operations", () => {
  it("answers /health with alive", async () => {
    const response = await fetch(`${base()}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "alive" });
  });

  it("exports requests, errors, latency, subgraph fetches, query-limit rejections and circuit states at /metrics", async () => {
    const before = await scrape();
    const delta = (after: Map<string, number>, name: string, labels?: Record<string, string>) => (after.get(key(name, labels)) ?? 0) - (before.get(key(name, labels)) ?? 0);

    // Three answered requests of one operation (distinct page sizes: three fetches, no cache hit).
    for (const first of [11, 12, 13]) {
      const { status, data, errors } = await graphql("query OpsMetricsOk($first: Int) { trainingCourses(first: $first) { id } }", { first }, { as: "anonymous" });
      expect(status).toBe(200);
      expect(errors).toBeUndefined();
      expect(data.trainingCourses).toHaveLength(first);
    }
    // One the subgraph refuses (a page over 200): an error with its code.
    const bad = await graphql("query OpsMetricsBad { trainingCourses(first: 500) { id } }", undefined, { as: "anonymous" });
    expect(bad.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    // One the gateway refuses before planning: too deep for an anonymous caller.
    const deep = await graphql(TOO_DEEP, undefined, { as: "anonymous" });
    expect(deep.status).toBe(400);
    expect(deep.errors?.map((e) => [e.extensions?.code, e.extensions?.limit])).toEqual([["QUERY_LIMIT_EXCEEDED", "depth"]]);

    const after = await scrape();
    expect(delta(after, "naeil_gateway_requests_total", { operation: "OpsMetricsOk", outcome: "ok" })).toBe(3);
    expect(delta(after, "naeil_gateway_requests_total", { operation: "OpsMetricsOk", outcome: "error" })).toBe(0);
    expect(delta(after, "naeil_gateway_requests_total", { operation: "OpsMetricsBad", outcome: "error" })).toBe(1);
    expect(delta(after, "naeil_gateway_requests_total", { operation: "OpsMetricsDeep", outcome: "error" })).toBe(1);
    expect(delta(after, "naeil_gateway_errors_total", { code: "BAD_USER_INPUT" })).toBe(1);
    expect(delta(after, "naeil_gateway_errors_total", { code: "QUERY_LIMIT_EXCEEDED" })).toBe(1);
    expect(delta(after, "naeil_query_limit_rejections_total", { limit: "depth" })).toBe(1);
    expect(delta(after, "naeil_query_limit_rejections_total", { limit: "cost" })).toBe(0);

    // Latency per operation: a histogram with its buckets, cumulative, ending in +Inf = count.
    const les = ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"];
    const buckets = les.map((le) => after.get(key("naeil_gateway_request_duration_seconds_bucket", { le, operation: "OpsMetricsOk" })));
    expect(buckets.every((b) => typeof b === "number")).toBe(true);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!).toBeGreaterThanOrEqual(buckets[i - 1]!);
    expect(delta(after, "naeil_gateway_request_duration_seconds_bucket", { le: "+Inf", operation: "OpsMetricsOk" })).toBe(3);
    expect(delta(after, "naeil_gateway_request_duration_seconds_count", { operation: "OpsMetricsOk" })).toBe(3);
    expect(delta(after, "naeil_gateway_request_duration_seconds_sum", { operation: "OpsMetricsOk" })).toBeGreaterThan(0);

    // Per subgraph: the four learning-card fetches (a refusal with GraphQL errors is an answer: "ok"); the deep query fetched nothing.
    expect(delta(after, "naeil_subgraph_fetch_duration_seconds_count", { subgraph: "learning-card", outcome: "ok" })).toBe(4);
    expect(after.get(key("naeil_subgraph_fetch_duration_seconds_bucket", { le: "+Inf", subgraph: "learning-card", outcome: "ok" }))).toBe(
      after.get(key("naeil_subgraph_fetch_duration_seconds_count", { subgraph: "learning-card", outcome: "ok" })),
    );
    expect(delta(after, "naeil_subgraph_fetch_duration_seconds_count", { subgraph: "people", outcome: "ok" })).toBe(0);

    // Every subgraph's circuit, closed (0) on a healthy stack.
    expect(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, after.get(key("naeil_subgraph_circuit_state", { subgraph: name }))]))).toEqual(
      Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 0])),
    );
  });
});

describe.skipIf(skipReason() || !inject("redisUrl"))("query cost budgets per audience", () => {
  const partner: As = { role: "partner", sub: "client-ops", partner: "korea-polytechnics", purpose: "training placement", scope: "learning-card:read" };
  const fields = "id title provider industry hours tuition keyIndustry placementRate startsOn"; // 9 fields
  const pages = (n: number) => Array.from({ length: n }, (_, i) => `p${i}: trainingCourses(first: 200) { ${fields} }`).join(" ");
  // Each page costs 1 + 200 x 9 = 1,801 (gateway/limits/query-cost.ts).
  const threePages = `query PartnerCostThreePages { ${pages(3)} }`; // 5,403: over a partner's 5,000
  const twoPages = `query PartnerCostTwoPages { ${pages(2)} }`; // 3,602: within it

  it("refuses a partner a document over its budget, naming the limit and the measured cost", async () => {
    const { status, data, errors } = await graphql(threePages, undefined, { as: partner });
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit: "cost", max: 5_000, measured: 5_403 });
    expect(errors![0].message).toContain("cost may be at most 5000 for a partner (this operation: 5403)");
  });

  it("answers the same document for a counsellor, and a smaller one for the partner", async () => {
    const counsellor = await graphql(threePages, undefined, { as: NETWORK_COUNSELLOR });
    expect(counsellor.status).toBe(200);
    expect(counsellor.errors).toBeUndefined();
    for (const page of ["p0", "p1", "p2"]) {
      expect(counsellor.data[page]).toHaveLength(200);
      expect(counsellor.data[page][0].id).toBe("TC-0001");
      expect(counsellor.data[page][199].id).toBe("TC-0200");
    }
    const within = await graphql(twoPages, undefined, { as: partner });
    expect(within.status).toBe(200);
    expect(within.errors).toBeUndefined();
    expect(within.data.p0).toEqual(counsellor.data.p0);
    expect(within.data.p1).toEqual(counsellor.data.p0);
  });
});
