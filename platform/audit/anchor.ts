/**
 * Anchors: copies of the signed chain heads kept outside the database.
 *
 * A signed head (checkpoint.ts) proves a chain reached (seq, hash), but it is valid forever: the
 * database superuser, who can write both tables, can cut a chain back to an older signed head saved
 * earlier, or delete a whole chain together with its head, and the database alone still verifies.
 * What shows that is a copy of the heads the database cannot reach: `npm run audit:anchor` appends
 * every current head, with its signature, as one JSON line to a file (`AUDIT_ANCHOR_FILE`; in
 * production a write-once store: an object-locked bucket, WORM storage), and `npm run audit:verify`
 * then requires every anchored chain to still hold the anchored hash at the anchored seq.
 *
 * An anchor line is only as trustworthy as its signatures: a head whose signature does not verify
 * with the audit verify key is refused ("bad anchor"), so an anchor file cannot be forged without the
 * writers' key either. Chains begun after the last anchor are covered by the database's own heads
 * only, until the next anchor: anchor as often as a cut may go unnoticed (the deploy runs it on a
 * schedule).
 *
 * Written here rather than taken from a library: it is a JSON-lines append and one indexed lookup per
 * chain; transparency-log services (Trillian, Sigstore's Rekor) do the same at scale and can replace
 * the file where one is run.
 */
import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Store } from "../store";
import type { CheckpointVerifier } from "./checkpoint";
import { HEADS_SQL, type HeadRow } from "./verify";

const ANCHORS_DIR = fileURLToPath(new URL("../../.data/audit-anchors", import.meta.url));

/**
 * Where `npm run audit:anchor` writes and `audit:verify` reads: AUDIT_ANCHOR_FILE, else one file per
 * access store under .data/audit-anchors/ (named by its host, port and database, so two stacks side
 * by side keep their anchors apart).
 */
export function anchorFile(accessDatabaseUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.AUDIT_ANCHOR_FILE) return resolve(env.AUDIT_ANCHOR_FILE);
  const url = new URL(accessDatabaseUrl);
  const name = `${url.hostname}-${url.port || "5432"}-${url.pathname.replace(/^\//, "") || "postgres"}`.replace(/[^A-Za-z0-9._-]/g, "_");
  return join(ANCHORS_DIR, `${name}.jsonl`);
}

export interface SignedHead {
  chainId: string;
  seq: number;
  hash: string;
  signature: string;
}

/** One line of the anchor file: every chain's head at one moment. */
export interface Anchor {
  at: string;
  heads: SignedHead[];
}

export async function signedHeads(store: Store): Promise<SignedHead[]> {
  const rows = await store.query<HeadRow>(HEADS_SQL);
  return rows.map((r) => ({ chainId: r.chain_id, seq: Number(r.seq), hash: r.hash, signature: r.signature }));
}

/** Appends the store's current heads to `file` as one line (O_APPEND: earlier lines are never rewritten). */
export async function appendAnchor(store: Store, file: string, at: Date = new Date()): Promise<Anchor> {
  const anchor: Anchor = { at: at.toISOString(), heads: await signedHeads(store) };
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(anchor)}\n`, { flag: "a" });
  return anchor;
}

export type AnchorProblem = "truncated" | "rewritten" | "bad anchor";

export type AnchorVerification =
  | { ok: true; chains: number; anchors: number }
  | { ok: false; chainId: string; seq: number; problem: AnchorProblem; detail: string };

interface Anchored extends SignedHead {
  at: string;
}

/** The highest anchored head of every chain in the file's lines; a line that is not an anchor is an error. */
export function latestAnchored(text: string, verifier: CheckpointVerifier): { heads: Map<string, Anchored>; anchors: number } | AnchorVerification {
  const heads = new Map<string, Anchored>();
  let anchors = 0;
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  for (const [index, line] of lines.entries()) {
    let anchor: Anchor;
    try {
      anchor = JSON.parse(line) as Anchor;
      if (typeof anchor.at !== "string" || !Array.isArray(anchor.heads)) throw new Error("not an anchor");
    } catch {
      return { ok: false, chainId: "-", seq: 0, problem: "bad anchor", detail: `line ${index + 1} of the anchor file is not an anchor` };
    }
    anchors++;
    for (const head of anchor.heads) {
      if (!verifier(head.chainId, head.seq, head.hash, head.signature)) {
        return { ok: false, chainId: head.chainId, seq: head.seq, problem: "bad anchor", detail: `the head anchored at ${anchor.at} does not verify with the audit verify key` };
      }
      const known = heads.get(head.chainId);
      if (!known || head.seq > known.seq) heads.set(head.chainId, { ...head, at: anchor.at });
    }
  }
  return { heads, anchors };
}

const AT_SEQ_SQL = `select (select hash from audit.access_log where chain_id = $1 and seq = $2::bigint) as hash,
  (select max(seq)::text from audit.access_log where chain_id = $1) as last`;

/**
 * Every anchored chain must still hold the anchored hash at the anchored seq. With the hash chain
 * verified (verify.ts), that row vouches for every row before it.
 */
export async function verifyAnchors(store: Store, text: string, verifier: CheckpointVerifier): Promise<AnchorVerification> {
  const read = latestAnchored(text, verifier);
  if ("ok" in read) return read;
  for (const head of read.heads.values()) {
    const [row] = await store.query<{ hash: string | null; last: string | null }>(AT_SEQ_SQL, [head.chainId, String(head.seq)]);
    if (row?.hash == null) {
      const last = row?.last ?? "0";
      return { ok: false, chainId: head.chainId, seq: head.seq, problem: "truncated", detail: `chain ${head.chainId} ends at seq ${last}${last === "0" ? " (no row left)" : ""}, the anchor of ${head.at} says ${head.seq}` };
    }
    if (row.hash !== head.hash) {
      return { ok: false, chainId: head.chainId, seq: head.seq, problem: "rewritten", detail: `hash ${row.hash} is not the hash ${head.hash} anchored at ${head.at}` };
    }
  }
  return { ok: true, chains: read.heads.size, anchors: read.anchors };
}

export async function readAnchorFile(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
