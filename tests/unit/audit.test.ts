/**
 * The tamper-evident access log against a real PostgreSQL server (no mocks): a fresh database
 * `naeil_audit_test_<pid>` on TEST_DATABASE_URL, dropped afterwards. Unreachable server: skipped
 * with one line, or a failure when CI is set.
 */
import { execFile } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../platform/store";
import { AuditChain, genesisHash, rowHash } from "../../platform/audit/chain";
import { ensureAuditSchema } from "../../platform/audit/migrations";
import { canonicalJson, type AccessRecord } from "../../platform/audit/record";
import { formatAuditVerification, verifyAuditLog } from "../../platform/audit/verify";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const databaseName = `naeil_audit_test_${process.pid}`;

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const unreachable = await reachable();
if (unreachable) {
  const reason = `PostgreSQL at ${adminUrl} is not reachable (${unreachable})`;
  if (process.env.CI) throw new Error(`${reason}; CI must run the audit log tests.`);
  console.log(`SKIPPED tests/unit/audit.test.ts: ${reason}. Start PostgreSQL or set TEST_DATABASE_URL to run it.`);
}

function record(subgraph: string, i: number): AccessRecord {
  return {
    at: new Date(Date.UTC(2026, 10, 25, 9, 0, i)).toISOString(),
    caller: `acct-${1000 + (i % 7)}`,
    audience: "counsellor",
    organisation: "Seoul Gwanak Employment Center",
    onBehalfOf: i % 3 === 0 ? "acct-citizen-42" : null,
    purpose: i % 2 === 0 ? "상담 (counselling)" : null,
    personIds: [`P${String(i).padStart(8, "0")}`, `P${String(i + 1).padStart(8, "0")}`],
    fields: ["Person.learningCard", "Person.nationalEmploymentSupport"],
    operationName: i % 5 === 0 ? null : "CounsellorView",
    documentHash: "ab".repeat(32),
    clientAddress: i % 4 === 0 ? null : "10.0.0.7",
    subgraph,
    outcome: i % 11 === 0 ? "DENIED" : "ALLOWED",
    requestId: `req-${subgraph}-${i}`,
  };
}

