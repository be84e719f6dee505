/**
 * `npm run compose`: writes schema/<subgraph>.graphql, schema/supergraph.graphql, the schemas clients
 * see (schema/api.graphql, schema/partner.graphql) and persisted-queries/partner-agencies.json.
 * `npm run compose -- --check`: writes nothing, fails when a checked-in file differs.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { compose } from "../schema/compose";

const root = fileURLToPath(new URL("../", import.meta.url));
const check = process.argv.includes("--check");
try {
  const { files, hints } = await compose();
  let stale = 0;
  for (const [name, content] of Object.entries(files)) {
    const current = await readFile(root + name, "utf8").catch(() => "");
    if (current === content) continue;
    if (check) {
      stale++;
      console.error(`${name} differs from what compose produces: run \`npm run compose\` and commit it.`);
    } else {
      await writeFile(root + name, content);
      console.log(`wrote ${name}`);
    }
  }
  if (hints.length) console.log(`${hints.length} composition hint(s):\n${hints.map((h) => `  ${h}`).join("\n")}`);
  if (stale) process.exit(1);
  console.log(check ? "schema/ and persisted-queries/ are up to date." : "Composition succeeded.");
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
