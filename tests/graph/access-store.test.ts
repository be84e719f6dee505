/**
 * The access store (audit log and consents) going away, and tampering with it. With the log
 * unwritable no personal data leaves (AUDIT_UNAVAILABLE), not even from the gateway's personal cache,
 * while public data is still served;
 * `npm run audit:verify` names the first altered record.
 * The outage needs the access store in a database of its own: the graph:postgres suite has one.
 */
import { spawn } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import pg from "pg";
import { graphql, skipReason, type As } from "../setup/graphql";
import { personInAllPrograms } from "../setup/population";

const accessUrl = () => inject("accessDatabaseUrl") || inject("databaseUrl");

function auditVerify(url: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], { env: { ...process.env, ACCESS_DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("close", (code) => resolve({ code: code ?? -1, out }));
  });
}

describe.skipIf(skipReason())("the access store", () => {
  const personQuery = `query($id: ID!) { person(id: $id) { name learningCard { card { id } } } }`;
  const counsellorOf = (centerId: string): As => ({ role: "counsellor", sub: "counsellor-outage", centers: [centerId] });

  it.skipIf(!inject("accessDatabaseUrl"))("stopped: personal data refused with AUDIT_UNAVAILABLE, public data served, and back when it returns", async () => {
    const { p } = personInAllPrograms(inject("testPersons"));
    const name = new URL(inject("accessDatabaseUrl")).pathname.slice(1);
    // An answer in the gateway's personal cache: its reuse must be recorded too, so it is refused alike.
    const cachedQuery = `query Cached($id: ID!) { person(id: $id) { name } }`;
    const cached = await graphql(cachedQuery, { id: p.id }, { as: counsellorOf(p.centerId) });
    expect(cached.data.person.name).toBe(p.name);
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test" });
    await admin.connect();
    try {
      await admin.query(`alter database ${name} with allow_connections false`);
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [name]);

      const refused = await graphql(personQuery, { id: p.id }, { as: counsellorOf(p.centerId) });
      expect(refused.data.person).toBeNull();
      expect(new Set(refused.errors?.map((e) => e.extensions?.code))).toEqual(new Set(["AUDIT_UNAVAILABLE"]));
      expect(JSON.stringify(refused)).not.toContain(p.name);
      const notReused = await graphql(cachedQuery, { id: p.id }, { as: counsellorOf(p.centerId) });
      expect(notReused.data).toBeNull(); // the whole reused answer is withheld
      expect(notReused.errors?.map((e) => e.extensions?.code)).toEqual(["AUDIT_UNAVAILABLE"]);

      const open = await graphql(`{ employmentCenters(region: SEOUL) { id } trainingCourses(first: 3) { id } }`, undefined, { as: counsellorOf(p.centerId) });
      expect(open.errors).toBeUndefined();
      expect(open.data.trainingCourses).toHaveLength(3);
    } finally {
      await admin.query(`alter database ${name} with allow_connections true`);
      await admin.end();
    }
    const back = await graphql(personQuery, { id: p.id }, { as: counsellorOf(p.centerId) });
    expect(back.errors).toBeUndefined();
    expect(back.data.person.name).toBe(p.name);
  });

  it("audit:verify passes the log as written, then names the first record someone altered", async () => {
    const { p } = personInAllPrograms(inject("testPersons"));
    await graphql(personQuery, { id: p.id }, { as: counsellorOf(p.centerId) });
    const clean = await auditVerify(accessUrl());
    expect(clean.code, clean.out).toBe(0);
    expect(clean.out).toMatch(/^audit log OK: \d+ records in \d+ chains/m);

    const store = new pg.Client({ connectionString: accessUrl() });
    await store.connect();
    const { rows } = await store.query<{ chain_id: string; seq: string }>(
      "select chain_id, seq from audit.access_log where record->>'subgraph' = 'learning-card' order by chain_id, seq limit 1",
    );
    const { chain_id, seq } = rows[0];
    // Only the table owner can get past the append-only trigger; the hash chain still tells.
    await store.query("alter table audit.access_log disable trigger access_log_append_only");
    await store.query(`update audit.access_log set record = jsonb_set(record, '{purpose}', '"nothing to see"') where chain_id = $1 and seq = $2`, [chain_id, seq]);
    await store.query("alter table audit.access_log enable trigger access_log_append_only");
    await store.end();

    const tampered = await auditVerify(accessUrl());
    expect(tampered.code, tampered.out).toBe(1);
    expect(tampered.out).toContain(`audit log TAMPERED: chain ${chain_id} seq ${seq}: hash mismatch`);
  });
});
