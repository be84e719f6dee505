/**
 * Signed checkpoints: the head of every chain, anchored outside the chain itself.
 *
 * A hash chain proves that nothing in it was changed relative to its last row, but not that the last
 * row is the last one written: cut the tail, or rewrite a whole chain and recompute every hash, and
 * the chain still links. So every append also writes the chain's head, (chain_id, seq, hash),
 * signed with Ed25519 by the writer, into `audit.chain_head` (migrations.ts), in the same statement
 * as the row (both or neither). `npm run audit:verify` checks every signature with the public key and
 * every chain against its head: a chain that ends before its head's seq was truncated; a chain whose
 * row at the head's seq has another hash was rewritten; a head whose chain is gone was deleted.
 *
 * Keys: the writers (subgraphs, the gateway's personal cache) hold the private key
 * (AUDIT_SIGNING_KEY_FILE, PKCS#8 PEM); audit:verify needs only the public key (AUDIT_VERIFY_KEY_FILE,
 * SPKI PEM). Without them, a development pair is generated once into AUTH_DEV_KEYS_DIR.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_DEV_KEYS_DIR, readOrCreate } from "../security/write-once";

/** The exact bytes a checkpoint signs: domain-separated, one value a line. */
export function checkpointStatement(chainId: string, seq: number | bigint, hash: string): Buffer {
  return Buffer.from(`naeil-graph audit checkpoint\n${chainId}\n${seq}\n${hash}`, "utf8");
}

export type CheckpointSigner = (chainId: string, seq: number, hash: string) => string;
export type CheckpointVerifier = (chainId: string, seq: number | bigint, hash: string, signature: string) => boolean;

function devPrivateKeyPath(env: NodeJS.ProcessEnv): string {
  return join(resolve(env.AUTH_DEV_KEYS_DIR ?? DEFAULT_DEV_KEYS_DIR), "audit-checkpoint.private.pem");
}

async function privateKey(env: NodeJS.ProcessEnv): Promise<KeyObject> {
  const path = env.AUDIT_SIGNING_KEY_FILE ? resolve(env.AUDIT_SIGNING_KEY_FILE) : devPrivateKeyPath(env);
  const pem = env.AUDIT_SIGNING_KEY_FILE
    ? readFileSync(path, "utf8")
    : await readOrCreate(path, async () => generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`The audit signing key ${path} is not an Ed25519 private key.`);
  return key;
}

async function publicKey(env: NodeJS.ProcessEnv): Promise<KeyObject> {
  if (!env.AUDIT_VERIFY_KEY_FILE) return createPublicKey(await privateKey(env));
  const key = createPublicKey(readFileSync(resolve(env.AUDIT_VERIFY_KEY_FILE), "utf8"));
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`The audit verify key ${env.AUDIT_VERIFY_KEY_FILE} is not an Ed25519 public key.`);
  return key;
}

/** The writers' signer (base64url Ed25519 signature of `checkpointStatement`). */
export async function checkpointSigner(env: NodeJS.ProcessEnv = process.env): Promise<CheckpointSigner> {
  const key = await privateKey(env);
  return (chainId, seq, hash) => sign(null, checkpointStatement(chainId, seq, hash), key).toString("base64url");
}

/** audit:verify's check of a head's signature. */
export async function checkpointVerifier(env: NodeJS.ProcessEnv = process.env): Promise<CheckpointVerifier> {
  const key = await publicKey(env);
  return (chainId, seq, hash, signature) => {
    try {
      return verify(null, checkpointStatement(chainId, seq, hash), key, Buffer.from(signature, "base64url"));
    } catch {
      return false;
    }
  };
}
