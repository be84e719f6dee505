/**
 * Values that cross the gateway sealed, so that whoever holds a subgraph's answer (the gateway, or a
 * caller who got hold of an internal token and called a subgraph directly) can neither read nor
 * alter them: AES-256-GCM under a key the reader does not hold, with a purpose as associated data
 * (a value sealed for one purpose does not open for another) and an expiry inside.
 *
 *   sealed = "s1." + base64url(iv (12 bytes) || tag (16 bytes) || ciphertext)
 *
 * Two keys, one job each:
 * - CIRCUMSTANCES_KEY (subgraphs only): people seals a person's circumstances for the programs
 *   (sealed-circumstances.ts). The gateway carries them from people to the programs, unread.
 * - RECORDED_ACCESS_KEY (subgraphs and gateways): a subgraph seals to the gateway whose data its
 *   answer recorded as read (audit/plugin.ts), for the gateway's personal cache.
 * Each is 64 hex characters; in development one is generated once into AUTH_DEV_KEYS_DIR.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { PERSON_ID_IN_TEXT } from "./pseudonym";
import { secretKey } from "./write-once";

const PREFIX = "s1.";

export class Seal {
  constructor(
    private readonly key: Buffer,
    private readonly purpose: string,
  ) {
    if (key.length !== 32) throw new Error("A sealing key must be 32 bytes (64 hex characters).");
  }

  /** `value` sealed until `seconds` from now. */
  seal(value: unknown, seconds: number): string {
    const text = JSON.stringify({ exp: Date.now() + seconds * 1000, v: value });
    for (;;) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", this.key, iv);
      cipher.setAAD(Buffer.from(this.purpose));
      const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
      const sealed = PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
      // The analyst's view replaces anything shaped like a person id in an answer's strings with its
      // pseudonym (analyst-view.ts); a sealed value must never be shaped so (a chance of about 1e-6).
      PERSON_ID_IN_TEXT.lastIndex = 0;
      if (!PERSON_ID_IN_TEXT.test(sealed)) return sealed;
    }
  }

  /** The value, or null when it was not sealed with this key for this purpose, was altered, or has expired. */
  open(sealed: unknown): unknown {
    if (typeof sealed !== "string" || !sealed.startsWith(PREFIX) || sealed.length > 65_536) return null;
    try {
      const bytes = Buffer.from(sealed.slice(PREFIX.length), "base64url");
      if (bytes.length < 29) return null;
      const decipher = createDecipheriv("aes-256-gcm", this.key, bytes.subarray(0, 12));
      decipher.setAAD(Buffer.from(this.purpose));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const { exp, v } = JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8")) as { exp: number; v: unknown };
      return typeof exp === "number" && exp >= Date.now() ? v : null;
    } catch {
      return null;
    }
  }
}

export const CIRCUMSTANCES_PURPOSE = "naeil:circumstances";
export const RECORDED_ACCESS_PURPOSE = "naeil:recorded-access";

export async function loadCircumstancesSeal(env: NodeJS.ProcessEnv = process.env): Promise<Seal> {
  return new Seal(await secretKey(env.CIRCUMSTANCES_KEY || undefined, "circumstances.key", "CIRCUMSTANCES_KEY", env), CIRCUMSTANCES_PURPOSE);
}

export async function loadRecordedAccessSeal(env: NodeJS.ProcessEnv = process.env): Promise<Seal> {
  return new Seal(await secretKey(env.RECORDED_ACCESS_KEY || undefined, "recorded-access.key", "RECORDED_ACCESS_KEY", env), RECORDED_ACCESS_PURPOSE);
}
