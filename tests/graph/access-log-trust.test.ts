/**
 * An access log a citizen can trust, attacked through the real gateway and the real access store:
 * reads that return only ids, refused reads, tampering with the table by its owner, a client's
 * chosen request id, and staff tokens without an account.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { appendFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { graphql, skipReason, type As } from "../setup/graphql";
import { firstPerson, personInAllPrograms, type PersonWithRecords } from "../setup/population";
import { syntheticPerson } from "../../subgraphs/kit/synthetic/person";
import { devToken } from "../../gateway/auth/dev-token";
import { AuditChain, genesisHash, rowHash } from "../../platform/audit/chain";
import { accessRecord, canonicalJson } from "../../platform/audit/record";
import { inlineParameters, openStore, type Store } from "../../platform/store";

const run = randomUUID().slice(0, 8);
const accessUrl = () => inject("accessDatabaseUrl") || inject("databaseUrl");
const counsellorOf = (centerId: string, name: string, purpose?: string): As => ({ role: "counsellor", sub: `trust-${run}-${name}`, centers: [centerId], ...(purpose ? { purpose } : {}) });

interface StoredRecord {
  subgraph: string;
  personIds: string[];
  fields: string[];
  caller: string;
  outcome: string;
  requestId: string;
  clientRequestId?: string;
}

/** Runs `fn` with a connection to the access store as the database's owner (superuser here). */
async function asOwner<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: accessUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * One simple-protocol message (one implicit transaction, parameters inlined as escaped literals):
 * on the embedded store, whose connections share one session, nothing else runs in between.
 */
const oneMessage = (client: pg.Client, sql: string, params: unknown[] = []) => client.query(params.length ? inlineParameters(sql, params) : sql);

/** The records the access store holds for requests the client labelled `clientRequestId`. */
const recordsOf = (clientRequestId: string) =>
  asOwner(async (c) => {
    const { rows } = await c.query<{ record: StoredRecord }>(
      "select record from audit.access_log where record->>'clientRequestId' = $1 order by record->>'subgraph', record->>'outcome'",
      [clientRequestId],
    );
    return rows.map((r) => r.record);
  });

/** This run's anchor file (none until a test anchors): the stores of earlier runs have anchors of their own. */
const anchors = join(tmpdir(), `naeil-anchors-${run}.jsonl`);

function auditScript(script: "audit-verify" | "audit-anchor", env: Record<string, string>): Promise<{ code: number; out: string }> {
  const base: NodeJS.ProcessEnv = { ...process.env, AUDIT_ANCHOR_FILE: anchors };
  delete base.ACCESS_DATABASE_URL;
  delete base.DATABASE_URL;
  delete base.PGLITE_PORT;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `scripts/${script}.ts`], { env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("close", (code) => resolve({ code: code ?? -1, out }));
  });
}

/** The access store as the audit scripts find it: on the embedded store through PGLITE_PORT alone, as after `npm start`. */
const accessStoreEnv = (): Record<string, string> =>
  inject("accessDatabaseUrl") ? { ACCESS_DATABASE_URL: inject("accessDatabaseUrl") } : { PGLITE_PORT: new URL(inject("databaseUrl")).port };

/** audit:verify against the access store, with this run's anchors (if any were taken). */
const verifyAccessStore = () => auditScript("audit-verify", accessStoreEnv());
/** audit:verify against the access store as the database alone can tell (no anchors). */
const verifyWithoutAnchors = () => auditScript("audit-verify", { ...accessStoreEnv(), AUDIT_ANCHOR_FILE: join(tmpdir(), `naeil-no-anchors-${run}.jsonl`) });
/** audit:anchor: this run's anchor file gets every current head. */
const anchorHeads = () => auditScript("audit-anchor", accessStoreEnv());

