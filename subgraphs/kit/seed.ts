/**
 * Seeds a subgraph's empty tables with deterministic synthetic data. Every subgraph derives its
 * rows from the same generated persons (same ids, same circumstances), so the programs agree with
 * each other without any subgraph reading another's tables. A marker row is written last, so a
 * seed cut off half-way is redone at the next start.
 */
import type { Store } from "../../platform/store";
import type { SubgraphDefinition } from "./subgraph";
import { syntheticPersons, SYNTHETIC_SEED } from "./synthetic/person";

export const DEFAULT_PERSONS = 10_000;

export async function isSeeded(store: Store, dbSchema: string): Promise<boolean> {
  await store.query(
    `create table if not exists ${dbSchema}.seed_state (persons integer not null, seed integer not null, seeded_at timestamptz not null default now())`,
  );
  const rows = await store.query(`select 1 from ${dbSchema}.seed_state limit 1`);
  return rows.length > 0;
}

export async function seedSubgraph(
  store: Store,
  definition: SubgraphDefinition,
  persons: number | ReturnType<typeof syntheticPersons>,
): Promise<{ persons: number; ms: number }> {
  const started = performance.now();
  const people = typeof persons === "number" ? syntheticPersons(persons) : persons;
  await isSeeded(store, definition.dbSchema);
  await store.query(`delete from ${definition.dbSchema}.seed_state`);
  for (const table of definition.seededTables) await store.query(`truncate ${table} cascade`);
  await definition.seed(store, people);
  await store.query(`insert into ${definition.dbSchema}.seed_state (persons, seed) values ($1, $2)`, [people.length, SYNTHETIC_SEED]);
  return { persons: people.length, ms: Math.round(performance.now() - started) };
}
