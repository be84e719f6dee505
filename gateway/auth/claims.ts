/**
 * Verified JWT claims -> Caller. Also used by scripts/token.ts, so the dev script cannot mint a
 * token the gateway would refuse.
 */
import type { Audience, Caller } from "../../platform/security/caller";
import { unauthenticated } from "./errors";

const TOKEN_ROLES: readonly Audience[] = ["citizen", "counsellor", "analyst", "partner"];

/**
 * The roles whose every read is recorded under the account that made it: a counsellor, an analyst
 * or a partner's staff member without an account id would be "anonymous" in the citizen's access
 * log, so such a token is refused (a citizen's `sub` is their person id, checked below).
 */
export const STAFF_ROLES: readonly Audience[] = ["counsellor", "analyst", "partner"];

export function missingSubject() {
  return unauthenticated(
    "MISSING_SUBJECT",
    'The token has no "sub": every access to persons\' data is recorded under the account that made it, so a staff token (counsellor, analyst, partner) must name its account in "sub". Ask the identity provider for a token with "sub".',
  );
}

function badClaims(problem: string) {
  return unauthenticated("BAD_CLAIMS", `The token's claims are not usable: ${problem}. Ask the identity provider for a token with the claims this role needs.`);
}

function optionalString(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badClaims(`"${name}" must be a string`);
  return value.trim() === "" ? undefined : value;
}

/** `scope` is one space-separated string (RFC 8693 / OAuth 2.0). */
export function parseScopes(scope: unknown): string[] {
  if (scope === undefined || scope === null) return [];
  if (typeof scope !== "string") throw badClaims('"scope" must be a space-separated string');
  return [...new Set(scope.split(" ").filter(Boolean))];
}

export function callerFromClaims(claims: Record<string, unknown>): Caller {
  const role = claims.role;
  if (typeof role !== "string" || !TOKEN_ROLES.includes(role as Audience)) {
    throw badClaims(`"role" must be one of ${TOKEN_ROLES.join(", ")}`);
  }
  const audience = role as Audience;
  const sub = optionalString(claims, "sub");
  const scopes = parseScopes(claims.scope);
  const purpose = optionalString(claims, "purpose");
  const caller: Caller = { audience, subject: sub ?? null, scopes, via: "jwt" };
  if (purpose) caller.purpose = purpose;

  switch (audience) {
    case "citizen":
      if (!sub) throw badClaims('a citizen token needs "sub" (the person id)');
      caller.personId = sub;
      break;
    case "counsellor": {
      const centers = claims.centers;
      if (!Array.isArray(centers) || centers.length === 0 || !centers.every((c) => typeof c === "string" && c.trim() !== "")) {
        throw badClaims('a counsellor token needs "centers", a non-empty array of center ids');
      }
      caller.centers = [...new Set(centers as string[])];
      break;
    }
    case "partner": {
      const partner = optionalString(claims, "partner");
      if (!partner || !purpose) throw badClaims('a partner token needs "partner" (the partner id) and "purpose"');
      caller.partnerId = partner;
      break;
    }
    case "analyst":
      break;
  }
  if (!sub && STAFF_ROLES.includes(audience)) throw missingSubject();
  return caller;
}
