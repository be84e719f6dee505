/**
 * Digests and the canonical JSON they are taken of: one copy for the access log's hash chain, the
 * gateway's cache keys, the safelist's operation ids, API key lookups and the internal token's body hash.
 */
import { createHash } from "node:crypto";

/** sha256 of a text (UTF-8) or bytes, as lowercase hex. */
export const sha256Hex = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

/** sha256 of a text (UTF-8) or bytes, as base64url (no padding). */
export const sha256Base64url = (data: string | Buffer): string => createHash("sha256").update(data).digest("base64url");

/**
 * JSON with every object's keys sorted (UTF-16 code unit order), keys whose value is undefined left
 * out, and no whitespace: the form that is hashed. The same value read back from `jsonb` (which
 * reorders keys) gives the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`cannot write ${typeof value} as JSON`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(",")}}`;
}
