/**
 * npm run audit:verify: checks every hash chain of audit.access_log in the access store, and every
 * chain against its signed head (audit.chain_head; the public key from AUDIT_VERIFY_KEY_FILE, or the
 * development key): ACCESS_DATABASE_URL, else DATABASE_URL, else the embedded store `npm start`
 * runs (on PGLITE_PORT, default 5433).
 *   exit 0  "audit log OK: N records in M chains, each at its signed checkpoint"
 *   exit 1  "audit log TAMPERED: chain <id> seq <n>: <problem>: ..." (the first bad row or chain in
 *           (chain_id, seq) order), e.g. "truncated: chain <id> ends at seq N, checkpoint says M"
 *   exit 2  the check could not run (store unreachable, no audit tables, no key)
 */
import { openStore } from "../platform/store";
import { formatAuditVerification, verifyAuditLog } from "../platform/audit/verify";
import { accessDatabaseUrl } from "../platform/audit/access-database";

let databaseUrl: string;
try {
  databaseUrl = accessDatabaseUrl(process.env);
} catch (error) {
  console.error(`audit:verify: ${(error as Error).message}`);
  process.exit(2);
}

const store = openStore({ connectionString: databaseUrl, applicationName: "naeil-audit-verify", maxConnections: 2 });
let exitCode = 2;
try {
  const result = await verifyAuditLog(store);
  console.log(formatAuditVerification(result));
  exitCode = result.ok ? 0 : 1;
} catch (error) {
  console.error(`audit:verify could not check the log: ${(error as Error).message}`);
} finally {
  await store.close().catch(() => undefined);
}
process.exit(exitCode);
