/**
 * `npm run -s api-key -- --role analyst|partner [--partner ID] [--scopes a,b] [--purpose TEXT]`
 * creates an API key, stores only its hash in AUTH_API_KEYS_FILE (default .data/api-keys.json)
 * and prints the key (`<id>.<secret>`) once: it cannot be shown again.
 */
import { parseArgs } from "node:util";
import { createApiKey, type ApiKeyRole } from "../gateway/auth/api-keys";

const USAGE = "usage: npm run -s api-key -- --role analyst|partner [--partner ID] [--scopes a,b] [--purpose TEXT]";

function fail(message: string): never {
  console.error(`api-key: ${message}\n${USAGE}`);
  process.exit(1);
}

let values: Record<string, string | undefined> = {};
try {
  ({ values } = parseArgs({
    options: { role: { type: "string" }, partner: { type: "string" }, scopes: { type: "string" }, purpose: { type: "string" } },
    strict: true,
    allowPositionals: false,
  }) as { values: Record<string, string | undefined> });
} catch (error) {
  fail((error as Error).message);
}

const role = values.role;
if (role !== "analyst" && role !== "partner") fail("--role must be analyst or partner");
if (role === "partner" && (!values.partner || !values.purpose)) fail("a partner key needs --partner and --purpose");

const scopes = (values.scopes ?? "").split(",").map((s) => s.trim()).filter(Boolean);
const { key, record, file } = await createApiKey({ role: role as ApiKeyRole, partner: values.partner, scopes, purpose: values.purpose });
console.error(`api-key: created ${record.id} (${record.role}${record.partner ? ` ${record.partner}` : ""}); only its hash is stored in ${file}. Keep the key below: it is not shown again.`);
console.log(key);
