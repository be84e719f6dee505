/**
 * Zero trust between the gateway and the subgraphs: the gateway signs, for every subgraph fetch, a
 * token carrying the caller and the request's audit facts, made for that one subgraph and that one
 * fetch; a subgraph serves GraphQL only with a valid one (health checks excepted). Calling a
 * subgraph directly, forging `_entities`, or replaying a token captured from another fetch gets
 * UNAUTHENTICATED and nothing else.
 *
 * What binds a token to one fetch, and why these three together:
 * - `aud`: the subgraph's name. Each subgraph knows its own and refuses any other, so a token taken
 *   from the journey subgraph's traffic opens nothing at people.
 * - `bdy`: sha256 of the exact HTTP body the gateway sends (the query and its variables, byte for
 *   byte). The subgraph hashes the body it received before parsing it; another document, other
 *   variables or other representations do not match. A token is a permission for one question.
 * - `exp` 10 s after `iat` and a one-time `jti`: the gateway signs right before it sends, so the
 *   token needs to live only as long as the trip (the subgraph checks it on arrival, before any
 *   queueing), and the gateway gives up on a fetch after SUBGRAPH_TIMEOUT_MS (5 s) anyway; 5 s of
 *   clock skew are allowed either way. Within that window each subgraph process
 *   accepts a `jti` once, so even the identical request cannot be replayed to that process (a
 *   replayed mutation would apply twice). The memory is per process: replicas of one subgraph do not
 *   share it, which leaves an identical replay to another replica of the same subgraph within the
 *   window; it returns the answer the original request got (the attacker who could read the token
 *   could read that answer too) and a second access record. Sharing `jti`s across replicas would put
 *   a store round trip on every fetch of every subgraph; the body binding and the short life make it
 *   unnecessary.
 * A token per fetch costs one signature per fetch instead of one per request, so signing and
 * verifying use node:crypto's Ed25519 directly: 0.08 ms of CPU to sign and 0.13 ms to verify, against
 * 0.18 and 0.20 ms through jose and WebCrypto (`npx tsx bench/internal-token.ts`). The cross-program
 * query's six fetches cost about the CPU the one token per request cost before, since each subgraph
 * verified it through jose anyway. The token is a standard compact JWS (JWT, alg EdDSA).
 *
 * EdDSA (Ed25519) key pair: only the gateway holds the private key, so a compromised subgraph cannot
 * speak for the gateway to the others.
 *   gateway:   INTERNAL_TOKEN_PRIVATE_KEY_FILE (a private JWK)
 *   subgraphs: INTERNAL_TOKEN_PUBLIC_KEY_FILE  (the public JWK)
 * Neither set: a development pair generated once into AUTH_DEV_KEYS_DIR (default .data/dev-keys).
 */
import { resolve, join } from "node:path";
import { readFileSync } from "node:fs";
import { createPrivateKey, createPublicKey, randomUUID, sign, verify, type KeyObject } from "node:crypto";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import type { Caller } from "./caller";
import { sha256Base64url } from "../digest";
import { DEFAULT_DEV_KEYS_DIR, readOrCreate } from "./write-once";

export const INTERNAL_TOKEN_HEADER = "x-naeil-gateway-token";
const ISSUER = "naeil-graph-gateway";
const ALG = "EdDSA";
/** The time a fetch takes to reach the subgraph, with room to spare; useless once it has arrived. */
export const INTERNAL_TOKEN_TTL_SECONDS = 10;
/** Clock skew allowed between the gateway and a subgraph, either way. */
const CLOCK_TOLERANCE_SECONDS = 5;
const HEADER = Buffer.from(JSON.stringify({ alg: ALG, typ: "JWT" })).toString("base64url");

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

/** The one fetch a token is made for: the subgraph's name and the exact body sent to it. */
export interface Fetch {
  subgraph: string;
  body: string | Buffer;
}

