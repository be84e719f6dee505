/**
 * `npm run seed -- --persons N [--only people,learning-card]`: (re)seeds the synthetic data into
 * DATABASE_URL (or, without it, into a throwaway embedded store, to measure) and prints the time per
 * subgraph. Persons are generated once and shared by every subgraph's seed.
 */
import { parseArgs } from "node:util";
import { loadAllSubgraphs } from "../subgraphs";
import { migrate } from "../platform/migrate";
import { openStore } from "../platform/store";
import { seedSubgraph, DEFAULT_PERSONS } from "../subgraphs/kit/seed";
import { syntheticPersons } from "../subgraphs/kit/synthetic/person";
import { startEmbeddedStore } from "../platform/embedded-store";

const { values } = parseArgs({ options: { persons: { type: "string" }, only: { type: "string" } } });
const count = Number(values.persons ?? DEFAULT_PERSONS);
const only = values.only?.split(",");

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedStore({ port: 0 });
const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;
console.log(embedded ? `No DATABASE_URL: seeding a throwaway embedded store (timing only).` : `Seeding ${databaseUrl.replace(/\/\/[^@]*@/, "//***@")}`);

const total = performance.now();
let started = performance.now();
const persons = syntheticPersons(count);
console.log(`generated ${count} persons in ${Math.round(performance.now() - started)} ms`);
const store = openStore({ connectionString: databaseUrl, applicationName: "naeil-seed" });
for (const definition of await loadAllSubgraphs()) {
  if (only && !only.includes(definition.name)) continue;
  await migrate(store, definition.dbSchema, definition.migrationsDir);
  started = performance.now();
  await seedSubgraph(store, definition, persons);
  console.log(`${definition.name}: seeded in ${Math.round(performance.now() - started)} ms`);
}
console.log(`total ${((performance.now() - total) / 1000).toFixed(1)} s for ${count} persons; peak RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
await store.close();
await embedded?.stop();
