/**
 * npm run audit:verify: checks every hash chain of audit.access_log in the access store, and every
 * chain against its signed head (audit.chain_head; the public key from AUDIT_VERIFY_KEY_FILE, or the
 * development key): ACCESS_DATABASE_URL, else DATABASE_URL, else the embedded store `npm start`
 * runs (on PGLITE_PORT, default 5433). Then every chain against the heads anchored outside the
 * database by `npm run audit:anchor` (AUDIT_ANCHOR_FILE, else .data/audit-anchors/<store>.jsonl; no
 * file yet: said, and not an error).
 *   exit 0  "audit log OK: N records in M chains, each at its signed checkpoint", then
 *           "anchors OK: K chains at or past their heads anchored in FILE (L anchors)" (the anchors
 *           are checked whatever the first line says)
 *   exit 1  "audit log TAMPERED: chain <id> seq <n>: <problem>: ..." (the first bad row or chain in
 *           (chain_id, seq) order), e.g. "truncated: chain <id> ends at seq N, checkpoint says M",
 *           or "...: truncated: chain <id> ends at seq N, the anchor of <time> says M"
 *   exit 2  the check could not run (store unreachable, no audit tables, no key, unreadable anchors)
 */
import { openStore } from "../platform/store";
import { formatAuditVerification, verifyAuditLog } from "../platform/audit/verify";
import { accessDatabaseUrl } from "../platform/audit/access-database";
import { anchorFile, readAnchorFile, verifyAnchors } from "../platform/audit/anchor";
import { checkpointVerifier } from "../platform/audit/checkpoint";

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
  const checkpoints = await checkpointVerifier();
  const result = await verifyAuditLog(store, { checkpoints });
  console.log(formatAuditVerification(result));
  exitCode = result.ok ? 0 : 1;
  // Checked whatever the walk found: a cut the database's own heads cannot show is reported beside a bad row.
  const file = anchorFile(databaseUrl);
  const anchors = await readAnchorFile(file);
  if (anchors === null) console.log(`no anchors yet in ${file} (npm run audit:anchor writes them)`);
  else {
    const anchored = await verifyAnchors(store, anchors, checkpoints);
    if (anchored.ok) console.log(`anchors OK: ${anchored.chains} chains at or past their heads anchored in ${file} (${anchored.anchors} anchors)`);
    else {
      console.log(`audit log TAMPERED: chain ${anchored.chainId} seq ${anchored.seq}: ${anchored.problem}: ${anchored.detail}`);
      exitCode = 1;
    }
  }
} catch (error) {
  console.error(`audit:verify could not check the log: ${(error as Error).message}`);
  exitCode = 2;
} finally {
  await store.close().catch(() => undefined);
}
process.exit(exitCode);