function runVerifyScript(databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/audit-verify.ts"],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(unreachable !== null)("audit log on real PostgreSQL", () => {
  let databaseUrl = "";
  let store: Store;
  let chainA: AuditChain;
  let chainB: AuditChain;

  beforeAll(async () => {
    await admin(adminUrl, async (c) => {
      await c.query(`drop database if exists ${databaseName} with (force)`);
      await c.query(`create database ${databaseName}`);
    });
    const url = new URL(adminUrl);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
    store = openStore({ connectionString: databaseUrl, applicationName: "naeil-audit-test" });
  });

  afterAll(async () => {
    await store?.close();
    if (databaseUrl) await admin(adminUrl, (c) => c.query(`drop database if exists ${databaseName} with (force)`));
  });

  /** Runs SQL as the table owner with the append-only triggers off: what a privileged attacker can do. */
  const tamper = (sql: string, params: unknown[]) =>
    admin(databaseUrl, async (c) => {
      await c.query("begin");
      await c.query("alter table audit.access_log disable trigger user");
      const result = await c.query(sql, params);
      await c.query("alter table audit.access_log enable trigger user");
      await c.query("commit");
      return result.rowCount;
    });

  it("creates the schema idempotently, also from concurrent starts", async () => {
    await Promise.all([ensureAuditSchema(store), ensureAuditSchema(store), ensureAuditSchema(store)]);
    await ensureAuditSchema(store);
    const tables = await store.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'audit' order by table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(["access_log", "chain_head"]);
    expect(await verifyAuditLog(store)).toEqual({ ok: true, records: 0, chains: 0 });
  });

  it("hashes canonical JSON: keys sorted, whatever their order", () => {
    expect(canonicalJson({ b: [2, { z: 1, a: null }], a: "é" })).toBe('{"a":"é","b":[2,{"a":null,"z":1}]}');
    expect(canonicalJson({ a: 1, skip: undefined })).toBe('{"a":1}');
  });

  it("appends 50 records from two chains concurrently, each chain 1..25 with its links", async () => {
    chainA = new AuditChain(store, "people");
    chainB = new AuditChain(store, "learning-card");
    expect(chainA.chainId).toMatch(/^people:[0-9a-f-]{36}$/);
    const appends = [];
    for (let i = 1; i <= 25; i++) appends.push(chainA.append(record("people", i)), chainB.append(record("learning-card", i)));
    const rows = await Promise.all(appends);
    expect(rows.filter((r) => r.chainId === chainA.chainId).map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));

    expect(await verifyAuditLog(store)).toEqual({ ok: true, records: 50, chains: 2 });
    // Page boundaries inside and across chains change nothing.
    expect(await verifyAuditLog(store, { pageSize: 7 })).toEqual({ ok: true, records: 50, chains: 2 });

    const [first] = await store.query<{ prev_hash: string; hash: string; record: AccessRecord }>(
      "select prev_hash, hash, record from audit.access_log where chain_id = $1 and seq = 1",
      [chainA.chainId],
    );
    expect(first.prev_hash).toBe(genesisHash(chainA.chainId));
    expect(first.hash).toBe(rowHash(first.prev_hash, canonicalJson(record("people", 1))));
    expect(first.record).toEqual(record("people", 1));
  });

  it("keeps only the record's own fields and rejects a malformed record without writing", async () => {
    const extra = { ...record("people", 26), variables: { id: "P00000026" } } as AccessRecord;
    const row = await chainA.append(extra);
    const [stored] = await store.query<{ record: Record<string, unknown> }>(
      "select record from audit.access_log where chain_id = $1 and seq = $2",
      [row.chainId, row.seq],
    );
    expect(stored.record).not.toHaveProperty("variables");
    await expect(chainA.append({ ...record("people", 27), outcome: "MAYBE" } as unknown as AccessRecord)).rejects.toThrow(/outcome/);
    await expect(chainA.append({ ...record("people", 27), at: "yesterday" })).rejects.toThrow(/at must be/);
    await expect(chainA.append({ ...record("people", 27), personIds: undefined } as unknown as AccessRecord)).rejects.toThrow(/personIds/);
    expect(await verifyAuditLog(store)).toEqual({ ok: true, records: 51, chains: 2 });
  });

  it("the table refuses UPDATE, DELETE and TRUNCATE from the application", async () => {
    await expect(store.query("update audit.access_log set record = '{}' where seq = 1")).rejects.toThrow(/append-only/);
    await expect(store.query("delete from audit.access_log where seq = 1")).rejects.toThrow(/append-only/);
    await expect(store.query("truncate audit.access_log")).rejects.toThrow(/append-only/);
  });

  it("npm run audit:verify prints OK with the counts and exits 0", async () => {
    const { code, stdout } = await runVerifyScript(databaseUrl);
    expect(stdout.trim().split("\n")[0]).toBe("audit log OK: 51 records in 2 chains, each at its signed checkpoint");
    // No anchor taken for this database: said on a second line, and not an error.
    expect(stdout.trim().split("\n")[1]).toMatch(/^no anchors yet in .*naeil_audit_test_\d+\.jsonl \(npm run audit:anchor writes them\)$/);
    expect(code).toBe(0);
  });

  it("a changed record is a hash mismatch at exactly that chain and seq; the script exits 1", async () => {
    const [original] = await store.query<{ record: string }>(
      "select record::text as record from audit.access_log where chain_id = $1 and seq = 12",
      [chainB.chainId],
    );
    expect(
      await tamper(`update audit.access_log set record = jsonb_set(record, '{personIds}', '["P00000999"]') where chain_id = $1 and seq = 12`, [
        chainB.chainId,
      ]),
    ).toBe(1);

    const result = await verifyAuditLog(store);
    expect(result).toMatchObject({ ok: false, chainId: chainB.chainId, seq: 12, problem: "hash mismatch" });
    const { code, stdout } = await runVerifyScript(databaseUrl);
    expect(code).toBe(1);
    expect(stdout.trim().split("\n")[0]).toBe(formatAuditVerification(result));
    expect(stdout).toContain(`chain ${chainB.chainId} seq 12: hash mismatch`);

    // Rewriting the row's hash too only moves the evidence to the next row's link.
    await tamper(
      "update audit.access_log set hash = $3 where chain_id = $1 and seq = $2",
      [chainB.chainId, 12, rowHash(...(await prevAndCanonical(chainB.chainId, 12)))],
    );
    expect(await verifyAuditLog(store)).toMatchObject({ ok: false, chainId: chainB.chainId, seq: 13, problem: "broken link" });

    // Put the original record and hash back: whole again.
    const [row11] = await store.query<{ hash: string }>("select hash from audit.access_log where chain_id = $1 and seq = 11", [chainB.chainId]);
    await tamper("update audit.access_log set record = $3::jsonb, hash = $4 where chain_id = $1 and seq = $2", [
      chainB.chainId,
      12,
      original.record,
      rowHash(row11.hash, canonicalJson(JSON.parse(original.record))),
    ]);
    expect(await verifyAuditLog(store)).toEqual({ ok: true, records: 51, chains: 2 });
  });

  async function prevAndCanonical(chainId: string, seq: number): Promise<[string, string]> {
    const [row] = await store.query<{ prev_hash: string; record: string }>(
      "select prev_hash, record::text as record from audit.access_log where chain_id = $1 and seq = $2",
      [chainId, seq],
    );
    return [row.prev_hash, canonicalJson(JSON.parse(row.record))];
  }

  it("a deleted middle row is a missing seq at exactly that chain and seq", async () => {
    expect(await tamper("delete from audit.access_log where chain_id = $1 and seq = 8", [chainA.chainId])).toBe(1);
    const result = await verifyAuditLog(store, { pageSize: 5 });
    expect(result).toMatchObject({ ok: false, chainId: chainA.chainId, seq: 8, problem: "missing seq" });
    expect(formatAuditVerification(result)).toContain(`chain ${chainA.chainId} seq 8: missing seq`);
    const { code, stdout } = await runVerifyScript(databaseUrl);
    expect(code).toBe(1);
    expect(stdout).toContain(`chain ${chainA.chainId} seq 8: missing seq`);
  });

  it("append rejects when the store is closed or unreachable; nothing is swallowed", async () => {
    const closed = openStore({ connectionString: databaseUrl, applicationName: "naeil-audit-closed" });
    await closed.ping();
    await closed.close();
    await expect(new AuditChain(closed, "people").append(record("people", 1))).rejects.toThrow();

    const nowhere = openStore({ connectionString: `postgres://postgres@127.0.0.1:${await closedPort()}/test`, applicationName: "naeil-audit-nowhere" });
    const chain = new AuditChain(nowhere, "people");
    const results = await Promise.allSettled([chain.append(record("people", 1)), chain.append(record("people", 2))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/ECONNREFUSED|connect/);
    await nowhere.close();
  });

  it("a write PostgreSQL refuses rejects, and the writer goes on in a fresh chain that verifies", async () => {
    // Start from an empty log: the tampering above is past.
    await tamper("delete from audit.access_log", []);
    await admin(databaseUrl, async (c) => {
      await c.query("alter table audit.chain_head disable trigger user");
      await c.query("delete from audit.chain_head");
      await c.query("alter table audit.chain_head enable trigger user");
    });
    const chain = new AuditChain(store, "journey");
    const before = chain.chainId;
    await chain.append(record("journey", 1));
    // jsonb cannot hold U+0000: the server refuses the row.
    await expect(chain.append({ ...record("journey", 2), operationName: "bad\u0000name" })).rejects.toThrow(/Unicode|\\u0000/);
    expect(chain.chainId).not.toBe(before);
    const next = await chain.append(record("journey", 3));
    expect(next).toMatchObject({ chainId: chain.chainId, seq: 1 });
    expect(await verifyAuditLog(store)).toEqual({ ok: true, records: 2, chains: 2 });
  });
});
