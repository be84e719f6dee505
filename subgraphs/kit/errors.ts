/**
 * Errors with a stable `extensions.code`, and the mapping applied to everything a subgraph returns:
 * known errors go out as they are; anything unexpected becomes INTERNAL_SERVER_ERROR with no
 * detail (no SQL, no stack, no personal value) and a request id to quote.
 */
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { SecurityCode } from "../../platform/security/errors";

export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  STORE_UNAVAILABLE: "STORE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

/** A caller's argument is malformed: names the argument and says what a valid one looks like. */
export function badUserInput(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName } });
}

const KNOWN_CODES = new Set([
  "BAD_USER_INPUT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
  ...Object.values(SecurityCode),
]);

const CONNECTION_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "08006", "08001"]);

export function formatSubgraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && KNOWN_CODES.has(code)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const original = unwrapResolverError(error) as { code?: string; message?: string } | undefined;
  const storeDown =
    (original?.code && CONNECTION_ERRORS.has(original.code)) || /timeout exceeded when trying to connect|Connection terminated/i.test(original?.message ?? "");
  if (storeDown) {
    return {
      message: "The program's system of record is not reachable right now; retry in a few seconds.",
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.STORE_UNAVAILABLE },
    };
  }
  return {
    message: "Internal error in this program's service; retry, and report the x-request-id if it persists.",
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
