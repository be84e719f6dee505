/**
 * API keys for analysts and partners (server-to-server callers without an identity provider).
 * The client holds `<id>.<secret>`; the gateway keeps only a salted scrypt hash of the secret in
 * AUTH_API_KEYS_FILE (default .data/api-keys.json, a JSON array of records). Lookup by id,
 * constant-time comparison of the hashes. createApiKey returns the clear key once.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type BinaryLike } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Caller } from "../../platform/security/caller";
import { sha256Base64url } from "../../platform/digest";

export type ApiKeyRole = "analyst" | "partner";

export interface ApiKeyRecord {
  id: string;
  /** base64url, 16 random bytes. */
  salt: string;
  /** base64url scrypt(secret, salt, 32). */
  hash: string;
  role: ApiKeyRole;
  partner?: string;
  scopes: string[];
  purpose?: string;
  createdAt?: string;
}

export interface NewApiKey {
  role: ApiKeyRole;
  partner?: string;
  scopes?: string[];
  purpose?: string;
}

const DEFAULT_API_KEYS_FILE = fileURLToPath(new URL("../../.data/api-keys.json", import.meta.url));
const HASH_BYTES = 32;
const ID_PATTERN = /^ak_[0-9a-f]{16}$/;

export function apiKeysFile(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.AUTH_API_KEYS_FILE ?? DEFAULT_API_KEYS_FILE);
}

function scrypt(secret: BinaryLike, salt: BinaryLike): Promise<Buffer> {
  return new Promise((done, fail) => scryptCallback(secret, salt, HASH_BYTES, (error, key) => (error ? fail(error) : done(key))));
}

let cache: { path: string; mtimeMs: number; records: Map<string, ApiKeyRecord> } | undefined;

/** The stored records by id (re-read when the file changes, so a revoked key stops working). */
function records(path: string): Map<string, ApiKeyRecord> {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  if (cache?.path !== path || cache.mtimeMs !== mtimeMs) {
    const list = JSON.parse(readFileSync(path, "utf8")) as ApiKeyRecord[];
    if (!Array.isArray(list)) throw new Error(`${path} must hold a JSON array of API key records.`);
    cache = { path, mtimeMs, records: new Map(list.map((record) => [record.id, record])) };
  }
  return cache.records;
}

function validate(input: NewApiKey): void {
  if (input.role !== "analyst" && input.role !== "partner") throw new Error('An API key is for role "analyst" or "partner".');
  if (input.role === "partner" && (!input.partner || !input.purpose)) throw new Error("A partner API key needs a partner id and a purpose.");
}

function usable(record: ApiKeyRecord): boolean {
  if (!Array.isArray(record.scopes)) return false;
  if (record.role === "analyst") return true;
  return record.role === "partner" && !!record.partner && !!record.purpose;
}

/** Creates a key, stores its hash, and returns the clear key (`<id>.<secret>`): the only time it exists. */
export async function createApiKey(input: NewApiKey, env: NodeJS.ProcessEnv = process.env): Promise<{ key: string; record: ApiKeyRecord; file: string }> {
  validate(input);
  const path = apiKeysFile(env);
  const id = `ak_${randomBytes(8).toString("hex")}`;
  const secret = randomBytes(32).toString("base64url");
  const salt = randomBytes(16);
  const record: ApiKeyRecord = {
    id,
    salt: salt.toString("base64url"),
    hash: (await scrypt(secret, salt)).toString("base64url"),
    role: input.role,
    ...(input.role === "partner" ? { partner: input.partner } : {}),
    scopes: [...new Set(input.scopes ?? [])],
    ...(input.purpose ? { purpose: input.purpose } : {}),
    createdAt: new Date().toISOString(),
  };
  const existing = [...records(path).values()];
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify([...existing, record], null, 2) + "\n", { mode: 0o600 });
  renameSync(tmp, path);
  return { key: `${id}.${secret}`, record, file: path };
}

/**
 * Keys already checked, by the sha256 of the presented key: scrypt costs tens of milliseconds by
 * design, too much for every request of a machine client. An entry lives 5 minutes and dies with any
 * change to the keys file (a revoked key stops working at once). In memory only: never shared.
 */
const VERIFIED_TTL_MS = 5 * 60_000;
const VERIFIED_MAX = 10_000;
const verified = new Map<string, { id: string; mtimeMs: number; until: number }>();

/** The caller an API key stands for, or null when the key is unknown, malformed or its secret is wrong. */
export async function verifyApiKey(presented: string, env: NodeJS.ProcessEnv = process.env): Promise<Caller | null> {
  const path = apiKeysFile(env);
  const digest = sha256Base64url(presented);
  const known = verified.get(digest);
  const current = records(path);
  if (known && known.until > Date.now() && known.mtimeMs === cache?.mtimeMs && current.has(known.id)) return callerOf(current.get(known.id)!);
  const caller = await checkApiKey(presented, env);
  if (caller) {
    if (verified.size >= VERIFIED_MAX) verified.clear();
    verified.set(digest, { id: caller.subject!, mtimeMs: cache?.mtimeMs ?? 0, until: Date.now() + VERIFIED_TTL_MS });
  }
  return caller;
}

/**
 * The caller a usable record stands for. The one place it is built, so a key checked from the cache of
 * verified keys yields exactly the caller its first (scrypt) check did. Scopes are copied: a caller
 * never shares an array with the stored record.
 */
function callerOf(record: ApiKeyRecord): Caller {
  const caller: Caller = { audience: record.role, subject: record.id, scopes: [...record.scopes], via: "api-key" };
  if (record.role === "partner" && record.partner) caller.partnerId = record.partner;
  if (record.purpose) caller.purpose = record.purpose;
  return caller;
}

async function checkApiKey(presented: string, env: NodeJS.ProcessEnv): Promise<Caller | null> {
  const dot = presented.indexOf(".");
  const id = dot > 0 ? presented.slice(0, dot) : "";
  const secret = dot > 0 ? presented.slice(dot + 1) : "";
  const record = ID_PATTERN.test(id) && secret.length > 0 && secret.length <= 256 ? records(apiKeysFile(env)).get(id) : undefined;
  // An unknown or malformed id is refused before scrypt: hashing it would let a flood of made-up keys
  // buy tens of milliseconds of CPU each. The timing this reveals is only whether an id exists, and an
  // id is no secret (it is the caller's subject, in logs and internal tokens) nor guessable (64 random
  // bits); the secret is still compared in constant time.
  if (!record) return null;
  const computed = await scrypt(secret, Buffer.from(record.salt, "base64url"));
  const stored = Buffer.from(record.hash, "base64url");
  if (stored.length !== computed.length || !timingSafeEqual(stored, computed)) return null;
  if (!usable(record)) {
    console.error(`[auth] API key ${record.id} has an invalid record (role ${record.role}); fix or delete it in ${apiKeysFile(env)}`);
    return null;
  }
  return callerOf(record);
}
