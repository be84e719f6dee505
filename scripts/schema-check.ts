/**
 * `npm run schema:check [-- --base REF] [--write]`: compares the API schema and the partner contract
 * of this tree (schema/api.graphql, schema/partner.graphql) with those of a base commit, derived from
 * that commit's schema/supergraph.graphql. Fails (exit 1) on a breaking change that is not declared in
 * schema/breaking-changes.yaml, and on a deprecation without a removal date. Prints the changelog
 * entry; `--write` adds it to schema/CHANGELOG.md.
 * Base: --base, else SCHEMA_BASE, else the last release tag (v*), else where this branch left
 * origin/main, else the previous commit. No base to compare with (a shallow clone, the first
 * commit): says so and passes.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { buildSchema } from "graphql";
import { clientSchemas } from "../schema/api-schema";
import { changelogEntry, compareSchemas, deprecations, readDeclared, type SchemaChange } from "../schema/breaking";
import { todayInKorea } from "../platform/dates";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const { values } = parseArgs({ options: { base: { type: "string" }, write: { type: "boolean" } }, strict: true });

const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 }).trim();
const tryGit = (...args: string[]) => {
  try {
    return git(...args);
  } catch {
    return null;
  }
};

function chooseBase(): { ref: string; why: string } | null {
  const given = values.base ?? process.env.SCHEMA_BASE;
  if (given) return { ref: given, why: "as asked" };
  const head = tryGit("rev-parse", "HEAD");
  const tag = tryGit("describe", "--tags", "--abbrev=0", "--match", "v*", "HEAD^");
  if (tag) return { ref: tag, why: "the last release tag" };
  const main = tryGit("rev-parse", "--verify", "-q", "origin/main^{commit}");
  if (main && main !== head) {
    const fork = tryGit("merge-base", "HEAD", main);
    if (fork && fork !== head) return { ref: fork, why: "where this branch left origin/main" };
  }
  if (tryGit("rev-parse", "--verify", "-q", "HEAD~1^{commit}")) return { ref: "HEAD~1", why: "the previous commit" };
  return null;
}

const base = chooseBase();
const baseSha = base && tryGit("rev-parse", "--verify", "-q", `${base.ref}^{commit}`);
const baseSupergraph = baseSha && tryGit("show", `${baseSha}:schema/supergraph.graphql`);
if (!base || !baseSha || !baseSupergraph) {
  console.log(
    `schema:check: nothing to compare with (${!base ? "no previous commit: a first commit or a shallow clone (git fetch --unshallow)" : !baseSha ? `${base.ref} is not in this clone` : `${base.ref} has no schema/supergraph.graphql`}); skipped.`,
  );
  process.exit(0);
}

const declared = readDeclared(`${ROOT}schema/breaking-changes.yaml`);
const today = todayInKorea();
const before = clientSchemas(baseSupergraph);
const after = { api: readFileSync(`${ROOT}schema/api.graphql`, "utf8"), partner: readFileSync(`${ROOT}schema/partner.graphql`, "utf8") };
const changes: SchemaChange[] = [
  ...(await compareSchemas("api", before.api, after.api, declared, today)),
  ...(await compareSchemas("partner", before.partner, after.partner, declared, today)),
];

const undated = deprecations(buildSchema(after.api)).filter((d) => !d.removal);
const refused = changes.filter((c) => c.level === "BREAKING" && !c.allowedBecause);
const entry = changelogEntry(`${today}: ${baseSha.slice(0, 10)} (${base.why}) to this tree`, changes);
console.log(`schema:check against ${base.ref} (${base.why}, ${baseSha.slice(0, 10)}): ${changes.length} change(s), ${changes.filter((c) => c.level === "BREAKING").length} breaking.\n`);
console.log(entry);

let failed = false;
if (refused.length) {
  failed = true;
  console.error(`${refused.length} breaking change(s) not declared. Clients built on the earlier schema would break:\n`);
  for (const change of refused) console.error(`  ${change.schema}: ${change.message} [path ${change.path}]`);
  console.error(
    `\nEither keep the old field or argument (deprecate it with @deprecated(reason: "... Removal on YYYY-MM-DD.") and remove it after that date), or declare the change in schema/breaking-changes.yaml:\n` +
      refused.map((c) => `  - schema: ${c.schema}\n    path: ${c.path}\n    reason: <why clients must change, and how>\n    date: ${today}`).join("\n"),
  );
}
if (undated.length) {
  failed = true;
  console.error(`\nDeprecations must name their removal date (YYYY-MM-DD) in the reason:\n${undated.map((d) => `  ${d.path}: "${d.reason}"`).join("\n")}`);
}
if (values.write) {
  const path = `${ROOT}schema/CHANGELOG.md`;
  const header = "# Schema changelog\n\nWhat changed for clients in the API schema (schema/api.graphql) and the partner contract (schema/partner.graphql), newest first. Written by `npm run schema:check -- --write`.\n\n";
  const current = (() => {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return header;
    }
  })();
  const rest = current.startsWith(header) ? current.slice(header.length) : current;
  writeFileSync(path, `${header}${entry}\n${rest}`);
  console.log(`wrote the entry to schema/CHANGELOG.md`);
}
process.exit(failed ? 1 : 0);
