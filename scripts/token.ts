/**
 * `npm run -s token -- --role ROLE [--sub ID] [--centers ID,ID] [--partner ID] [--scopes a,b] [--purpose TEXT] [--ttl SECONDS]`
 * prints a JWT signed with the development key (staff roles without --sub get the account `dev-<role>`) (gateway/auth/keys.ts), for the gateway's issuer and audience.
 * Refuses (exit 2) when AUTH_JWKS_FILE or AUTH_JWKS_URL is set: then tokens come from the identity provider.
 */
import { isDevKeys } from "../gateway/auth/keys";
import { devToken } from "../gateway/auth/dev-token";
import { callerFromClaims } from "../gateway/auth/claims";
import { tokenArgs, type TokenArgs } from "../gateway/auth/token-args";

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

let parsed: TokenArgs;
try {
  parsed = tokenArgs(process.argv.slice(2));
} catch (error) {
  fail(`token: ${(error as Error).message}\n${USAGE}`, 1);
}
const { claims, ttlSeconds: ttl } = parsed;

try {
  callerFromClaims(claims); // the same checks as the gateway: no token it would refuse
} catch (error) {
  fail(`token: ${(error as Error).message}\n${USAGE}`, 1);
}

console.log(await devToken(claims, ttl));
