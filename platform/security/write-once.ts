/** Files written once and never replaced: development keys that several processes may create at the same moment. */
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";

/** Where development keys live unless AUTH_DEV_KEYS_DIR says otherwise (git-ignored). */
export const DEFAULT_DEV_KEYS_DIR = fileURLToPath(new URL("../../.data/dev-keys", import.meta.url));

/**
 * The text of `path`, creating it with `create()` first if it does not exist (mode 0600). Creation
 * is atomic (write a temp file, hard-link it into place): when two processes race, both read the
 * one file that won.
 */
export async function readOrCreate(path: string, create: () => Promise<string>): Promise<string> {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${randomUUID()}.tmp`);
  writeFileSync(tmp, await create(), { mode: 0o600 });
  try {
    linkSync(tmp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(tmp);
  }
  try {
    chmodSync(path, 0o600);
  } catch {
    /* best effort */
  }
  return readFileSync(path, "utf8");
}

/**
 * A 32-byte secret key: from `hex` (64 hex characters, e.g. an environment variable) when given,
 * else the development key `fileName` in AUTH_DEV_KEYS_DIR, generated once. `name` names the
 * setting in the error.
 */
export async function secretKey(hex: string | undefined, fileName: string, name: string, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const text = hex ?? (await readOrCreate(join(resolve(env.AUTH_DEV_KEYS_DIR ?? DEFAULT_DEV_KEYS_DIR), fileName), async () => randomBytes(32).toString("hex") + "\n")).trim();
  if (!/^[0-9a-f]{64}$/i.test(text)) throw new Error(`${name} must be 64 hex characters (32 bytes).`);
  return Buffer.from(text, "hex");
}