/** The first `n` persons of a center in id order, from the generator (the oracle of people's seed). */
function firstOfCenter(centerId: string, n: number): string[] {
  const ids: string[] = [];
  for (let i = 1; i <= inject("testPersons") && ids.length < n; i++) {
    const p = syntheticPerson(i);
    if (p.centerId === centerId) ids.push(p.id);
  }
  return ids;
}

describe.skipIf(skipReason())("an access log a citizen can trust", () => {
  let own: PersonWithRecords;
  let other: PersonWithRecords;

  beforeAll(() => {
    own = personInAllPrograms(inject("testPersons"));
    other = firstPerson(inject("testPersons"), (r) => r.p.centerId !== own.p.centerId, "a person of another center");
  });

  describe("reads that return only ids are reads of those persons", () => {
    const idOnlyReads = (p: { id: string; centerId: string }): [string, string, Record<string, unknown>, string[]][] => {
      const page = firstOfCenter(p.centerId, 3);
      const filter = { centerId: p.centerId };
      return [
        ["person(id) { id }", `query($id: ID!) { person(id: $id) { id } }`, { id: p.id }, [p.id]],
        ["person(id) { __typename }", `query($id: ID!) { person(id: $id) { __typename } }`, { id: p.id }, [p.id]],
        ["persons { edges { node { id } } }", `query($f: PersonFilter) { persons(filter: $f, first: 3) { edges { node { id } } } }`, { f: filter }, page],
        ["persons { edges { cursor } }", `query($f: PersonFilter) { persons(filter: $f, first: 3) { edges { cursor } } }`, { f: filter }, page],
        ["persons { pageInfo { endCursor } }", `query($f: PersonFilter) { persons(filter: $f, first: 3) { pageInfo { endCursor } } }`, { f: filter }, page],
        ["persons { totalCount }", `query($f: PersonFilter) { persons(filter: $f, first: 3) { totalCount } }`, { f: filter }, page],
        ["employmentCenter { persons { edges { node { __typename } } } }", `query($c: ID!) { employmentCenter(id: $c) { persons(first: 3) { edges { node { __typename } } } } }`, { c: p.centerId }, page],
      ];
    };

    it("each writes an access record naming the persons it revealed (read back from the access store)", async () => {
      for (const [label, query, variables, expected] of idOnlyReads(own.p)) {
        const clientId = `ids-${run}-${label.replace(/[^\w]+/g, "-")}`;
        const answer = await graphql(query, variables, { as: counsellorOf(own.p.centerId, "ids"), headers: { "x-request-id": clientId } });
        expect(answer.errors, label).toBeUndefined();
        const records = await recordsOf(clientId);
        expect(records.map((r) => [r.subgraph, r.outcome]), label).toEqual([["people", "ALLOWED"]]);
        expect(records[0].personIds, label).toEqual([...expected].sort());
        expect(records[0].fields, label).toContain("Person.id");
        expect(records[0].caller, label).toBe(`trust-${run}-ids`);
      }
    });

    it.skipIf(!inject("accessDatabaseUrl"))("each is refused with AUDIT_UNAVAILABLE while the access store is down", async () => {
      const name = new URL(inject("accessDatabaseUrl")).pathname.slice(1);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test" });
      await admin.connect();
      try {
        await admin.query(`alter database ${name} with allow_connections false`);
        await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [name]);
        for (const [label, query, variables] of idOnlyReads(other.p)) {
          const answer = await graphql(query, variables, { as: counsellorOf(other.p.centerId, "outage") });
          expect(answer.errors?.map((e) => e.extensions?.code), label).toContain("AUDIT_UNAVAILABLE");
          expect(new Set(answer.errors?.map((e) => e.extensions?.code)), label).toEqual(new Set(["AUDIT_UNAVAILABLE"]));
          expect(JSON.stringify(answer.data ?? null), label).not.toContain(other.p.id);
        }
      } finally {
        await admin.query(`alter database ${name} with allow_connections true`);
        await admin.end();
      }
    });
  });

  describe("a refused read is recorded as DENIED only, and the citizen sees it as refused", () => {
    it("a counsellor of another center: one DENIED record, no ALLOWED", async () => {
      const clientId = `refused-${run}-counsellor`;
      const purpose = `trust ${run} refused counsellor`;
      const refused = await graphql(`query($id: ID!) { person(id: $id) { name learningCard { card { id } } } }`, { id: own.p.id }, {
        as: counsellorOf(other.p.centerId, "elsewhere", purpose),
        headers: { "x-request-id": clientId },
      });
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
      const records = await recordsOf(clientId);
      expect(records.map((r) => [r.subgraph, r.outcome, r.personIds])).toEqual([["people", "DENIED", [own.p.id]]]);

      const log = await graphql(`{ me { accessLog(first: 100) { who audience purpose refused programs } } }`, undefined, { as: { role: "citizen", sub: own.p.id } });
      expect(log.errors).toBeUndefined();
      expect(log.data.me.accessLog.filter((e: { purpose: string | null }) => e.purpose === purpose)).toEqual([
        { who: expect.any(String), audience: "counsellor", purpose, refused: true, programs: [] },
      ]);
    });

    it("a partner refused one program of two: that program's record is DENIED only; the citizen sees one access and one refusal", async () => {
      const purpose = `trust ${run} partner`;
      const year = new Date().getFullYear() + 1;
      const citizen: As = { role: "citizen", sub: own.p.id };
      const granted = await graphql(
        `mutation($c: ConsentInput!) { grantConsent(consent: $c) { id } }`,
        { c: { partnerId: "seoul-50plus", purpose, scopes: ["learning-card:read"], expiresOn: `${year}-12-31` } },
        { as: citizen },
      );
      expect(granted.errors).toBeUndefined();
      const partner: As = { role: "partner", sub: `trust-${run}-partner`, partner: "seoul-50plus", purpose, scope: "learning-card:read mid-career:read" };
      const clientId = `refused-${run}-partner`;
      const answer = await graphql(
        `query TrustPartner($id: ID!) { person(id: $id) { learningCard { card { id } } midCareerSupport { careerDesignSessions { id } } } }`,
        { id: own.p.id },
        { as: partner, headers: { "x-request-id": clientId } },
      );
      expect(answer.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([["CONSENT_REQUIRED", ["person", "midCareerSupport"]]]);
      expect(answer.data.person.learningCard.card.id).toBe(own.lc.card!.id);

      const records = await recordsOf(clientId);
      expect(records.map((r) => [r.subgraph, r.outcome, r.fields])).toEqual([
        ["learning-card", "ALLOWED", ["Person.learningCard"]],
        ["mid-career", "DENIED", ["Person.midCareerSupport"]],
        ["people", "ALLOWED", ["Person.circumstances", "Person.id"]],
      ]);

      const log = await graphql(`{ me { accessLog(first: 100) { audience purpose refused programs } } }`, undefined, { as: citizen });
      const entries = log.data.me.accessLog.filter((e: { purpose: string | null }) => e.purpose === purpose);
      expect(entries).toHaveLength(2);
      expect(entries).toEqual(
        expect.arrayContaining([
          { audience: "partner", purpose, refused: false, programs: ["LEARNING_CARD"] },
          { audience: "partner", purpose, refused: true, programs: ["MID_CAREER_SUPPORT"] },
        ]),
      );
    });
  });

  describe("the request id is the gateway's own", () => {
    it("seven reads by two callers with one chosen x-request-id are seven requests, each under its own caller", async () => {
      const chosen = `chosen-${run}`;
      const query = `query($id: ID!) { person(id: $id) { name } }`;
      const a = counsellorOf(own.p.centerId, "a", `trust ${run} caller a`);
      const b = counsellorOf(own.p.centerId, "b", `trust ${run} caller b`);
      const answers = [];
      for (const as of [a, a, a, a, b, b, b]) answers.push(await graphql(query, { id: own.p.id }, { as, headers: { "x-request-id": chosen } }));
      for (const answer of answers) {
        expect(answer.errors).toBeUndefined();
        expect(answer.headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
      const ours = answers.map((r) => r.headers.get("x-request-id"));
      expect(new Set(ours).size).toBe(7);

      const records = await recordsOf(chosen);
      expect(records.map((r) => r.requestId).sort()).toEqual([...ours].sort());
      expect(records.filter((r) => r.caller === `trust-${run}-a`)).toHaveLength(4);
      expect(records.filter((r) => r.caller === `trust-${run}-b`)).toHaveLength(3);

      const log = await graphql(`{ me { accessLog(first: 100) { purpose refused } } }`, undefined, { as: { role: "citizen", sub: own.p.id } });
      const purposes = log.data.me.accessLog.map((e: { purpose: string | null }) => e.purpose);
      expect(purposes.filter((p: string | null) => p === `trust ${run} caller a`)).toHaveLength(4);
      expect(purposes.filter((p: string | null) => p === `trust ${run} caller b`)).toHaveLength(3);
    });
  });

  describe("staff tokens must name an account", () => {
    it.each([
      ["counsellor", { role: "counsellor", centers: ["gumi"] }],
      ["analyst", { role: "analyst" }],
      ["partner", { role: "partner", partner: "seoul-50plus", purpose: "job matching", scope: "learning-card:read" }],
    ])("a %s token without sub is UNAUTHENTICATED (MISSING_SUBJECT), and leaves no record", async (role, claims) => {
      const clientId = `nosub-${run}-${role}`;
      const response = await fetch(inject("gatewayUrl"), {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await devToken(claims)}`, "x-request-id": clientId },
        body: JSON.stringify({ query: `{ employmentCenters(region: SEOUL) { id } }` }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
      expect(response.status).toBe(401);
      expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([["UNAUTHENTICATED", "MISSING_SUBJECT"]]);
      expect(body.errors?.[0].message).toMatch(/"sub"/);
      expect(await recordsOf(clientId)).toEqual([]);
    });
  });

  describe("tampering by someone who can write the table", () => {
    // A chain of its own, written by the real writer with the writers' key and then left (closed), so
    // that tampering with it and putting it back disturbs no other test. Its name sorts before every
    // subgraph's, so audit:verify (which stops at the first bad chain) reports it first.
    const WRITER = "access-log-trust-test";
    let store: Store;
    let chain: AuditChain;
    let saved: { chain_id: string; seq: string; prev_hash: string; hash: string; record: string }[] = [];
    let savedHead: { seq: string; hash: string; signature: string };
    /** The head as it was two records before the end: an attacker who saved it can cut the chain back to it. */
    let olderHead: { seq: string; hash: string; signature: string };
    const LENGTH = 6;

    beforeAll(async () => {
      store = openStore({ connectionString: accessUrl(), applicationName: "naeil-trust-test", maxConnections: 2 });
      chain = new AuditChain(store, WRITER);
      const facts = { requestId: randomUUID(), operationName: "Tamper", documentHash: "0".repeat(64), clientAddress: null };
      const caller = { audience: "counsellor" as const, subject: `trust-${run}`, centers: [own.p.centerId], scopes: [], via: "jwt" as const };
      const append = () => chain.append(accessRecord(caller, facts, WRITER, [own.p.id], ["Person.name"], "ALLOWED"));
      for (let i = 0; i < LENGTH - 2; i++) await append();
      [olderHead] = await asOwner(async (c) => (await c.query("select seq::text as seq, hash, signature from audit.chain_head where chain_id = $1", [chain.chainId])).rows);
      for (let i = 0; i < 2; i++) await append();
      await asOwner(async (c) => {
        saved = (await c.query("select chain_id, seq::text as seq, prev_hash, hash, record::text as record from audit.access_log where chain_id = $1 order by seq", [chain.chainId])).rows;
        [savedHead] = (await c.query("select seq::text as seq, hash, signature from audit.chain_head where chain_id = $1", [chain.chainId])).rows;
      });
      expect(saved).toHaveLength(LENGTH);
      expect(savedHead.seq).toBe(String(LENGTH));
    });

    /** Puts the chain back exactly as written (as the owner, triggers off), so the log verifies again. */
    async function restore(): Promise<void> {
      await asOwner(async (c) => {
        const values = saved.map((r) => inlineParameters("($1, $2::bigint, $3, $4, $5::jsonb)", [r.chain_id, r.seq, r.prev_hash, r.hash, r.record])).join(", ");
        await oneMessage(
          c,
          `alter table audit.access_log disable trigger user; alter table audit.chain_head disable trigger user;
           delete from audit.access_log where chain_id = ${pg.escapeLiteral(chain.chainId)};
           insert into audit.access_log (chain_id, seq, prev_hash, hash, record) values ${values};
           ${inlineParameters("insert into audit.chain_head (chain_id, seq, hash, signature) values ($1, $2::bigint, $3, $4) on conflict (chain_id) do update set seq = excluded.seq, hash = excluded.hash, signature = excluded.signature", [chain.chainId, savedHead.seq, savedHead.hash, savedHead.signature])};
           alter table audit.chain_head enable trigger user; alter table audit.access_log enable trigger user;`,
        );
      });
    }

    afterAll(async () => {
      if (saved.length) await restore();
      await store?.close();
      rmSync(anchors, { force: true });
    });

    /** Rewrites the chain from seq 1 with the given records, every link and hash recomputed, as an attacker with the table would. */
    async function rewriteChain(records: unknown[]): Promise<void> {
      let prev = genesisHash(chain.chainId);
      const rows = records.map((record, i) => {
        const canonical = canonicalJson(record);
        const hash = rowHash(prev, canonical);
        const row = inlineParameters("($1, $2::bigint, $3, $4, $5::jsonb)", [chain.chainId, i + 1, prev, hash, canonical]);
        prev = hash;
        return row;
      });
      await asOwner((c) =>
        oneMessage(
          c,
          `alter table audit.access_log disable trigger user;
           delete from audit.access_log where chain_id = ${pg.escapeLiteral(chain.chainId)};
           insert into audit.access_log (chain_id, seq, prev_hash, hash, record) values ${rows.join(", ")};
           alter table audit.access_log enable trigger user;`,
        ),
      );
    }

    it("the chain as written verifies (audit:verify finds the access store through PGLITE_PORT on the embedded store)", async () => {
      const clean = await verifyAccessStore();
      // Other suites' files may have altered other chains on purpose; this chain must not be the problem.
      expect(clean.out).toMatch(/^audit log (OK|TAMPERED)/m);
      expect(clean.out).not.toContain(chain.chainId);
    });

    it("deleting the tail record: audit:verify reports the truncation against the signed checkpoint", async () => {
      await asOwner((c) =>
        oneMessage(
          c,
          `alter table audit.access_log disable trigger user;
           delete from audit.access_log where chain_id = $1 and seq = $2;
           alter table audit.access_log enable trigger user;`,
          [chain.chainId, LENGTH],
        ),
      );
      const result = await verifyAccessStore();
      expect(result.code, result.out).toBe(1);
      expect(result.out).toContain(`audit log TAMPERED: chain ${chain.chainId} seq ${LENGTH}: truncated: chain ${chain.chainId} ends at seq ${LENGTH - 1}, checkpoint says ${LENGTH}`);
      await restore();
      expect((await verifyAccessStore()).out).not.toContain(chain.chainId);
    });

    it("deleting a record and renumbering the rest with recomputed hashes: reported as truncated", async () => {
      const records = saved.map((r) => JSON.parse(r.record));
      records.splice(2, 1);
      await rewriteChain(records);
      const result = await verifyAccessStore();
      expect(result.code, result.out).toBe(1);
      expect(result.out).toContain(`chain ${chain.chainId} ends at seq ${LENGTH - 1}, checkpoint says ${LENGTH}`);
      await restore();
    });

    it("rewriting a record of the closed chain with every hash recomputed: reported as rewritten", async () => {
      const records = saved.map((r) => JSON.parse(r.record));
      records[1] = { ...records[1], personIds: ["P00000001"], purpose: "nothing to see" };
      await rewriteChain(records);
      const result = await verifyAccessStore();
      expect(result.code, result.out).toBe(1);
      expect(result.out).toContain(`audit log TAMPERED: chain ${chain.chainId} seq ${LENGTH}: rewritten`);
      await restore();
    });

    it("deleting the whole chain: its checkpoint says it existed", async () => {
      await asOwner((c) =>
        oneMessage(c, `alter table audit.access_log disable trigger user; delete from audit.access_log where chain_id = $1; alter table audit.access_log enable trigger user;`, [chain.chainId]),
      );
      const result = await verifyAccessStore();
      expect(result.code, result.out).toBe(1);
      expect(result.out).toContain(`chain ${chain.chainId} ends at seq 0 (no row left), checkpoint says ${LENGTH}`);
      await restore();
    });

    it("a head moved back to match a cut tail needs a signature only the writers' key makes", async () => {
      await asOwner((c) =>
        oneMessage(
          c,
          `alter table audit.access_log disable trigger user; alter table audit.chain_head disable trigger user;
           delete from audit.access_log where chain_id = $1 and seq = $2;
           update audit.chain_head set seq = $3, hash = $4 where chain_id = $1;
           alter table audit.chain_head enable trigger user; alter table audit.access_log enable trigger user;`,
          [chain.chainId, LENGTH, LENGTH - 1, saved[LENGTH - 2].hash],
        ),
      );
      const result = await verifyAccessStore();
      expect(result.code, result.out).toBe(1);
      expect(result.out).toContain(`chain ${chain.chainId} seq ${LENGTH - 1}: bad checkpoint`);
      await restore();
    });

    describe("with the heads anchored outside the database (audit:anchor)", () => {
      /** As a superuser: the chain cut back to the older head saved beforehand, that head put back in place. */
      async function cutBackToOlderHead(): Promise<void> {
        await asOwner((c) =>
          oneMessage(
            c,
            `alter table audit.access_log disable trigger user; alter table audit.chain_head disable trigger user;
             delete from audit.access_log where chain_id = $1 and seq > $2::bigint;
             update audit.chain_head set seq = $2::bigint, hash = $3, signature = $4 where chain_id = $1;
             alter table audit.chain_head enable trigger user; alter table audit.access_log enable trigger user;`,
            [chain.chainId, olderHead.seq, olderHead.hash, olderHead.signature],
          ),
        );
      }

      it("a chain cut back to an older signed head passes the database's own check, and the anchor taken before shows the cut", async () => {
        const anchored = await anchorHeads();
        expect(anchored.code, anchored.out).toBe(0);
        expect(anchored.out).toMatch(/^anchored \d+ chain heads to /m);
        await cutBackToOlderHead();
        const alone = await verifyWithoutAnchors();
        expect(alone.out).not.toContain(chain.chainId);
        const result = await verifyAccessStore();
        expect(result.code, result.out).toBe(1);
        expect(result.out).toMatch(
          new RegExp(`audit log TAMPERED: chain ${chain.chainId} seq ${LENGTH}: truncated: chain ${chain.chainId} ends at seq ${LENGTH - 2}, the anchor of \\S+ says ${LENGTH}`),
        );
        await restore();
        const again = await verifyAccessStore();
        expect(again.out).not.toContain(chain.chainId);
        expect(again.out).toMatch(/^anchors OK: \d+ chains at or past their heads anchored in /m);
      });

      it("a whole chain deleted together with its head: only the anchor says it existed", async () => {
        expect((await anchorHeads()).code).toBe(0);
        await asOwner((c) =>
          oneMessage(
            c,
            `alter table audit.access_log disable trigger user; alter table audit.chain_head disable trigger user;
             delete from audit.access_log where chain_id = $1; delete from audit.chain_head where chain_id = $1;
             alter table audit.chain_head enable trigger user; alter table audit.access_log enable trigger user;`,
            [chain.chainId],
          ),
        );
        expect((await verifyWithoutAnchors()).out).not.toContain(chain.chainId);
        const result = await verifyAccessStore();
        expect(result.code, result.out).toBe(1);
        expect(result.out).toContain(`truncated: chain ${chain.chainId} ends at seq 0 (no row left), the anchor of `);
        await restore();
      });

      it("an anchor line whose head was not signed by the writers is refused", async () => {
        const forged = { at: new Date().toISOString(), heads: [{ chainId: chain.chainId, seq: LENGTH + 5, hash: saved[LENGTH - 1].hash, signature: savedHead.signature }] };
        appendFileSync(anchors, `${JSON.stringify(forged)}\n`);
        const result = await verifyAccessStore();
        expect(result.code, result.out).toBe(1);
        expect(result.out).toContain(`audit log TAMPERED: chain ${chain.chainId} seq ${LENGTH + 5}: bad anchor: the head anchored at ${forged.at} does not verify with the audit verify key`);
        rmSync(anchors, { force: true });
      });
    });

    it("the writers' role may INSERT and SELECT, and is refused UPDATE, DELETE and TRUNCATE by PostgreSQL itself", async () => {
      const asWriter = (sql: string) => asOwner((c) => oneMessage(c, `set local role naeil_audit_writer; ${sql}`));
      const target = pg.escapeLiteral(chain.chainId);
      await expect(asWriter(`update audit.access_log set record = record where chain_id = ${target}`)).rejects.toThrow(/permission denied for table access_log/);
      await expect(asWriter(`delete from audit.access_log where chain_id = ${target}`)).rejects.toThrow(/permission denied for table access_log/);
      await expect(asWriter("truncate audit.access_log")).rejects.toThrow(/permission denied for table access_log/);
      await expect(asWriter(`delete from audit.chain_head where chain_id = ${target}`)).rejects.toThrow(/permission denied for table chain_head/);
      // It may move a head, but only forward.
      await expect(asWriter(`update audit.chain_head set seq = 1 where chain_id = ${target}`)).rejects.toThrow(/only moves forward/);
      const results = (await asWriter(`select count(*)::int as count from audit.access_log where chain_id = ${target}`)) as unknown as pg.QueryResult<{ count: number }>[];
      expect(results[1].rows[0].count).toBe(LENGTH);
    });

    it.skipIf(!inject("accessDatabaseUrl"))("a login role holding only the writers' role cannot UPDATE, DELETE or TRUNCATE the log", async () => {
      const login = `naeil_trust_writer_${run.replace(/-/g, "")}`;
      await asOwner((c) => c.query(`create role ${login} login in role naeil_audit_writer`));
      const url = new URL(accessUrl());
      url.username = login;
      const writer = new pg.Client({ connectionString: url.toString() });
      try {
        await writer.connect();
        await writer.query("set role naeil_audit_writer");
        const { rows } = await writer.query("select count(*)::int as count from audit.access_log where chain_id = $1", [chain.chainId]);
        expect(rows[0].count).toBe(LENGTH);
        await expect(writer.query("update audit.access_log set record = record where chain_id = $1", [chain.chainId])).rejects.toThrow(/permission denied for table access_log/);
        await expect(writer.query("delete from audit.access_log where chain_id = $1", [chain.chainId])).rejects.toThrow(/permission denied for table access_log/);
        await expect(writer.query("truncate audit.access_log")).rejects.toThrow(/permission denied for table access_log/);
        await expect(writer.query("alter table audit.access_log disable trigger user")).rejects.toThrow(/must be owner/);
      } finally {
        await writer.end().catch(() => undefined);
        await asOwner((c) => c.query(`drop role if exists ${login}`));
      }
    });
  });
});
