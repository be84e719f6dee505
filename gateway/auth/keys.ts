/**
 * The keys tokens are verified with, from the environment:
 * - AUTH_JWKS_FILE: a JSON Web Key Set file (re-read when a token names a kid it lacks and the file changed: rotation);
 * - AUTH_JWKS_URL: the identity provider's JWKS endpoint (jose createRemoteJWKSet: cached, refetched on an unknown kid);
 * - neither: a development ES256 key pair, generated on first use into AUTH_DEV_KEYS_DIR
 *   (default .data/dev-keys/: private.jwk.json + jwks.json) and reused afterwards. Never for production.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_DEV_KEYS_DIR, readOrCreate } from "../../platform/security/write-once";
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from "jose";

export const DEV_KEY_ALG = "ES256";

type KeySource = { kind: "file"; path: string } | { kind: "url"; url: URL } | { kind: "dev"; dir: string };

function keySource(env: NodeJS.ProcessEnv = process.env): KeySource {
  if (env.AUTH_JWKS_FILE) return { kind: "file", path: resolve(env.AUTH_JWKS_FILE) };
  if (env.AUTH_JWKS_URL) return { kind: "url", url: new URL(env.AUTH_JWKS_URL) };
  return { kind: "dev", dir: resolve(env.AUTH_DEV_KEYS_DIR ?? DEFAULT_DEV_KEYS_DIR) };
}

/** True when neither AUTH_JWKS_FILE nor AUTH_JWKS_URL is set: tokens are checked against the local dev key. */
export function isDevKeys(env: NodeJS.ProcessEnv = process.env): boolean {
  return keySource(env).kind === "dev";
}

// ---------------------------------------------------------------------------------------------- dev keys

export interface DevKeys {
  dir: string;
  kid: string;
  privateJwk: JWK;
  publicJwks: JSONWebKeySet;
}

const devKeysByDir = new Map<string, Promise<DevKeys>>();
let devKeysAnnounced = false;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

async function createPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(DEV_KEY_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const { d: _private, ...publicPart } = jwk;
  return { ...jwk, kid: await calculateJwkThumbprint(publicPart), alg: DEV_KEY_ALG, use: "sig" };
}

async function loadOrCreateDevKeys(dir: string): Promise<DevKeys> {
  const privatePath = join(dir, "private.jwk.json");
  const publicPath = join(dir, "jwks.json");
  let privateJwk: JWK;
  try {
    privateJwk = JSON.parse(await readOrCreate(privatePath, async () => JSON.stringify(await createPrivateJwk(), null, 2) + "\n")) as JWK;
  } catch {
    throw new Error(`Cannot read the dev signing key ${privatePath}: delete it to regenerate.`);
  }
  if (privateJwk.kty !== "EC" || privateJwk.crv !== "P-256" || !privateJwk.d || !privateJwk.kid) {
    throw new Error(`The dev signing key ${privatePath} is not an ES256 private JWK with a kid: delete it to regenerate.`);
  }
  const { d: _private, ...publicJwk } = privateJwk;
  const publicJwks: JSONWebKeySet = { keys: [publicJwk] };
  const publicText = JSON.stringify(publicJwks, null, 2) + "\n";
  let current: string | undefined;
  try {
    current = readFileSync(publicPath, "utf8");
  } catch {
    current = undefined;
  }
  if (current !== publicText) writeFileSync(publicPath, publicText);
  if (!devKeysAnnounced) {
    devKeysAnnounced = true;
    console.error(`[auth] dev keys in use (${dir}): set AUTH_JWKS_FILE or AUTH_JWKS_URL outside development`);
  }
  return { dir, kid: privateJwk.kid, privateJwk, publicJwks };
}

/** The dev key pair (generated on first use). Throws when AUTH_JWKS_FILE or AUTH_JWKS_URL is set. */
export function devKeys(env: NodeJS.ProcessEnv = process.env): Promise<DevKeys> {
  const source = keySource(env);
  if (source.kind !== "dev") throw new Error("Dev keys are disabled because AUTH_JWKS_FILE or AUTH_JWKS_URL is set.");
  let keys = devKeysByDir.get(source.dir);
  if (!keys) {
    keys = loadOrCreateDevKeys(source.dir);
    devKeysByDir.set(source.dir, keys);
    keys.catch(() => devKeysByDir.delete(source.dir));
  }
  return keys;
}

/** The dev private key, ready for jose SignJWT (scripts/token.ts, tests). */
export async function devSigningKey(env: NodeJS.ProcessEnv = process.env): Promise<{ key: CryptoKey; kid: string; alg: typeof DEV_KEY_ALG }> {
  const { privateJwk, kid } = await devKeys(env);
  return { key: (await importJWK(privateJwk, DEV_KEY_ALG)) as CryptoKey, kid, alg: DEV_KEY_ALG };
}

// ------------------------------------------------------------------------------------ verification keys

function fileKeySet(path: string): JWTVerifyGetKey {
  let loaded: { mtimeMs: number; keySet: JWTVerifyGetKey } | undefined;
  const load = () => {
    const { mtimeMs } = statSync(path);
    if (loaded?.mtimeMs !== mtimeMs) {
      let jwks: JSONWebKeySet;
      try {
        jwks = readJson<JSONWebKeySet>(path);
      } catch {
        throw new Error(`AUTH_JWKS_FILE ${path} is not a readable JSON Web Key Set.`);
      }
      loaded = { mtimeMs, keySet: createLocalJWKSet(jwks) };
    }
    return loaded;
  };
  load(); // a missing or broken file fails at start, not at the first request
  return async (header, token) => {
    const current = loaded ?? load();
    try {
      return await current.keySet(header, token);
    } catch (error) {
      // A kid we lack may be a rotated key: re-read the file once if it changed since.
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      const fresh = load();
      if (fresh === current) throw error;
      return fresh.keySet(header, token);
    }
  };
}

const resolvers = new Map<string, Promise<JWTVerifyGetKey>>();

/** The key resolver for jose jwtVerify, for the current environment (built once per source). */
export function verificationKeys(env: NodeJS.ProcessEnv = process.env): Promise<JWTVerifyGetKey> {
  const source = keySource(env);
  const id = source.kind === "file" ? `file:${source.path}` : source.kind === "url" ? `url:${source.url}` : `dev:${source.dir}`;
  let resolver = resolvers.get(id);
  if (!resolver) {
    resolver = (async (): Promise<JWTVerifyGetKey> => {
      if (source.kind === "file") return fileKeySet(source.path);
      if (source.kind === "url") return createRemoteJWKSet(source.url, { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
      return createLocalJWKSet((await devKeys(env)).publicJwks);
    })();
    resolvers.set(id, resolver);
    resolver.catch(() => resolvers.delete(id));
  }
  return resolver;
}

