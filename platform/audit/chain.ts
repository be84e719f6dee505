/**
 * The writer side of the access log: one hash chain per writer process.
 *
 *   chain_id  = `${subgraph}:${randomUUID()}`, made when the chain is created
 *   genesis   = sha256("naeil-graph audit genesis " + chain_id)          (prev_hash of seq 1)
 *   hash      = sha256(prev_hash + "\n" + canonicalJson(record))
 *
 * `append` is serialised inside the process (a promise queue), costs exactly one message (one round
 * trip) and resolves only once the row is written. That message, one implicit transaction, switches
 * to the writer role (`naeil_audit_writer`: INSERT and SELECT only, migrations.ts), inserts the row
 * and moves the chain's signed head (`audit.chain_head`, checkpoint.ts) to it: both or neither. A failed write rejects:
 * callers rely on "no audit record, no data". After a failed INSERT the chain cannot know whether
 * the row was committed (a connection lost after the server committed looks like any other
 * failure), so it continues as a fresh chain (new chain_id, new genesis, seq 1): the old chain
 * simply ends and both still verify.
 */
import { randomUUID } from "node:crypto";
import { canonicalJson, sha256Hex as sha256 } from "../digest";
import { inlineParameters, type Store } from "../store";
import { checkpointSigner, type CheckpointSigner } from "./checkpoint";
import { AUDIT_WRITER_ROLE } from "./migrations";
import { toStoredRecord, type AccessRecord } from "./record";

export const GENESIS_PREFIX = "naeil-graph audit genesis ";


/** prev_hash of a chain's first row (seq 1). */
export function genesisHash(chainId: string): string {
  return sha256(GENESIS_PREFIX + chainId);
}

/** A row's hash from the previous row's hash and the row's record (canonical JSON, as stored). */
export function rowHash(prevHash: string, canonicalRecord: string): string {
  return sha256(`${prevHash}\n${canonicalRecord}`);
}

/**
 * One simple-protocol message (parameters written in as escaped literals, store.ts): several
 * statements in one implicit transaction, so `set local role` holds for this write alone, also on
 * the embedded store, whose connections share one session.
 */
const APPEND_SQL = `set local role ${AUDIT_WRITER_ROLE};
with head as (
  insert into audit.chain_head (chain_id, seq, hash, signature) values ($1, $2, $4, $6)
  on conflict (chain_id) do update set seq = excluded.seq, hash = excluded.hash, signature = excluded.signature, at = now()
)
insert into audit.access_log (chain_id, seq, prev_hash, hash, record) values ($1, $2, $3, $4, $5)`;

export interface AppendedRow {
  chainId: string;
  seq: number;
  hash: string;
}

export class AuditChain {
  private currentChainId!: string;
  private seq!: number;
  private prevHash!: string;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly signer: Promise<CheckpointSigner>;

  /** `signer`: the checkpoint signer (default: AUDIT_SIGNING_KEY_FILE or the development key). */
  constructor(
    private readonly store: Store,
    readonly subgraph: string,
    signer?: CheckpointSigner,
  ) {
    this.signer = signer ? Promise.resolve(signer) : checkpointSigner();
    this.signer.catch(() => undefined); // reported by the first append
    this.startChain();
  }

  /** The chain this process writes to now (changes only after a failed write). */
  get chainId(): string {
    return this.currentChainId;
  }

  /**
   * Writes one record as the next row of the chain. Resolves with the row once it is in the
   * database; rejects if the record is malformed or the write fails. Appends run one at a time,
   * in call order.
   */
  append(record: AccessRecord): Promise<AppendedRow> {
    const run = this.queue.then(() => this.write(record));
    // The queue waits for each append but never inherits its failure; the caller's promise does.
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every append called so far has settled (for a graceful shutdown). */
  async flush(): Promise<void> {
    await this.queue;
  }

  private async write(record: AccessRecord): Promise<AppendedRow> {
    const canonical = canonicalJson(toStoredRecord(record));
    const chainId = this.currentChainId;
    const seq = this.seq + 1;
    const hash = rowHash(this.prevHash, canonical);
    const signature = (await this.signer)(chainId, seq, hash);
    try {
      await this.store.query(inlineParameters(APPEND_SQL, [chainId, seq, this.prevHash, hash, canonical, signature]));
    } catch (error) {
      this.startChain();
      throw error;
    }
    this.seq = seq;
    this.prevHash = hash;
    return { chainId, seq, hash };
  }

  private startChain(): void {
    this.currentChainId = `${this.subgraph}:${randomUUID()}`;
    this.seq = 0;
    this.prevHash = genesisHash(this.currentChainId);
  }
}
