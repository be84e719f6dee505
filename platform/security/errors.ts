/** Refusals of the row rules, with stable codes. Messages never contain a name, an amount or any other personal value. */
import { GraphQLError } from "graphql";

export const SecurityCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  CONSENT_REQUIRED: "CONSENT_REQUIRED",
  AUDIT_UNAVAILABLE: "AUDIT_UNAVAILABLE",
} as const;

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: SecurityCode.UNAUTHENTICATED } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: SecurityCode.FORBIDDEN } });
}

export function consentRequired(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: SecurityCode.CONSENT_REQUIRED } });
}

export function auditUnavailable(): GraphQLError {
  return new GraphQLError(
    "Personal data cannot be returned right now because the access log cannot be written (no audit record, no data). Retry in a few seconds; public data is still served.",
    { extensions: { code: SecurityCode.AUDIT_UNAVAILABLE } },
  );
}
