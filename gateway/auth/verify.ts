/**
 * authenticate(headers): the Caller behind a request.
 * - `Authorization: Bearer <jwt>`: verified with jose against gateway/auth/keys.ts (algorithms
 *   ES256, RS256, EdDSA only; issuer AUTH_ISSUER, audience AUTH_AUDIENCE; exp required; 30 s clock tolerance);
 * - `X-Api-Key: <id>.<secret>`: gateway/auth/api-keys.ts;
 * - neither: the anonymous caller.
 * Every refusal is UNAUTHENTICATED with `extensions.reason` (gateway/auth/errors.ts). When both
 * headers are present the bearer token is used.
 */
import { errors, jwtVerify } from "jose";
import type { GraphQLError } from "graphql";
import { anonymousCaller, type Caller } from "../../platform/security/caller";
import { callerFromClaims } from "./claims";
import { authUnavailable, unauthenticated } from "./errors";
import { verificationKeys } from "./keys";
import { verifyApiKey } from "./api-keys";

export const ALLOWED_ALGORITHMS = ["ES256", "RS256", "EdDSA"];
export const CLOCK_TOLERANCE_SECONDS = 30;

export type RequestHeaders = Headers | Record<string, string | string[] | undefined>;

export function authIssuer(env: NodeJS.ProcessEnv = process.env): string {
  return env.AUTH_ISSUER || "naeil-graph-dev";
}

export function authAudience(env: NodeJS.ProcessEnv = process.env): string {
  return env.AUTH_AUDIENCE || "naeil-graph";
}

function header(headers: RequestHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(", ") : value;
  }
  return undefined;
}

const NEW_TOKEN = "Sign in again (or ask your identity provider for a new token) and retry.";

/** Maps a jose failure to a reason and a message; never includes the token or key material. */
function refusal(error: unknown): GraphQLError {
  if (error instanceof errors.JWTExpired) return unauthenticated("EXPIRED", `The access token has expired. ${NEW_TOKEN}`);
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case "nbf":
        if (error.reason === "check_failed") {
          return unauthenticated("NOT_YET_VALID", "The access token is not valid yet (nbf is in the future). Check the clock of the system that issued it, or retry shortly.");
        }
        break;
      case "aud":
        return unauthenticated("WRONG_AUDIENCE", `The access token was issued for another service (aud must include "${authAudience()}"). Request a token for this gateway.`);
      case "iss":
        return unauthenticated("WRONG_ISSUER", `The access token comes from an issuer this gateway does not trust (iss must be "${authIssuer()}"). Get a token from that issuer.`);
    }
    return unauthenticated("BAD_CLAIMS", `The access token's "${error.claim}" claim is missing or invalid (exp is required). ${NEW_TOKEN}`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return unauthenticated("ALGORITHM_NOT_ALLOWED", `The access token's signing algorithm is not accepted (allowed: ${ALLOWED_ALGORITHMS.join(", ")}). Get a token signed with one of them.`);
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return unauthenticated("UNKNOWN_KEY", `The access token was signed with a key this gateway does not know (unknown or ambiguous kid). ${NEW_TOKEN}`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return unauthenticated("BAD_SIGNATURE", `The access token's signature does not verify; it was altered or signed by another key. ${NEW_TOKEN}`);
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported || error instanceof errors.JWKInvalid) {
    return malformed();
  }
  // The key set could not be fetched or read (network, configuration): not the caller's doing.
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError)) {
    console.error(`[auth] cannot check tokens: ${(error as Error)?.message ?? String(error)}`);
    return authUnavailable();
  }
  return malformed();
}

function malformed(): GraphQLError {
  return unauthenticated("MALFORMED_TOKEN", "The Authorization header must be `Bearer <JWT>` with a compact signed JWT (three base64url parts). Send a token from the identity provider, or no Authorization header to call anonymously.");
}

async function verifyJwt(token: string): Promise<Caller> {
  let payload: Record<string, unknown>;
  try {
    const keys = await verificationKeys();
    ({ payload } = await jwtVerify(token, keys, {
      algorithms: ALLOWED_ALGORITHMS,
      issuer: authIssuer(),
      audience: authAudience(),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ["exp"],
    }));
  } catch (error) {
    throw refusal(error);
  }
  return callerFromClaims(payload);
}

export async function authenticate(headers: RequestHeaders): Promise<Caller> {
  const authorization = header(headers, "authorization")?.trim();
  if (authorization) {
    const match = /^Bearer +([^\s]+)$/i.exec(authorization);
    if (!match) throw malformed();
    return verifyJwt(match[1]);
  }
  const apiKey = header(headers, "x-api-key")?.trim();
  if (apiKey) {
    let caller: Caller | null;
    try {
      caller = await verifyApiKey(apiKey);
    } catch (error) {
      console.error(`[auth] cannot check API keys: ${(error as Error).message}`);
      throw authUnavailable();
    }
    if (!caller) throw unauthenticated("UNKNOWN_API_KEY", "The API key is not recognised (unknown, revoked or mistyped). Check the key, or ask the administrator for a new one.");
    return caller;
  }
  return anonymousCaller();
}
