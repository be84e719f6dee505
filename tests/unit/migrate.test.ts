/** Migrations are applied once even when several replicas of a subgraph start together (real PostgreSQL). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../platform/store";
import { migrate } from "../../platform/migrate";

const url = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
const reachable = await probe.connect().then(() => true, () => false);
await probe.end().catch(() => undefined);
if (!reachable && process.env.CI) throw new Error(`PostgreSQL at ${url} is not reachable; CI must run the migration tests.`);

describe.skipIf(!reachable)("migrate", () => {
  const schema = `naeil_migrate_test_${process.pid}_${Date.now()}`;
  const dir = mkdtempSync(join(tmpdir(), "naeil-migrations-"));
  writeFileSync(join(dir, "001_init.sql"), `create table ${schema}.things (id int primary key); select pg_sleep(0.2);`);
  writeFileSync(join(dir, "002_seed.sql"), `insert into ${schema}.things values (1);`);
  const stores = Array.from({ length: 4 }, (_, i) => openStore({ connectionString: url, applicationName: `migrate-test-${i}` }));
  afterAll(async () => {
    await stores[0].query(`drop schema if exists ${schema} cascade`);
    await Promise.all(stores.map((s) => s.close()));
  });

  it("applies each migration once when four replicas start at the same moment", async () => {
    const applied = await Promise.all(stores.map((store) => migrate(store, schema, dir)));
    expect(applied.flat().sort()).toEqual(["001_init.sql", "002_seed.sql"]);
    expect(await stores[0].query(`select id from ${schema}.things`)).toEqual([{ id: 1 }]);
    expect((await stores[1].query<{ version: string }>(`select version from ${schema}.schema_migrations order by version`)).map((r) => r.version)).toEqual(["001_init.sql", "002_seed.sql"]);
    expect(await migrate(stores[2], schema, dir)).toEqual([]);
  });
});
