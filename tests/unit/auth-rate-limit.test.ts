/**
 * Refused credentials are rate limited (gateway/context.ts): each one counts against the anonymous
 * budget of the client's address, so a flood of bad tokens or keys ends in RATE_LIMITED (429). The
 * request context is built by contextFactory with fake express req/res and an in-memory RateLimits
 * (no Redis). scrypt is wrapped (not replaced) to count what an unknown API key costs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scrypt } from "node:crypto";
import type { Request, Response } from "express";
import { GraphQLError } from "graphql";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});

const dir = mkdtempSync(join(tmpdir(), "naeil-auth-rl-"));
process.env.AUTH_DEV_KEYS_DIR = join(dir, "dev-keys");
process.env.AUTH_API_KEYS_FILE = join(dir, "api-keys.json");
delete process.env.AUTH_JWKS_FILE;
delete process.env.AUTH_JWKS_URL;

const { contextFactory } = await import("../../gateway/context");
const { authenticate } = await import("../../gateway/auth/verify");
const { createApiKey } = await import("../../gateway/auth/api-keys");
const { RateLimits } = await import("../../gateway/limits/rate-limit");
const { budgetsFromEnv } = await import("../../gateway/limits/budgets");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ANONYMOUS_BUDGET = 3;
const BAD_TOKEN = { authorization: "Bearer not-a-jwt" };
const UNKNOWN_KEY = { "x-api-key": `ak_00000000000000ff.${"s".repeat(43)}` };

type Headers = Record<string, string>;

function fakeRequest(headers: Headers, ip: string): Request {
  return { headers, ip, body: { query: "{ __typename }" }, query: {}, socket: { remoteAddress: ip } } as unknown as Request;
}

function fakeResponse(): Response & { sent: Map<string, string> } {
  const sent = new Map<string, string>();
  return { sent, setHeader: (name: string, value: string) => sent.set(name.toLowerCase(), value) } as unknown as Response & { sent: Map<string, string> };
}

let rateLimited: string[];
let context: ReturnType<typeof contextFactory>;

beforeEach(() => {
  rateLimited = [];
  const rateLimits = new RateLimits(budgetsFromEnv({ RATE_LIMIT_ANONYMOUS: String(ANONYMOUS_BUDGET) }), null);
  context = contextFactory({ insecure: false, rateLimits, signInternalToken: () => "internal-token", onRateLimited: (audience) => rateLimited.push(audience) });
});

/** What building the context for one request throws (fails the test when it does not throw). */
async function refusal(headers: Headers, ip: string, res = fakeResponse()): Promise<GraphQLError> {
  const error = await context({ req: fakeRequest(headers, ip), res }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

const httpStatus = (error: GraphQLError) => (error.extensions.http as unknown as { status: number }).status;

describe("refused credentials count against the address's anonymous budget", () => {
  it("a flood of bad tokens and unknown API keys is RATE_LIMITED (429) once the budget is spent", async () => {
    const codes: unknown[] = [];
    for (let i = 0; i < ANONYMOUS_BUDGET + 2; i++) codes.push((await refusal(i % 2 ? UNKNOWN_KEY : BAD_TOKEN, "203.0.113.7")).extensions.code);
    expect(codes).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED", "RATE_LIMITED", "RATE_LIMITED"]);
    const limited = await refusal(BAD_TOKEN, "203.0.113.7");
    expect(httpStatus(limited)).toBe(429);
    expect(limited.extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(rateLimited).toEqual(["anonymous", "anonymous", "anonymous"]);
  });

  it("within the budget, the original refusal is thrown unchanged (and the RateLimit headers are set)", async () => {
    for (const headers of [BAD_TOKEN, UNKNOWN_KEY]) {
      const direct = (await authenticate(headers).catch((e: unknown) => e)) as GraphQLError;
      expect(direct.extensions.code).toBe("UNAUTHENTICATED");
      const res = fakeResponse();
      const error = await refusal(headers, "198.51.100.1", res);
      expect(error.message).toBe(direct.message);
      expect(error.extensions).toEqual(direct.extensions);
      expect(httpStatus(error)).toBe(401);
      expect(res.sent.get("ratelimit-limit")).toBe(String(ANONYMOUS_BUDGET));
      expect(res.sent.has("ratelimit-remaining")).toBe(true);
    }
    expect(rateLimited).toEqual([]);
  });

  it("the budget is the address's anonymous one: spent, it refuses that address's anonymous requests, not other addresses'", async () => {
    for (let i = 0; i < ANONYMOUS_BUDGET; i++) await refusal(BAD_TOKEN, "203.0.113.8");
    expect((await refusal({}, "203.0.113.8")).extensions.code).toBe("RATE_LIMITED");
    const other = await context({ req: fakeRequest({}, "203.0.113.9"), res: fakeResponse() });
    expect(other.caller.audience).toBe("anonymous");
  });
});

describe("what a refused API key costs", () => {
  it("an unknown key id is refused without an scrypt hash; a known id with a wrong secret is hashed once", async () => {
    const { key } = await createApiKey({ role: "analyst", scopes: [] });
    const hashes = vi.mocked(scrypt);
    hashes.mockClear();
    for (const [i, presented] of [UNKNOWN_KEY["x-api-key"], "ak_0000000000000001.secret", "not-a-key", "ak_zz.secret"].entries()) {
      expect((await refusal({ "x-api-key": presented }, `192.0.2.${i + 10}`)).extensions.reason).toBe("UNKNOWN_API_KEY");
    }
    expect(hashes).not.toHaveBeenCalled();
    const [id, secret] = key.split(".");
    expect((await refusal({ "x-api-key": `${id}.${secret.slice(0, -4)}AAAA` }, "192.0.2.2")).extensions.reason).toBe("UNKNOWN_API_KEY");
    expect(hashes).toHaveBeenCalledTimes(1);
  });
});
