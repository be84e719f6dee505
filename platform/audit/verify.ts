/**
 * Checks the whole access log: every chain in (chain_id, seq) order, read in keyset pages (the
 * primary key's index; the next page is fetched while the current one is hashed), so millions of
 * rows take constant memory. For each chain, seq must run 1, 2, 3... with no gap; each row's
 * prev_hash must be the previous row's hash (the genesis hash for seq 1); each row's hash must be
 * sha256(prev_hash + "\n" + canonical JSON of its record). Stops at the first bad row.
 *
 * What a hash chain alone cannot show, rows cut from the END of a chain, a whole chain deleted, or a
 * chain rewritten from some row on with every hash recomputed, the signed heads show
 * (`audit.chain_head`, checkpoint.ts): every head's Ed25519 signature must verify with the public
 * key; every chain must have a head; a chain must reach its head's seq ("truncated": the chain ends
 * at seq N, its checkpoint says M) with the head's hash at that seq ("rewritten"); and every head's
 * chain must still exist. What the heads cannot show is in migrations.ts.
 */
import type { Store } from "../store";
import { canonicalJson } from "./record";
import { genesisHash, rowHash } from "./chain";
import { checkpointVerifier, type CheckpointVerifier } from "./checkpoint";

export type AuditProblem = "hash mismatch" | "broken link" | "missing seq" | "unexpected seq" | "truncated" | "rewritten" | "no checkpoint" | "bad checkpoint";

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
  /** Checks a head's signature (default: AUDIT_VERIFY_KEY_FILE, or the development key). */
  checkpoints?: CheckpointVerifier;
}

export interface HeadRow {
  chain_id: string;
  seq: string;
  hash: string;
  signature: string;
}

export const HEADS_SQL = "select chain_id, seq::text as seq, hash, signature from audit.chain_head order by chain_id";
const HEAD_SQL = "select chain_id, seq::text as seq, hash, signature from audit.chain_head where chain_id = $1";
const ORPHAN_HEADS_SQL = `select chain_id, seq::text as seq, hash, signature from audit.chain_head h
  where not exists (select 1 from audit.access_log l where l.chain_id = h.chain_id) order by chain_id limit 1`;
const ROW_EXISTS_SQL = "select 1 as present from audit.access_log where chain_id = $1 and seq = $2::bigint";

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
  const checkpoints = options.checkpoints ?? (await checkpointVerifier());
  const heads = new Map((await store.query<HeadRow>(HEADS_SQL)).map((head) => [head.chain_id, head]));
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

  let head: HeadRow | undefined;
  let headSeq = 0n;
  /** The chain that ends here (last seq present: expectedSeq - 1) against its signed head. */
  const endOfChain = async (): Promise<AuditVerification | null> => {
    if (chainId === null) return null;
    const last = expectedSeq - 1n;
    heads.delete(chainId);
    // A head read after this chain's rows (a chain begun during the check) may be ahead of them:
    // truncated only if the head's row is not there now either.
    if (last < headSeq && (await store.query(ROW_EXISTS_SQL, [chainId, String(headSeq)])).length === 0) {
      return bad(last + 1n, "truncated", `chain ${chainId} ends at seq ${last}, checkpoint says ${headSeq}`);
    }
    return null;
  };

  /** A head whose chain has no row left: the whole chain was deleted. */
  const deletedChain = (orphan: HeadRow): AuditVerification => {
    const gone = orphan.chain_id;
    if (!checkpoints(gone, BigInt(orphan.seq), orphan.hash, orphan.signature)) {
      return { ok: false, records, chains, chainId: gone, seq: Number(orphan.seq), problem: "bad checkpoint", detail: "the head's signature does not verify with the audit verify key (forged or altered head)" };
    }
    return { ok: false, records, chains, chainId: gone, seq: 1, problem: "truncated", detail: `chain ${gone} ends at seq 0 (no row left), checkpoint says ${orphan.seq}` };
  };
  // Whole chains deleted are reported first (one indexed query), then the chains in order.
  const [orphan] = await store.query<HeadRow>(ORPHAN_HEADS_SQL);
  if (orphan) return deletedChain(orphan);

  let page = await fetchAfter(null);
  while (page.length > 0) {
    const next = page.length === pageSize ? fetchAfter(page[page.length - 1]) : Promise.resolve([] as Row[]);
    // A rejected prefetch is reported by the await below; until then it must not count as unhandled.
    next.catch(() => undefined);
    for (const row of page) {
      if (row.chain_id !== chainId) {
        const ended = await endOfChain();
        if (ended) return ended;
        chainId = row.chain_id;
        chains++;
        expectedSeq = 1n;
        prevHash = genesisHash(chainId);
        // A chain begun after the heads were read has its head by now (written with its first row).
        head = heads.get(chainId) ?? (await store.query<HeadRow>(HEAD_SQL, [chainId]))[0];
        if (!head) return bad(1n, "no checkpoint", `chain ${chainId} has no signed head in audit.chain_head (deleted, or written around the writers)`);
        headSeq = BigInt(head.seq);
        if (!checkpoints(head.chain_id, headSeq, head.hash, head.signature)) {
          return bad(headSeq, "bad checkpoint", `the head's signature does not verify with the audit verify key (forged or altered head)`);
        }
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
      if (seq === headSeq && row.hash !== head!.hash) {
        return bad(seq, "rewritten", `hash ${row.hash} is not the signed checkpoint's ${head!.hash}: the chain was rewritten up to here`);
      }
      prevHash = row.hash;
      expectedSeq = seq + 1n;
      records++;
    }
    page = await next;
  }
  const ended = await endOfChain();
  if (ended) return ended;
  // A head not met in the walk: its chain's rows went while the check ran.
  const [left] = heads.values();
  return left ? deletedChain(left) : { ok: true, records, chains };
}

/** The one line `npm run audit:verify` prints. */
export function formatAuditVerification(result: AuditVerification): string {
  if (result.ok) return `audit log OK: ${result.records} records in ${result.chains} chains, each at its signed checkpoint`;
  return `audit log TAMPERED: chain ${result.chainId} seq ${result.seq}: ${result.problem}: ${result.detail}`;
}