/** sha256 of a request body, as the token's `bdy` carries it. */
export function bodyHash(body: string | Buffer): string {
  return sha256Base64url(body);
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

function ed25519Key(jwk: JWK, kind: "private" | "public"): KeyObject {
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519") throw new Error("The internal token key must be an Ed25519 JWK (kty OKP, crv Ed25519).");
  const key = { key: jwk as import("node:crypto").JsonWebKey, format: "jwk" as const };
  return kind === "private" ? createPrivateKey(key) : createPublicKey(key);
}

export type InternalTokenSigner = (claims: InternalClaims, fetch: Fetch) => string;

/** The gateway's signer: one token per subgraph fetch. */
export async function internalTokenSigner(env: NodeJS.ProcessEnv = process.env): Promise<InternalTokenSigner> {
  const key = ed25519Key(await privateJwk(env), "private");
  return (claims, fetch) => {
    const iat = Math.floor(Date.now() / 1000);
    const payload = {
      iss: ISSUER,
      aud: fetch.subgraph,
      iat,
      exp: iat + INTERNAL_TOKEN_TTL_SECONDS,
      jti: randomUUID(),
      bdy: bodyHash(fetch.body),
      clr: claims.caller,
      req: claims.request,
    };
    const input = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
    return `${input}.${sign(null, Buffer.from(input), key).toString("base64url")}`;
  };
}

/** A token whose signature, issuer, audience and life hold, before its body is compared. */
export interface AdmittedToken extends InternalClaims {
  jti: string;
  bodyHash: string;
  exp: number;
}

/**
 * `jti`s seen in the last two windows of a token's longest acceptance (life plus skew either way):
 * each is refused a second time, in O(1) memory per token in flight.
 */
class SeenTokens {
  private current = new Set<string>();
  private previous = new Set<string>();
  private rotatedAt = Date.now();
  private readonly windowMs = (INTERNAL_TOKEN_TTL_SECONDS + 2 * CLOCK_TOLERANCE_SECONDS) * 1000;

  /** True the first time `jti` is offered, false after. */
  once(jti: string): boolean {
    const now = Date.now();
    if (now - this.rotatedAt > this.windowMs) {
      this.previous = now - this.rotatedAt > 2 * this.windowMs ? new Set() : this.current;
      this.current = new Set();
      this.rotatedAt = now;
    }
    if (this.current.has(jti) || this.previous.has(jti)) return false;
    this.current.add(jti);
    return true;
  }
}

export interface InternalTokenVerifier {
  /** Signature, issuer, audience (this subgraph) and life: the token's claims, or null. */
  admit(token: string | undefined): AdmittedToken | null;
  /** The body received is the one the token was made for, and the token was not used before. */
  matches(token: AdmittedToken, body: Buffer | undefined): boolean;
}

function parsePayload(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** A subgraph's verifier, for the subgraph named `subgraph`. */
export async function internalTokenVerifier(subgraph: string, env: NodeJS.ProcessEnv = process.env): Promise<InternalTokenVerifier> {
  const key = ed25519Key(await publicJwk(env), "public");
  const seen = new SeenTokens();
  return {
    admit(token) {
      if (!token || token.length > 16_384) return null;
      const parts = token.split(".");
      if (parts.length !== 3) return null;
      const [header, body, signature] = parts;
      const protectedHeader = parsePayload(header);
      if (protectedHeader?.alg !== ALG || Object.keys(protectedHeader).some((k) => k !== "alg" && k !== "typ")) return null;
      if (!verify(null, Buffer.from(`${header}.${body}`), key, Buffer.from(signature, "base64url"))) return null;
      const payload = parsePayload(body);
      if (!payload) return null;
      const now = Math.floor(Date.now() / 1000);
      const { iss, aud, iat, exp, jti, bdy } = payload;
      if (iss !== ISSUER || aud !== subgraph) return null;
      if (typeof iat !== "number" || typeof exp !== "number" || typeof jti !== "string" || typeof bdy !== "string") return null;
      if (exp - iat > INTERNAL_TOKEN_TTL_SECONDS || iat > now + CLOCK_TOLERANCE_SECONDS || exp < now - CLOCK_TOLERANCE_SECONDS) return null;
      const caller = payload.clr as Caller | undefined;
      const request = payload.req as RequestFacts | undefined;
      if (!caller?.audience || !request?.requestId) return null;
      return { caller, request, jti, bodyHash: bdy, exp };
    },
    matches(token, body) {
      return body !== undefined && bodyHash(body) === token.bodyHash && seen.once(token.jti);
    },
  };
}
