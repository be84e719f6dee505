/**
 * Personal data at rest in the shared cache is sealed: AES-256-GCM under a key only the gateways
 * hold (PERSONAL_CACHE_KEY, 64 hex characters; in development one generated once into
 * .data/dev-keys/personal-cache.key). Whoever reads Redis without the key reads nothing personal,
 * and an entry altered in Redis fails to open (it is then a miss).
 *
 *   sealed = base64url(iv (12 bytes) || tag (16 bytes) || ciphertext)
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { secretKey } from "../../platform/security/write-once";

export interface Sealer {
  seal(text: string): string;
  /** The text, or null if the value was not sealed with this key or was altered. */
  open(sealed: string): string | null;
}

export function sealer(key: Buffer): Sealer {
  if (key.length !== 32) throw new Error("PERSONAL_CACHE_KEY must be 32 bytes (64 hex characters).");
  return {
    seal(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
    },
    open(sealed) {
      try {
        const bytes = Buffer.from(sealed, "base64url");
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
      } catch {
        return null;
      }
    },
  };
}

export async function loadSealer(env: NodeJS.ProcessEnv = process.env): Promise<Sealer> {
  return sealer(await secretKey(env.PERSONAL_CACHE_KEY || undefined, "personal-cache.key", "PERSONAL_CACHE_KEY", env));
}
