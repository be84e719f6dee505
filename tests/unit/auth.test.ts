/**
 * gateway/auth: real jose, real key and API-key files in a temp dir (set through the environment
 * before the modules are imported), no mocks.
 */
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import { GraphQLError } from "graphql";

const dir = mkdtempSync(join(tmpdir(), "naeil-auth-"));
process.env.AUTH_DEV_KEYS_DIR = join(dir, "dev-keys");
process.env.AUTH_API_KEYS_FILE = join(dir, "api-keys.json");
delete process.env.AUTH_JWKS_FILE;
delete process.env.AUTH_JWKS_URL;
delete process.env.AUTH_ISSUER;
delete process.env.AUTH_AUDIENCE;

const { authenticate } = await import("../../gateway/auth/verify");
const { devSigningKey, devKeys, isDevKeys } = await import("../../gateway/auth/keys");
const { createApiKey } = await import("../../gateway/auth/api-keys");

const root = fileURLToPath(new URL("../..", import.meta.url));
const ISSUER = "naeil-graph-dev";
const AUDIENCE = "naeil-graph";
const now = () => Math.floor(Date.now() / 1000);

let signing: { key: CryptoKey; kid: string };

beforeAll(async () => {
  signing = await devSigningKey();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface TokenOptions {
  claims?: Record<string, unknown>;
  key?: CryptoKey | Uint8Array;
  header?: Record<string, unknown>;
  iss?: string;
  aud?: string;
  exp?: number | null;
  nbf?: number;
}

async function token(options: TokenOptions = {}): Promise<string> {
  const jwt = new SignJWT(options.claims ?? { role: "analyst", sub: "analyst-unit" })
    .setProtectedHeader({ alg: "ES256", kid: signing.kid, typ: "JWT", ...options.header } as { alg: string })
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setIssuedAt();
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? now() + 600);
  if (options.nbf !== undefined) jwt.setNotBefore(options.nbf);
  return jwt.sign(options.key ?? signing.key);
}

const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });

/** The refusal, checked to be UNAUTHENTICATED with `reason` and to say nothing of the credential. */
async function refusal(headers: Record<string, string>, reason: string, secret: string): Promise<GraphQLError> {
  const error = await authenticate(headers).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  const graphQLError = error as GraphQLError;
  expect(graphQLError.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason });
  expect(graphQLError.message).not.toContain(secret);
  expect(JSON.stringify({ message: graphQLError.message, reason: graphQLError.extensions.reason })).not.toContain(secret);
  for (const part of secret.split(".").filter((p) => p.length > 8)) expect(graphQLError.message).not.toContain(part);
  return graphQLError;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("dev keys", () => {
  it("are generated once with a kid, kept as private JWK + public JWKS and reused", async () => {
    expect(isDevKeys()).toBe(true);
    const privateJwk = JSON.parse(readFileSync(join(dir, "dev-keys", "private.jwk.json"), "utf8")) as JWK;
    const jwks = JSON.parse(readFileSync(join(dir, "dev-keys", "jwks.json"), "utf8")) as { keys: JWK[] };
    expect(privateJwk).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", kid: signing.kid });
    expect(privateJwk.d).toBeTruthy();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0].kid).toBe(signing.kid);
    expect(jwks.keys[0].d).toBeUndefined();
    expect((await devKeys()).kid).toBe(signing.kid);
  });
});

