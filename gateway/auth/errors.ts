/**
 * Authentication failures: GraphQLError with code UNAUTHENTICATED (HTTP 401) and a stable
 * `extensions.reason`. Messages say what to do next and never echo the token, the API key or any key material.
 */
import { GraphQLError } from "graphql";
import { HeaderMap } from "@apollo/server";

export type AuthFailureReason =
  | "MALFORMED_TOKEN"
  | "BAD_SIGNATURE"
  | "EXPIRED"
  | "NOT_YET_VALID"
  | "WRONG_AUDIENCE"
  | "WRONG_ISSUER"
  | "UNKNOWN_KEY"
  | "ALGORITHM_NOT_ALLOWED"
  | "UNKNOWN_API_KEY"
  | "BAD_CLAIMS"
  | "MISSING_SUBJECT";

export const UNAUTHENTICATED = "UNAUTHENTICATED";
/** The gateway could not check credentials at all (key set unreachable or misconfigured): not the caller's fault. */
export const AUTH_UNAVAILABLE = "AUTH_UNAVAILABLE";

/**
 * Apollo Server's `extensions.http` (status and headers of the HTTP response). Typed `never` because
 * graphql-yoga (a dependency of the Hive Gateway the benchmarks compare against) augments
 * GraphQLErrorExtensions.http with a different headers type; Apollo Server wants a HeaderMap.
 */
function http(status: number, challenge?: string): never {
  const headers = new HeaderMap();
  if (challenge) headers.set("www-authenticate", challenge);
  return { status, headers } as never;
}

export function unauthenticated(reason: AuthFailureReason, message: string): GraphQLError {
  const error = reason === "UNKNOWN_API_KEY" ? undefined : 'Bearer error="invalid_token"';
  return new GraphQLError(message, { extensions: { code: UNAUTHENTICATED, reason, http: http(401, error) } });
}

export function authUnavailable(): GraphQLError {
  return new GraphQLError("Credentials cannot be checked right now (the signing keys are unavailable); retry in a few seconds.", {
    extensions: { code: AUTH_UNAVAILABLE, http: http(503) },
  });
}
