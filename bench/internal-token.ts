/**
 * CPU per subgraph fetch of the internal token: signing at the gateway and verifying at the subgraph,
 * with node:crypto's Ed25519 (what the graph uses) against jose over WebCrypto (the same token, the
 * same key), one at a time on one core.
 *   npx tsx bench/internal-token.ts [-- --count 5000]
 */
import { parseArgs } from "node:util";
import { SignJWT, importJWK, jwtVerify, type JWK } from "jose";
import { internalTokenSigner, internalTokenVerifier } from "../platform/security/internal-token";
import type { InternalClaims } from "../platform/security/internal-token";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_DEV_KEYS_DIR } from "../platform/security/write-once";
import { CENTERS } from "../platform/reference/centers";

const { values } = parseArgs({ options: { count: { type: "string" } } });
const count = Number(values.count ?? 5000);

const claims: InternalClaims = {
  caller: { audience: "counsellor", subject: "bench", centers: CENTERS.map((c) => c.id), scopes: [], via: "jwt" },
  request: { requestId: "0b6f1f0e-4c36-4c1e-9d43-3f0f4b1f5d10", operationName: "CrossProgram", documentHash: "e".repeat(64), clientAddress: "10.0.0.1" },
};
const body = JSON.stringify({ query: "query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { learningCard { card { balance } } } } }", variables: { r: [{ __typename: "Person", id: "P00007178", circumstances: { sealed: "s1." + "x".repeat(700) } }] } });

async function perOp(label: string, run: () => unknown): Promise<number> {
  for (let i = 0; i < 200; i++) await run();
  const started = process.cpuUsage();
  for (let i = 0; i < count; i++) await run();
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000 / count;
  console.log(`${label}: ${ms.toFixed(3)} ms of CPU`);
  return ms;
}

const sign = await internalTokenSigner();
const verifier = await internalTokenVerifier("learning-card");
const token = sign(claims, { subgraph: "learning-card", body });
const nodeSign = await perOp("node:crypto sign", () => sign(claims, { subgraph: "learning-card", body }));
const nodeVerify = await perOp("node:crypto verify", () => verifier.admit(token));

const jwk = JSON.parse(readFileSync(join(process.env.AUTH_DEV_KEYS_DIR ?? DEFAULT_DEV_KEYS_DIR, "internal.private.jwk.json"), "utf8")) as JWK;
const privateKey = await importJWK(jwk, "EdDSA");
const { d: _d, ...publicJwk } = jwk;
const publicKey = await importJWK(publicJwk, "EdDSA");
const payload = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()) as Record<string, unknown>;
const joseSign = await perOp("jose (WebCrypto) sign", () => new SignJWT(payload).setProtectedHeader({ alg: "EdDSA", typ: "JWT" }).sign(privateKey));
const joseVerify = await perOp("jose (WebCrypto) verify", () => jwtVerify(token, publicKey, { algorithms: ["EdDSA"], clockTolerance: 5 }).catch(() => null));
console.log(`\nper subgraph fetch (sign + verify): node:crypto ${(nodeSign + nodeVerify).toFixed(3)} ms, jose ${(joseSign + joseVerify).toFixed(3)} ms; ${count} each`);
