/**
 * `npm run seed -- --persons N [--only people,learning-card] [--jobs J]`: (re)seeds the synthetic
 * data into DATABASE_URL (or, without it, into a throwaway embedded store, to measure) and prints
 * the times. With a real server and J > 1 (default: one per core from 100,000 persons on) the persons
 * are cut into J slices seeded side by side by child processes (`--slice FROM:TO`, persons
 * FROM+1..TO), each generating its own persons and writing their rows; what belongs to no person
 * (centers, courses) and the seed markers are written once, here. The rows are those of a seed in
 * one process: every row derives from its person alone.
 */
import { parseArgs } from "node:util";
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { loadAllSubgraphs } from "../subgraphs";
import { migrate } from "../platform/migrate";
import { openStore } from "../platform/store";
import { seedSubgraph, isSeeded, DEFAULT_PERSONS } from "../subgraphs/kit/seed";
import { syntheticPerson, syntheticPersons, SYNTHETIC_SEED } from "../subgraphs/kit/synthetic/person";
import { startEmbeddedStore } from "../platform/embedded-store";

const { values } = parseArgs({ options: { persons: { type: "string" }, only: { type: "string" }, jobs: { type: "string" }, slice: { type: "string" } } });
const count = Number(values.persons ?? DEFAULT_PERSONS);
const only = values.only?.split(",");
const definitions = (await loadAllSubgraphs()).filter((d) => !only || only.includes(d.name));

if (values.slice) {
  // A child: the records of persons FROM+1..TO, into tables the parent has emptied.
  const [from, to] = values.slice.split(":").map(Number);
  const store = openStore({ connectionString: process.env.DATABASE_URL!, applicationName: "naeil-seed-slice" });
  const persons = Array.from({ length: to - from }, (_, k) => syntheticPerson(from + k + 1));
  for (const definition of definitions) await definition.seed(store, persons, "persons");
  await store.close();
  process.exit(0);
}

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedStore({ port: 0 });
const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;
const jobs = embedded ? 1 : Number(values.jobs ?? (count >= 100_000 ? availableParallelism() : 1));
console.log(embedded ? `No DATABASE_URL: seeding a throwaway embedded store (timing only).` : `Seeding ${databaseUrl.replace(/\/\/[^@]*@/, "//***@")}${jobs > 1 ? ` in ${jobs} slices side by side` : ""}`);

/** What a subgraph derives from all its persons at once (people: the analyst's generalisation levels), as at its start. */
const derive = (definition: (typeof definitions)[number]) => definition.onStart?.(store, (line) => console.log(`[${definition.name}] ${line}`));

const total = performance.now();
let started = performance.now();
const store = openStore({ connectionString: databaseUrl, applicationName: "naeil-seed" });
for (const definition of definitions) await migrate(store, definition.dbSchema, definition.migrationsDir);

if (jobs <= 1) {
  const persons = syntheticPersons(count);
  console.log(`generated ${count} persons in ${Math.round(performance.now() - started)} ms`);
  for (const definition of definitions) {
    started = performance.now();
    await seedSubgraph(store, definition, persons);
    await derive(definition);
    console.log(`${definition.name}: seeded in ${Math.round(performance.now() - started)} ms`);
  }
} else {
  for (const definition of definitions) {
    await isSeeded(store, definition.dbSchema);
    await store.query(`delete from ${definition.dbSchema}.seed_state`);
    for (const table of definition.seededTables) await store.query(`truncate ${table} cascade`);
    await definition.seed(store, [], "reference");
  }
  started = performance.now();
  const script = fileURLToPath(import.meta.url);
  const per = Math.ceil(count / jobs);
  await Promise.all(
    Array.from({ length: jobs }, (_, j) => [j * per, Math.min(count, (j + 1) * per)] as const)
      .filter(([from, to]) => to > from)
      .map(([from, to]) => new Promise<void>((resolve, reject) => {
        const args = [...process.execArgv, script, "--slice", `${from}:${to}`, ...(only ? ["--only", only.join(",")] : [])];
        const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: databaseUrl } });
        child.on("error", reject);
        child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seed slice ${from}:${to} exited with ${code}`))));
      })),
  );
  console.log(`${jobs} slices of ${per} persons: seeded in ${Math.round(performance.now() - started)} ms`);
  for (const definition of definitions) {
    await derive(definition);
    await store.query(`insert into ${definition.dbSchema}.seed_state (persons, seed) values ($1, $2)`, [count, SYNTHETIC_SEED]);
  }
}
console.log(`total ${((performance.now() - total) / 1000).toFixed(1)} s for ${count} persons; peak RSS of this process ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
await store.close();
await embedded?.stop();
