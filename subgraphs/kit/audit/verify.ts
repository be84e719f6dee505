/**
 * Checks the whole access log: every chain in (chain_id, seq) order, read in keyset pages (the
 * primary key's index; the next page is fetched while the current one is hashed), so millions of
 * rows take constant memory. For each chain, seq must run 1, 2, 3... with no gap; each row's
 * prev_hash must be the previous row's hash (the genesis hash for seq 1); each row's hash must be
 * sha256(prev_hash + "\n" + canonical JSON of its record). Stops at the first bad row.
 *
 * What a hash chain alone cannot show: rows cut from the END of a chain, or a whole chain deleted
 * (nothing after them links to them). The append-only triggers (migrations.ts) guard against that;
 * an external anchor (e.g. chain heads exported elsewhere) would be needed to prove it.
 */
import type { Store } from "../store";
import { canonicalJson } from "./record";
import { genesisHash, rowHash } from "./chain";

export type AuditProblem = "hash mismatch" | "broken link" | "missing seq" | "unexpected seq";

export type AuditVerification =
  | { ok: true; records: number; chains: number }
  | {
      ok: false;
      /** Rows checked and found good before the bad one, and chains seen (including the bad one's). */
      records: number;
      chains: number;
      chainId: string;
      /** The bad row's seq; for "missing seq", the first seq that is missing. */
      seq: number;
      problem: AuditProblem;
      detail: string;
    };

export interface VerifyOptions {
  /** Rows per page (default 5,000). */
  pageSize?: number;
}

interface Row {
  chain_id: string;
  seq: string;
  prev_hash: string;
  hash: string;
  record: string;
}

// seq as text: exact whatever the pool's bigint parser; record as text, parsed here. ORDER BY names
// the table's columns: a bare `seq` would be the text output column and sort 10 before 2.
const SELECT_ROWS = "select chain_id, seq::text as seq, prev_hash, hash, record::text as record from audit.access_log l";
const ORDER = "order by l.chain_id, l.seq";
const FIRST_PAGE_SQL = `${SELECT_ROWS} ${ORDER} limit $1`;
const NEXT_PAGE_SQL = `${SELECT_ROWS} where (l.chain_id, l.seq) > ($1, $2::bigint) ${ORDER} limit $3`;

export async function verifyAuditLog(store: Store, options: VerifyOptions = {}): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? 5_000;
  const fetchAfter = (last: Row | null) =>
    last ? store.query<Row>(NEXT_PAGE_SQL, [last.chain_id, last.seq, pageSize]) : store.query<Row>(FIRST_PAGE_SQL, [pageSize]);

  let records = 0;
  let chains = 0;
  let chainId: string | null = null;
  let expectedSeq = 0n;
  let prevHash = "";
  const bad = (seq: bigint, problem: AuditProblem, detail: string): AuditVerification => ({
    ok: false,
    records,
    chains,
    chainId: chainId!,
    seq: Number(seq),
    problem,
    detail,
  });

  let page = await fetchAfter(null);
  while (page.length > 0) {
    const next = page.length === pageSize ? fetchAfter(page[page.length - 1]) : Promise.resolve([] as Row[]);
    // A rejected prefetch is reported by the await below; until then it must not count as unhandled.
    next.catch(() => undefined);
    for (const row of page) {
      if (row.chain_id !== chainId) {
        chainId = row.chain_id;
        chains++;
        expectedSeq = 1n;
        prevHash = genesisHash(chainId);
      }
      const seq = BigInt(row.seq);
      if (seq > expectedSeq) {
        const missing = seq - expectedSeq === 1n ? `seq ${expectedSeq} is missing` : `seqs ${expectedSeq}-${seq - 1n} are missing`;
        return bad(expectedSeq, "missing seq", `${missing} (the next row present is seq ${seq})`);
      }
      if (seq < expectedSeq) return bad(seq, "unexpected seq", `expected seq ${expectedSeq}`);
      if (row.prev_hash !== prevHash) {
        return bad(seq, "broken link", `prev_hash ${row.prev_hash} is not ${seq === 1n ? "the genesis hash" : `the hash of seq ${seq - 1n}`} ${prevHash}`);
      }
      let canonical: string;
      try {
        canonical = canonicalJson(JSON.parse(row.record));
      } catch (error) {
        return bad(seq, "hash mismatch", `record cannot be read: ${(error as Error).message}`);
      }
      const computed = rowHash(row.prev_hash, canonical);
      if (row.hash !== computed) return bad(seq, "hash mismatch", `stored hash ${row.hash}, computed from the record ${computed}`);
      prevHash = row.hash;
      expectedSeq = seq + 1n;
      records++;
    }
    page = await next;
  }
  return { ok: true, records, chains };
}

/** The one line `npm run audit:verify` prints. */
export function formatAuditVerification(result: AuditVerification): string {
  if (result.ok) return `audit log OK: ${result.records} records in ${result.chains} chains`;
  return `audit log TAMPERED: chain ${result.chainId} seq ${result.seq}: ${result.problem}: ${result.detail}`;
}
