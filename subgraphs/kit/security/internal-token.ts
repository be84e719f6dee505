/**
 * Zero trust between the gateway and the subgraphs: the gateway signs, for every client request, a
 * short-lived token carrying the caller and the request's audit facts; a subgraph serves GraphQL
 * only with a valid one (health checks excepted). Calling a subgraph directly, or forging
 * `_entities`, gets UNAUTHENTICATED and nothing else.
 *
 * EdDSA (Ed25519) key pair: only the gateway holds the private key, so a compromised subgraph cannot
 * speak for the gateway to the others.
 *   gateway:   INTERNAL_TOKEN_PRIVATE_KEY_FILE (a private JWK)
 *   subgraphs: INTERNAL_TOKEN_PUBLIC_KEY_FILE  (the public JWK)
 * Neither set: a development pair generated once into AUTH_DEV_KEYS_DIR (default .data/dev-keys).
 */
import { resolve, join } from "node:path";
import { readFileSync } from "node:fs";
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, type CryptoKey, type JWK } from "jose";
import type { Caller } from "./caller";
import { DEFAULT_DEV_KEYS_DIR, readOrCreate } from "./write-once";

export const INTERNAL_TOKEN_HEADER = "x-naeil-gateway-token";
const ISSUER = "naeil-graph-gateway";
const AUDIENCE = "naeil-graph-subgraphs";
const ALG = "EdDSA";
/** Long enough for the slowest request plan, short enough to be useless if it leaks. */
export const INTERNAL_TOKEN_TTL_SECONDS = 60;

/** What the gateway knows about the client request, for row rules and the access log. */
export interface RequestFacts {
  /** The gateway's own id for the request (random, never the client's). */
  requestId: string;
  /** The id the client sent in `x-request-id`, if any: untrusted, logged beside ours, never a key. */
  clientRequestId?: string | null;
  operationName: string | null;
  /** sha256 of the GraphQL document the client sent. */
  documentHash: string;
  clientAddress: string | null;
}

export interface InternalClaims {
  caller: Caller;
  request: RequestFacts;
}

function devPrivateKeyPath(env: NodeJS.ProcessEnv): string {
  return join(resolve(env.AUTH_DEV_KEYS_DIR ?? DEFAULT_DEV_KEYS_DIR), "internal.private.jwk.json");
}

async function devPrivateJwk(env: NodeJS.ProcessEnv): Promise<JWK> {
  const text = await readOrCreate(devPrivateKeyPath(env), async () => {
    const { privateKey } = await generateKeyPair(ALG, { crv: "Ed25519", extractable: true });
    return JSON.stringify({ ...(await exportJWK(privateKey)), alg: ALG }, null, 2) + "\n";
  });
  return JSON.parse(text) as JWK;
}

function readJwk(path: string, what: string): JWK {
  try {
    return JSON.parse(readFileSync(resolve(path), "utf8")) as JWK;
  } catch {
    throw new Error(`${what} ${path} is not a readable JWK.`);
  }
}

async function privateJwk(env: NodeJS.ProcessEnv): Promise<JWK> {
  return env.INTERNAL_TOKEN_PRIVATE_KEY_FILE ? readJwk(env.INTERNAL_TOKEN_PRIVATE_KEY_FILE, "INTERNAL_TOKEN_PRIVATE_KEY_FILE") : devPrivateJwk(env);
}

async function publicJwk(env: NodeJS.ProcessEnv): Promise<JWK> {
  if (env.INTERNAL_TOKEN_PUBLIC_KEY_FILE) return readJwk(env.INTERNAL_TOKEN_PUBLIC_KEY_FILE, "INTERNAL_TOKEN_PUBLIC_KEY_FILE");
  const { d: _secret, ...publicPart } = await devPrivateJwk(env);
  return publicPart;
}

/** The gateway's signer: one token per client request, reused for every subgraph fetch of it. */
export async function internalTokenSigner(env: NodeJS.ProcessEnv = process.env): Promise<(claims: InternalClaims) => Promise<string>> {
  const key = (await importJWK(await privateJwk(env), ALG)) as CryptoKey;
  return (claims) =>
    new SignJWT({ clr: claims.caller, req: claims.request })
      .setProtectedHeader({ alg: ALG })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${INTERNAL_TOKEN_TTL_SECONDS}s`)
      .sign(key);
}

/** A subgraph's verifier: the claims of a valid token, or null (missing, forged, expired...). */
export async function internalTokenVerifier(env: NodeJS.ProcessEnv = process.env): Promise<(token: string | undefined) => Promise<InternalClaims | null>> {
  const key = (await importJWK(await publicJwk(env), ALG)) as CryptoKey;
  return async (token) => {
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: [ALG], issuer: ISSUER, audience: AUDIENCE, clockTolerance: 5, requiredClaims: ["exp"] });
      const caller = payload.clr as Caller | undefined;
      const request = payload.req as RequestFacts | undefined;
      if (!caller?.audience || !request?.requestId) return null;
      return { caller, request };
    } catch {
      return null;
    }
  };
}