describe("authenticate: valid tokens", () => {
  it("no credentials: anonymous", async () => {
    expect(await authenticate({})).toEqual({ audience: "anonymous", subject: null, scopes: [], via: "none" });
  });

  it("citizen: personId = sub", async () => {
    const jwt = await token({ claims: { role: "citizen", sub: "P00000042", scope: "learning-card:read person:read" } });
    expect(await authenticate(bearer(jwt))).toEqual({
      audience: "citizen",
      subject: "P00000042",
      personId: "P00000042",
      scopes: ["learning-card:read", "person:read"],
      via: "jwt",
    });
  });

  it("counsellor: centers", async () => {
    const jwt = await token({ claims: { role: "counsellor", sub: "counsellor-7", centers: ["gumi", "incheon"], scope: "person:read" } });
    expect(await authenticate(new Headers(bearer(jwt)))).toEqual({
      audience: "counsellor",
      subject: "counsellor-7",
      centers: ["gumi", "incheon"],
      scopes: ["person:read"],
      via: "jwt",
    });
  });

  it("analyst", async () => {
    const jwt = await token({ claims: { role: "analyst", sub: "analyst-1", scope: "statistics:read" } });
    expect(await authenticate({ Authorization: `bearer ${jwt}` })).toEqual({
      audience: "analyst",
      subject: "analyst-1",
      scopes: ["statistics:read"],
      via: "jwt",
    });
  });

  it("partner: partnerId and purpose", async () => {
    const jwt = await token({ claims: { role: "partner", sub: "svc", partner: "busan-techno", purpose: "job matching", scope: "learning-card:read" } });
    expect(await authenticate(bearer(jwt))).toEqual({
      audience: "partner",
      subject: "svc",
      partnerId: "busan-techno",
      purpose: "job matching",
      scopes: ["learning-card:read"],
      via: "jwt",
    });
  });

  it("a token expired less than the 30 s clock tolerance ago is still accepted", async () => {
    const jwt = await token({ exp: now() - 10 });
    expect((await authenticate(bearer(jwt))).audience).toBe("analyst");
  });
});

describe("authenticate: refused tokens, with the exact reason", () => {
  it("expired", async () => {
    const jwt = await token({ exp: now() - 120 });
    await refusal(bearer(jwt), "EXPIRED", jwt);
  });

  it("nbf in the future", async () => {
    const jwt = await token({ nbf: now() + 300 });
    await refusal(bearer(jwt), "NOT_YET_VALID", jwt);
  });

  it("wrong audience", async () => {
    const jwt = await token({ aud: "another-service" });
    await refusal(bearer(jwt), "WRONG_AUDIENCE", jwt);
  });

  it("wrong issuer", async () => {
    const jwt = await token({ iss: "https://evil.example" });
    await refusal(bearer(jwt), "WRONG_ISSUER", jwt);
  });

  it("bad signature: signed by another key under the same kid", async () => {
    const other = await generateKeyPair("ES256");
    const jwt = await token({ key: other.privateKey });
    await refusal(bearer(jwt), "BAD_SIGNATURE", jwt);
  });

  it("bad signature: payload altered after signing", async () => {
    const [h, , s] = (await token({ claims: { role: "citizen", sub: "P00000001" } })).split(".");
    const jwt = `${h}.${b64({ role: "citizen", sub: "P00000002", iss: ISSUER, aud: AUDIENCE, exp: now() + 600 })}.${s}`;
    await refusal(bearer(jwt), "BAD_SIGNATURE", jwt);
  });

  it("unknown kid", async () => {
    const other = await generateKeyPair("ES256");
    const jwt = await token({ key: other.privateKey, header: { kid: "someone-elses-key" } });
    await refusal(bearer(jwt), "UNKNOWN_KEY", jwt);
  });

  it('alg "none" (hand-built)', async () => {
    const payload = { role: "analyst", sub: "analyst-unit", iss: ISSUER, aud: AUDIENCE, exp: now() + 600 };
    for (const jwt of [`${b64({ alg: "none", typ: "JWT" })}.${b64(payload)}.`, `${b64({ alg: "none", kid: signing.kid })}.${b64(payload)}.`]) {
      await refusal(bearer(jwt), "ALGORITHM_NOT_ALLOWED", jwt);
    }
  });

  it("HS256 signed with the public key's bytes (algorithm confusion)", async () => {
    const publicJwk = (await devKeys()).publicJwks.keys[0];
    const publicKey = (await importJWK(publicJwk, "ES256")) as CryptoKey;
    const pem = await exportSPKI(publicKey);
    for (const secret of [new TextEncoder().encode(pem), new TextEncoder().encode(JSON.stringify(publicJwk))]) {
      const jwt = await token({ key: secret, header: { alg: "HS256" } });
      await refusal(bearer(jwt), "ALGORITHM_NOT_ALLOWED", jwt);
    }
  });

  it("garbage", async () => {
    for (const jwt of ["garbage", "abc.def.ghi", `bm90LWpzb24.${b64({ role: "analyst" })}.c2ln`, `${b64(["ES256"])}.${b64({})}.c2ln`, "a.b.c.d.e"]) {
      await refusal(bearer(jwt), "MALFORMED_TOKEN", jwt);
    }
    await refusal({ authorization: "Basic dXNlcjpwYXNzd29yZA==" }, "MALFORMED_TOKEN", "dXNlcjpwYXNzd29yZA==");
    await refusal({ authorization: "Bearer" }, "MALFORMED_TOKEN", "Bearer-nothing");
  });

  it("no exp", async () => {
    const jwt = await token({ exp: null });
    await refusal(bearer(jwt), "BAD_CLAIMS", jwt);
  });

  it("citizen without sub", async () => {
    const jwt = await token({ claims: { role: "citizen" } });
    await refusal(bearer(jwt), "BAD_CLAIMS", jwt);
  });

  it("other bad claims: unknown role, counsellor without centers, partner without purpose", async () => {
    for (const claims of [
      { role: "admin" },
      { role: "anonymous" },
      {},
      { role: "counsellor", sub: "c1" },
      { role: "counsellor", sub: "c1", centers: [] },
      { role: "counsellor", sub: "c1", centers: "gumi" },
      { role: "partner", partner: "busan-techno" },
      { role: "partner", purpose: "job matching" },
      { role: "analyst", scope: ["a", "b"] },
    ]) {
      const jwt = await token({ claims });
      await refusal(bearer(jwt), "BAD_CLAIMS", jwt);
    }
  });

  it("a refusal is a 401 with a Bearer challenge", async () => {
    const jwt = await token({ exp: now() - 120 });
    const error = await refusal(bearer(jwt), "EXPIRED", jwt);
    const http = error.extensions.http as unknown as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(401);
    expect(http.headers.get("www-authenticate")).toContain("Bearer");
  });
});

