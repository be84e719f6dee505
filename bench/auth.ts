/**
 * The one place where the benchmark gets credentials (development keys, as `npm run token` uses).
 *
 * benchHeaders(role): what a client of the graph sends. Every gateway target (ours, bare, hive) and
 *   the direct floor get the same request: `Authorization: Bearer <dev JWT>` for the role. A
 *   counsellor token lists every center (it must read the random persons the scenarios pick); an
 *   analyst token sees every person, pseudonymised; "public" sends nothing (anonymous).
 *
 * directHeaders(authorization): what a request that goes straight to a subgraph carries instead: the
 *   gateway's internal token (x-naeil-gateway-token) for the caller named by the client's bearer token
 *   (decoded, not verified: the bare and hive gateways and the direct floor do no authentication).
 *   Used by the direct floor and by the bare and hive gateways for their subgraph fetches. Tokens
 *   live 60 s, so one is signed per caller and reused for 30 s: ours signs one per request (its cost).
 */
import { decodeJwt } from "jose";
import { devToken } from "../gateway/auth/dev-token";
import { callerFromClaims } from "../gateway/auth/claims";
import { anonymousCaller } from "../subgraphs/kit/security/caller";
import { INTERNAL_TOKEN_HEADER, internalTokenSigner } from "../subgraphs/kit/security/internal-token";
import { CENTERS } from "../subgraphs/kit/synthetic/centers";

export type BenchRole = "public" | "counsellor" | "analyst";

const CLAIMS: Record<BenchRole, Record<string, unknown> | null> = {
  public: null,
  counsellor: { role: "counsellor", sub: "bench-counsellor", centers: CENTERS.map((c) => c.id) },
  analyst: { role: "analyst", sub: "bench-analyst" },
};

const clientTokens = new Map<BenchRole, Promise<string>>();

/** Headers of a client request for `role` (one token per role and run: they last 12 hours). */
export async function benchHeaders(role: BenchRole): Promise<Record<string, string>> {
  const claims = CLAIMS[role];
  if (!claims) return {};
  if (!clientTokens.has(role)) clientTokens.set(role, devToken(claims, 12 * 3600));
  return { authorization: `Bearer ${await clientTokens.get(role)!}` };
}

const REUSE_MS = 30_000;
let signer: ReturnType<typeof internalTokenSigner> | null = null;
const internalTokens = new Map<string, { token: Promise<string>; until: number }>();

/** Headers of a subgraph request made on behalf of the client whose Authorization header is given. */
export async function directHeaders(authorization?: string | null): Promise<Record<string, string>> {
  const key = authorization ?? "";
  let cached = internalTokens.get(key);
  if (!cached || cached.until < Date.now()) {
    const bearer = key.replace(/^Bearer\s+/i, "");
    const caller = bearer ? callerFromClaims(decodeJwt(bearer) as Record<string, unknown>) : anonymousCaller();
    signer ??= internalTokenSigner();
    const sign = await signer;
    cached = {
      token: sign({ caller, request: { requestId: "bench", operationName: null, documentHash: "bench", clientAddress: null } }),
      until: Date.now() + REUSE_MS,
    };
    internalTokens.set(key, cached);
  }
  return { [INTERNAL_TOKEN_HEADER]: await cached.token };
}
