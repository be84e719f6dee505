/**
 * The writer side of the access log: one hash chain per writer process.
 *
 *   chain_id  = `${subgraph}:${randomUUID()}`, made when the chain is created
 *   genesis   = sha256("naeil-graph audit genesis " + chain_id)          (prev_hash of seq 1)
 *   hash      = sha256(prev_hash + "\n" + canonicalJson(record))
 *
 * `append` is serialised inside the process (a promise queue), costs exactly one parameterised
 * INSERT (one round trip), and resolves only once that row is written. A failed write rejects:
 * callers rely on "no audit record, no data". After a failed INSERT the chain cannot know whether
 * the row was committed (a connection lost after the server committed looks like any other
 * failure), so it continues as a fresh chain (new chain_id, new genesis, seq 1): the old chain
 * simply ends and both still verify.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Store } from "../store";
import { canonicalJson, toStoredRecord, type AccessRecord } from "./record";

export const GENESIS_PREFIX = "naeil-graph audit genesis ";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** prev_hash of a chain's first row (seq 1). */
export function genesisHash(chainId: string): string {
  return sha256(GENESIS_PREFIX + chainId);
}

/** A row's hash from the previous row's hash and the row's record (canonical JSON, as stored). */
export function rowHash(prevHash: string, canonicalRecord: string): string {
  return sha256(`${prevHash}\n${canonicalRecord}`);
}

const INSERT_SQL = "insert into audit.access_log (chain_id, seq, prev_hash, hash, record) values ($1, $2, $3, $4, $5)";

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

  constructor(
    private readonly store: Store,
    readonly subgraph: string,
  ) {
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
    try {
      await this.store.query(INSERT_SQL, [chainId, seq, this.prevHash, hash, canonical]);
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
