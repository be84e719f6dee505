/**
 * npm run audit:anchor: appends every chain's signed head in the access store to the anchor file
 * (AUDIT_ANCHOR_FILE, else .data/audit-anchors/<store>.jsonl), a copy of the heads the database cannot
 * reach, which `npm run audit:verify` then checks the chains against (platform/audit/anchor.ts). The
 * access store is found as audit:verify finds it: ACCESS_DATABASE_URL, DATABASE_URL, or the embedded
 * store of `npm start` on PGLITE_PORT.
 *   exit 0  "anchored N chain heads to FILE"
 *   exit 2  the store could not be read or the file not written
 */
import { openStore } from "../platform/store";
import { accessDatabaseUrl } from "../platform/audit/access-database";
import { anchorFile, appendAnchor } from "../platform/audit/anchor";

let exitCode = 2;
let store: ReturnType<typeof openStore> | undefined;
try {
  const databaseUrl = accessDatabaseUrl(process.env);
  const file = anchorFile(databaseUrl);
  store = openStore({ connectionString: databaseUrl, applicationName: "naeil-audit-anchor", maxConnections: 1 });
  const anchor = await appendAnchor(store, file);
  console.log(`anchored ${anchor.heads.length} chain heads to ${file}`);
  exitCode = 0;
} catch (error) {
  console.error(`audit:anchor could not anchor the heads: ${(error as Error).message}`);
} finally {
  await store?.close().catch(() => undefined);
}
process.exit(exitCode);
