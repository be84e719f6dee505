/**
 * Applies a subgraph's migrations (`migrations/NNN_name.sql`, in name order) to its own PostgreSQL
 * schema, recording each in `<schema>.schema_migrations`. Idempotent; safe to run at every start, and
 * by several replicas starting together: a session-level advisory lock per schema makes them take turns.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Store } from "./store";

export async function migrate(store: Store, dbSchema: string, migrationsDir: string): Promise<string[]> {
  return store.session(async (query) => {
    await query("select pg_advisory_lock(hashtext($1))", [`naeil-graph migrate ${dbSchema}`]);
    try {
      return await migrateLocked({ query }, dbSchema, migrationsDir);
    } finally {
      await query("select pg_advisory_unlock(hashtext($1))", [`naeil-graph migrate ${dbSchema}`]);
    }
  });
}

async function migrateLocked(store: Pick<Store, "query">, dbSchema: string, migrationsDir: string): Promise<string[]> {
  await store.query(`create schema if not exists ${dbSchema}`);
  await store.query(
    `create table if not exists ${dbSchema}.schema_migrations (version text primary key, applied_at timestamptz not null default now())`,
  );
  const applied = new Set(
    (await store.query<{ version: string }>(`select version from ${dbSchema}.schema_migrations`)).map((r) => r.version),
  );
  const files = (await readdir(migrationsDir)).filter((f) => f.endsWith(".sql")).sort();
  const ran: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = await readFile(join(migrationsDir, file), "utf8");
    await store.query(sql);
    await store.query(`insert into ${dbSchema}.schema_migrations (version) values ($1) on conflict do nothing`, [file]);
    ran.push(file);
  }
  return ran;
}
