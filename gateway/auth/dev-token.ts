/** A token signed with the development key (gateway/auth/keys.ts) for this gateway's issuer and audience: for `npm run token`, tests and benchmarks. */
import { SignJWT } from "jose";
import { devSigningKey } from "./keys";
import { authAudience, authIssuer } from "./verify";

export async function devToken(claims: Record<string, unknown>, ttlSeconds = 3600, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { key, kid, alg } = await devSigningKey(env);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg, kid, typ: "JWT" })
    .setIssuer(authIssuer(env))
    .setAudience(authAudience(env))
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(key);
}