describe("API keys", () => {
  it("valid key -> the caller it was created for; only the hash is stored", async () => {
    const { key, record } = await createApiKey({ role: "partner", partner: "busan-techno", purpose: "job matching", scopes: ["learning-card:read"] });
    const [id, secret] = key.split(".");
    expect(id).toBe(record.id);
    const stored = readFileSync(process.env.AUTH_API_KEYS_FILE!, "utf8");
    expect(stored).not.toContain(secret);
    expect(JSON.parse(stored)[0]).toMatchObject({ id, role: "partner", partner: "busan-techno", scopes: ["learning-card:read"], purpose: "job matching" });
    expect(await authenticate({ "x-api-key": key })).toEqual({
      audience: "partner",
      subject: id,
      partnerId: "busan-techno",
      purpose: "job matching",
      scopes: ["learning-card:read"],
      via: "api-key",
    });
    const analyst = await createApiKey({ role: "analyst", scopes: ["statistics:read"] });
    expect(await authenticate({ "X-Api-Key": analyst.key })).toEqual({ audience: "analyst", subject: analyst.record.id, scopes: ["statistics:read"], via: "api-key" });
  });

  it("a key used again within the cache window (the cached path) gives the same caller as the first use", async () => {
    const partner = await createApiKey({ role: "partner", partner: "busan-techno", purpose: "job matching", scopes: ["learning-card:read"] });
    const analyst = await createApiKey({ role: "analyst", scopes: ["statistics:read"] });
    for (const { key, record } of [partner, analyst]) {
      const first = await authenticate({ "x-api-key": key });
      expect(first).toMatchObject({ audience: record.role, subject: record.id, via: "api-key" });
      expect(await authenticate({ "x-api-key": key })).toEqual(first);
      expect(await authenticate({ "x-api-key": key })).toEqual(first);
    }
  });

  it("wrong secret, unknown id, malformed key: UNKNOWN_API_KEY", async () => {
    const { key } = await createApiKey({ role: "analyst", scopes: [] });
    const [id, secret] = key.split(".");
    const wrongSecret = `${id}.${secret.slice(0, -4)}AAAA`;
    await refusal({ "x-api-key": wrongSecret }, "UNKNOWN_API_KEY", wrongSecret);
    const unknownId = `ak_0000000000000000.${secret}`;
    await refusal({ "x-api-key": unknownId }, "UNKNOWN_API_KEY", unknownId);
    await refusal({ "x-api-key": secret }, "UNKNOWN_API_KEY", secret);
  });

  it("a partner key needs a partner and a purpose", async () => {
    await expect(createApiKey({ role: "partner", partner: "x" })).rejects.toThrow(/purpose/);
  });
});

