/**
 * The one place where the benchmark gets credentials (development keys, as `npm run token` uses).
 *
 * benchHeaders(role): what a client of the graph sends. Every gateway target (ours, bare, hive) and
 *   the direct floor get the same request: `Authorization: Bearer <dev JWT>` for the role. A
 *   counsellor token lists every center (it must read the random persons the scenarios pick); an
 *   analyst token sees every person, pseudonymised; "public" sends nothing (anonymous).
 *
 * directHeaders(authorization, subgraph, body): what a request that goes straight to a subgraph
 *   carries instead: the gateway's internal token (x-naeil-gateway-token) for the caller named by the
 *   client's bearer token (decoded, not verified: the bare and hive gateways and the direct floor do
 *   no authentication), made for that subgraph and that exact body, as a subgraph accepts no other.
 *   Used by the direct floor and by the bare and hive gateways for their subgraph fetches: like ours,
 *   they sign one token per fetch (about 0.1 ms of CPU).
 */
import { decodeJwt } from "jose";
import { devToken } from "../gateway/auth/dev-token";
import { callerFromClaims } from "../gateway/auth/claims";
import { anonymousCaller, type Caller } from "../platform/security/caller";
import { INTERNAL_TOKEN_HEADER, internalTokenSigner, type InternalTokenSigner } from "../platform/security/internal-token";
import { CENTERS } from "../platform/reference/centers";

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

let signer: Promise<InternalTokenSigner> | null = null;
const callers = new Map<string, Caller>();

/** Headers of a subgraph fetch (`subgraph`, exact `body`) made on behalf of the client whose Authorization header is given. */
export async function directHeaders(authorization: string | null | undefined, subgraph: string, body: string): Promise<Record<string, string>> {
  const key = authorization ?? "";
  let caller = callers.get(key);
  if (!caller) {
    const bearer = key.replace(/^Bearer\s+/i, "");
    caller = bearer ? callerFromClaims(decodeJwt(bearer) as Record<string, unknown>) : anonymousCaller();
    callers.set(key, caller);
  }
  signer ??= internalTokenSigner();
  const sign = await signer;
  const token = sign({ caller, request: { requestId: "bench", operationName: null, documentHash: "bench", clientAddress: null } }, { subgraph, body });
  return { [INTERNAL_TOKEN_HEADER]: token };
}
