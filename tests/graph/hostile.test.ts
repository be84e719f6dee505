/**
 * The hostile-query corpus: each request gets a clear error with a stable code (within the test's
 * timeout: how fast is the benchmark's business), and the gateway answers the next ordinary request
 * normally.
 */
import { describe, expect, inject, it } from "vitest";
import { authHeaders, skipReason } from "../setup/graphql";

const NORMAL = JSON.stringify({ query: "{ employmentCenters(region: GYEONGBUK) { id } }" });
/** The ordinary request's answer: the network's two centers in Gyeongbuk (Gumi and Pohang), by id. */
const NORMAL_ANSWER = { data: { employmentCenters: [{ id: "gumi" }, { id: "pohang" }] } };
const json = { "content-type": "application/json" };

async function send(init: RequestInit & { path?: string }) {
  const response = await fetch(inject("gatewayUrl") + (init.path ?? ""), { method: "POST", ...init });
  const text = await response.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: response.status, body, text };
}

/** A valid query nesting `depth` levels: centers -> persons -> edges -> node -> center -> persons ... */
function deepQuery(depth: number): string {
  let inner = "id";
  let levels = 1;
  while (levels < depth) {
    inner = `persons(first: 1) { edges { node { center { ${inner} } } } }`;
    levels += 4;
  }
  return `{ employmentCenters { ${inner} } }`;
}

const partner = { role: "partner", sub: "client-x", partner: "incheon-city", purpose: "job matching", scope: "learning-card:read" };

describe.skipIf(skipReason())("hostile requests", () => {
  const corpus: [string, () => Promise<RequestInit & { path?: string }>, number, string][] = [
    ["depth 200", async () => ({ headers: { ...json, ...(await authHeaders({ role: "analyst" })) }, body: JSON.stringify({ query: deepQuery(200) }) }), 400, "QUERY_LIMIT_EXCEEDED"],
    ["10,000 aliases", async () => ({ headers: json, body: JSON.stringify({ query: `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(" ")} }` }) }), 400, "GRAPHQL_PARSE_FAILED"],
    ["200 aliases (within the token limit)", async () => ({ headers: json, body: JSON.stringify({ query: `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: __typename`).join(" ")} }` }) }), 400, "QUERY_LIMIT_EXCEEDED"],
    ["a fragment cycle", async () => ({ headers: json, body: JSON.stringify({ query: "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }" }) }), 400, "GRAPHQL_VALIDATION_FAILED"],
    ["a 5 MB body", async () => ({ headers: json, body: JSON.stringify({ query: `{ __typename }`, variables: { pad: "x".repeat(5 * 1024 * 1024) } }) }), 413, "PAYLOAD_TOO_LARGE"],
    ["1,000 batched operations", async () => ({ headers: json, body: JSON.stringify(Array.from({ length: 1000 }, () => ({ query: "{ __typename }" }))) }), 400, "BAD_REQUEST"],
    ["invalid JSON", async () => ({ headers: json, body: '{"query": "{ __typename }"' }), 400, "BAD_REQUEST"],
    ["a wrong content type", async () => ({ headers: { "content-type": "text/plain" }, body: NORMAL }), 400, "BAD_REQUEST"],
    ["a mutation over GET (CSRF)", async () => ({ method: "GET", path: `?query=${encodeURIComponent('mutation { revokeConsent(id: "C-1") { id } }')}`, headers: { "apollo-require-preflight": "true" } }), 405, "BAD_REQUEST"],
    ["an unknown persisted query hash", async () => ({ headers: json, body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }) }), 200, "PERSISTED_QUERY_NOT_FOUND"],
    ["introspection from a partner (not a registered operation)", async () => ({ headers: { ...json, ...(await authHeaders(partner)) }, body: JSON.stringify({ query: "{ __schema { types { name fields { name } } } }" }) }), 400, "PERSISTED_QUERY_NOT_ALLOWED"],
    ["a list-heavy query over the cost budget", async () => ({ headers: json, body: JSON.stringify({ query: "{ trainingCourses(first: 1000) { id title } employmentCenters { consortiumMembers { name } } }" }) }), 400, "QUERY_LIMIT_EXCEEDED"],
  ];

  it.each(corpus)("answers %s with a clear error and keeps serving", async (_name, make, status, code) => {
    const refused = await send(await make());
    expect(refused.status, refused.text.slice(0, 300)).toBe(status);
    expect(refused.body?.errors?.map((e: any) => e.extensions?.code), refused.text.slice(0, 300)).toEqual([code]);
    expect(refused.body.errors[0].message.length).toBeGreaterThan(10);
    const next = await send({ headers: json, body: NORMAL });
    expect(next.status).toBe(200);
    expect(next.body).toEqual(NORMAL_ANSWER);
  });

  it("names the limit, its maximum and the measured value", async () => {
    const { body } = await send({ headers: json, body: JSON.stringify({ query: deepQuery(40) }) });
    expect(body.errors[0].extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit: "depth", max: 10, measured: expect.any(Number) });
    expect(body.errors[0].extensions.measured).toBeGreaterThan(10);
    const costly = await send({ headers: json, body: JSON.stringify({ query: "{ trainingCourses(first: 1000) { id title } }" }) });
    expect(costly.body.errors[0].extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit: "cost", max: 2000, measured: 2001 });
  });

  it("gives analysts a bigger budget than anonymous callers", async () => {
    const query = JSON.stringify({ query: "{ trainingCourses(first: 150) { id title provider } }" });
    const anonymous = await send({ headers: json, body: query });
    expect(anonymous.body.errors?.[0].extensions.code).toBeUndefined();
    const big = JSON.stringify({ query: deepQuery(14) });
    expect((await send({ headers: json, body: big })).body.errors[0].extensions.code).toBe("QUERY_LIMIT_EXCEEDED");
    const analyst = await send({ headers: { ...json, ...(await authHeaders({ role: "analyst" })) }, body: big });
    expect(analyst.body.errors).toBeUndefined();
    // The same document (one parsed DocumentNode, checked once per audience) is still refused anonymously.
    const again = await send({ headers: json, body: big });
    expect(again.body.errors[0].extensions).toMatchObject({ code: "QUERY_LIMIT_EXCEEDED", limit: "depth", max: 10 });
  });

  it("suggests no field names to callers outside the ministry", async () => {
    const anonymous = await send({ headers: json, body: JSON.stringify({ query: "{ employmentCenter(id: \"gumi\") { nam } }" }) });
    expect(anonymous.body.errors[0].message).not.toContain("Did you mean");
    const counsellor = await send({ headers: { ...json, ...(await authHeaders({ role: "counsellor", centers: ["gumi"] })) }, body: JSON.stringify({ query: "{ employmentCenter(id: \"gumi\") { nam } }" }) });
    expect(counsellor.body.errors[0].message).toContain("Did you mean");
  });
});