describe("JWKS file (AUTH_JWKS_FILE) and key rotation", () => {
  it("verifies RS256 and EdDSA tokens from the file, and picks up a rotated key", async () => {
    const jwksFile = join(dir, "jwks.json");
    const rsa = await generateKeyPair("RS256", { extractable: true });
    const ed = await generateKeyPair("EdDSA", { extractable: true });
    const rsaJwk = { ...(await exportJWK(rsa.publicKey)), kid: "rsa-1", alg: "RS256", use: "sig" };
    const edJwk = { ...(await exportJWK(ed.publicKey)), kid: "ed-1", alg: "EdDSA", use: "sig" };
    writeFileSync(jwksFile, JSON.stringify({ keys: [rsaJwk] }));
    process.env.AUTH_JWKS_FILE = jwksFile;
    try {
      expect(isDevKeys()).toBe(false);
      const rsaToken = await token({ key: rsa.privateKey, header: { alg: "RS256", kid: "rsa-1" } });
      expect((await authenticate(bearer(rsaToken))).audience).toBe("analyst");
      const devToken = await token();
      await refusal(bearer(devToken), "UNKNOWN_KEY", devToken);

      const edToken = await token({ key: ed.privateKey, header: { alg: "EdDSA", kid: "ed-1" } });
      await refusal(bearer(edToken), "UNKNOWN_KEY", edToken);
      // A rotation: the file rewritten, with a modification time of its own (set, not waited for).
      const before = statSync(jwksFile).mtime;
      writeFileSync(jwksFile, JSON.stringify({ keys: [rsaJwk, edJwk] }));
      const rotated = new Date(before.getTime() + 1_000);
      utimesSync(jwksFile, rotated, rotated);
      expect((await authenticate(bearer(edToken))).audience).toBe("analyst");
    } finally {
      delete process.env.AUTH_JWKS_FILE;
    }
  });
});

describe("JWKS URL (AUTH_JWKS_URL)", () => {
  it("fetches the key set; an unreachable one is AUTH_UNAVAILABLE (503), not the caller's fault", async () => {
    const rsa = await generateKeyPair("RS256", { extractable: true });
    const jwks = { keys: [{ ...(await exportJWK(rsa.publicKey)), kid: "remote-1", alg: "RS256", use: "sig" }] };
    const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(jwks)));
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const { port } = server.address() as AddressInfo;
    try {
      process.env.AUTH_JWKS_URL = `http://127.0.0.1:${port}/.well-known/jwks.json`;
      const jwt = await token({ key: rsa.privateKey, header: { alg: "RS256", kid: "remote-1" } });
      expect((await authenticate(bearer(jwt))).audience).toBe("analyst");
      server.close();
      process.env.AUTH_JWKS_URL = `http://127.0.0.1:${port}/other-path`; // a new key set, nothing listening
      const error = await authenticate(bearer(jwt)).catch((e: GraphQLError) => e);
      expect((error as GraphQLError).extensions).toMatchObject({ code: "AUTH_UNAVAILABLE" });
      expect((error as GraphQLError).message).not.toContain(jwt);
    } finally {
      delete process.env.AUTH_JWKS_URL;
      server.close();
    }
  });
});

describe("scripts/token.ts", () => {
  const run = promisify(execFile);
  const script = (args: string[], env: Record<string, string>) =>
    run(process.execPath, ["--import", "tsx", "scripts/token.ts", ...args], { cwd: root, env: { ...process.env, ...env } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it("prints a dev-signed token the gateway accepts", async () => {
    const result = await script(["--role", "counsellor", "--sub", "c-9", "--centers", "gumi,incheon", "--scopes", "person:read,learning-card:read", "--ttl", "120"], {});
    expect(result.code).toBe(0);
    const jwt = result.stdout.trim();
    expect(await authenticate(bearer(jwt))).toEqual({
      audience: "counsellor",
      subject: "c-9",
      centers: ["gumi", "incheon"],
      scopes: ["person:read", "learning-card:read"],
      via: "jwt",
    });
  });

  it("refuses (exit 2) when AUTH_JWKS_FILE is set", async () => {
    const result = await script(["--role", "analyst"], { AUTH_JWKS_FILE: join(dir, "jwks.json") });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/AUTH_JWKS_FILE is set/);
    expect(result.stderr).toMatch(/identity provider/);
  });
});
