/**
 * npm run audit:verify: checks every hash chain of audit.access_log in the access store:
 * ACCESS_DATABASE_URL, else DATABASE_URL, else the embedded store `npm start` runs (port 5433).
 *   exit 0  "audit log OK: N records in M chains"
 *   exit 1  "audit log TAMPERED: chain <id> seq <n>: <hash mismatch | broken link | missing seq>: ..."
 *           (the first bad row in (chain_id, seq) order)
 *   exit 2  the check could not run (store unreachable, no audit.access_log)
 */
import { openStore } from "../subgraphs/kit/store";
import { formatAuditVerification, verifyAuditLog } from "../subgraphs/kit/audit/verify";

const databaseUrl = process.env.ACCESS_DATABASE_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5433/postgres";

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
