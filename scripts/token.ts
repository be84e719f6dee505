/**
 * `npm run -s token -- --role ROLE [--sub ID] [--centers ID,ID] [--partner ID] [--scopes a,b] [--purpose TEXT] [--ttl SECONDS]`
 * prints a JWT signed with the development key (staff roles without --sub get the account `dev-<role>`) (gateway/auth/keys.ts), for the gateway's issuer and audience.
 * Refuses (exit 2) when AUTH_JWKS_FILE or AUTH_JWKS_URL is set: then tokens come from the identity provider.
 */
import { parseArgs } from "node:util";
import { isDevKeys } from "../gateway/auth/keys";
import { devToken } from "../gateway/auth/dev-token";
import { STAFF_ROLES, callerFromClaims } from "../gateway/auth/claims";

const USAGE =
  "usage: npm run -s token -- --role citizen|counsellor|analyst|partner [--sub ID] [--centers ID,ID] [--partner ID] [--scopes a,b] [--purpose TEXT] [--ttl SECONDS]";

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

if (!isDevKeys()) {
  const which = process.env.AUTH_JWKS_FILE ? "AUTH_JWKS_FILE" : "AUTH_JWKS_URL";
  fail(`token: ${which} is set, so the gateway trusts your identity provider's keys, not the dev key; get tokens from the identity provider (or unset AUTH_JWKS_FILE and AUTH_JWKS_URL to use the dev key).`, 2);
}

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: "string" },
      sub: { type: "string" },
      centers: { type: "string" },
      partner: { type: "string" },
      scopes: { type: "string" },
      purpose: { type: "string" },
      ttl: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  }) as { values: Record<string, string | undefined> });
} catch (error) {
  fail(`token: ${(error as Error).message}\n${USAGE}`, 1);
}

const list = (text: string | undefined) => (text ?? "").split(",").map((s) => s.trim()).filter(Boolean);
const ttl = Number(values.ttl ?? 3600);
if (!Number.isInteger(ttl) || ttl <= 0) fail(`token: --ttl must be a positive number of seconds\n${USAGE}`, 1);

const claims: Record<string, unknown> = { role: values.role };
if (values.sub) claims.sub = values.sub;
// Staff tokens must name an account (the access log records it): a development account unless --sub says otherwise.
else if (typeof values.role === "string" && (STAFF_ROLES as readonly string[]).includes(values.role)) claims.sub = `dev-${values.role}`;
if (values.centers) claims.centers = list(values.centers);
if (values.partner) claims.partner = values.partner;
if (values.scopes) claims.scope = list(values.scopes).join(" ");
if (values.purpose) claims.purpose = values.purpose;

try {
  callerFromClaims(claims); // the same checks as the gateway: no token it would refuse
} catch (error) {
  fail(`token: ${(error as Error).message}\n${USAGE}`, 1);
}

console.log(await devToken(claims, ttl));
