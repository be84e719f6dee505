/**
 * CORS through the real gateway: an allowlist of origins (CORS_ORIGINS), none by default. A browser
 * app on an allowed origin gets its preflight answered and may read the answer and its headers;
 * any other origin gets no CORS header at all, so the browser keeps it out.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { skipReason, authHeaders } from "../setup/graphql";
import { freePort } from "../../scripts/stack";
import { startGateway, type RunningGateway } from "../../gateway/server";
import { gatewayConfigFromEnv } from "../../gateway/config";
import { corsOriginsFromEnv } from "../../gateway/http/cors";

const PORTAL = "https://portal.example.go.kr";
const OTHER = "https://elsewhere.example.com";

function preflight(url: string, origin: string) {
  return fetch(url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
  });
}

describe.skipIf(skipReason())("CORS", () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    const saved = { CORS_ORIGINS: process.env.CORS_ORIGINS, EXPLORER: process.env.EXPLORER };
    Object.assign(process.env, { CORS_ORIGINS: `${PORTAL}, http://127.0.0.1:8080`, EXPLORER: "off" });
    try {
      gateway = await startGateway({ ...gatewayConfigFromEnv([], {}), port: await freePort(), subgraphUrls: inject("subgraphUrls") });
    } finally {
      for (const [key, value] of Object.entries(saved)) if (value === undefined) delete process.env[key]; else process.env[key] = value;
    }
  });
  afterAll(async () => gateway?.stop());

  it("answers an allowed origin's preflight: the methods, the token header, no credentials", async () => {
    const response = await preflight(gateway.url, PORTAL);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect(response.headers.get("access-control-allow-methods")).toBe("GET,POST");
    expect(response.headers.get("access-control-allow-headers")!.split(",")).toEqual(expect.arrayContaining(["authorization", "content-type"]));
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(response.headers.get("vary")).toMatch(/origin/i);
  });

  it("lets an allowed origin read the answer and the rate-limit and request-id headers", async () => {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { origin: PORTAL, "content-type": "application/json", ...(await authHeaders({ role: "counsellor", centers: ["chuncheon"] })) },
      body: JSON.stringify({ query: `{ person(id: "P00000968") { id } }` }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { person: { id: "P00000968" } } });
    expect(response.headers.get("access-control-allow-origin")).toBe(PORTAL);
    expect(response.headers.get("access-control-expose-headers")!.split(",")).toEqual(expect.arrayContaining(["x-request-id", "ratelimit-remaining", "retry-after"]));
  });

  it("gives an origin not on the list no CORS header, on the preflight or the request", async () => {
    const response = await preflight(gateway.url, OTHER);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("access-control-allow-headers")).toBeNull();
    const post = await fetch(gateway.url, { method: "POST", headers: { origin: OTHER, "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(post.headers.get("access-control-allow-origin")).toBeNull();
    // Nor does a look-alike of an allowed origin pass.
    for (const lookalike of [`${PORTAL}.evil.example`, "http://portal.example.go.kr", `${PORTAL}:8443`]) {
      expect((await preflight(gateway.url, lookalike)).headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("sends no CORS header at all with no CORS_ORIGINS (the stack's gateway)", async () => {
    const response = await preflight(inject("gatewayUrl"), PORTAL);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses a CORS_ORIGINS entry that is not an origin, naming it", () => {
    expect(corsOriginsFromEnv({})).toEqual([]);
    expect(() => corsOriginsFromEnv({ CORS_ORIGINS: "https://portal.example.go.kr/" })).toThrow(/"https:\/\/portal.example.go.kr\/" is not an origin/);
    expect(() => corsOriginsFromEnv({ CORS_ORIGINS: "*" })).toThrow(/"\*" is not an origin/);
  });
});
