/**
 * npm run audit:verify: checks every hash chain of audit.access_log on DATABASE_URL.
 *   exit 0  "audit log OK: N records in M chains"
 *   exit 1  "audit log TAMPERED: chain <id> seq <n>: <hash mismatch | broken link | missing seq>: ..."
 *           (the first bad row in (chain_id, seq) order)
 *   exit 2  the check could not run (no DATABASE_URL, store unreachable, no audit.access_log)
 */
import { openStore } from "../subgraphs/kit/store";
import { formatAuditVerification, verifyAuditLog } from "../subgraphs/kit/audit/verify";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("audit:verify needs DATABASE_URL (the PostgreSQL holding audit.access_log).");
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
