/**
 * Builds the explorer's browser files with esbuild: the page's script and style (GraphiQL, its
 * explorer plugin, React) and Monaco's three language workers, into a folder named after what went
 * into it (the client's source and the versions of the packages), so a build is reused until one
 * of them changes. `npm run build:explorer` builds ahead; otherwise the gateway builds on the first
 * request for the explorer.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLIENT = fileURLToPath(new URL("./client/", import.meta.url));
const require_ = createRequire(import.meta.url);
const PACKAGES = ["graphiql", "@graphiql/react", "@graphiql/plugin-explorer", "monaco-editor", "monaco-graphql", "react", "react-dom", "esbuild"];

export const EXPLORER_BUILD_ROOT = process.env.EXPLORER_BUILD_DIR ?? join(ROOT, ".data", "explorer");

/** The built files the page loads, by role, as file names in the build folder. */
export const EXPLORER_FILES = { script: "main.js", style: "main.css", editor: "editor.worker.js", json: "json.worker.js", graphql: "graphql.worker.js" } as const;

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(require_.resolve(`${name}/package.json`), "utf8")) as { version: string }).version;
  } catch {
    return "none";
  }
}

/** What the build depends on, hashed: the client's source files and the packages' versions. */
export function explorerBuildKey(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(CLIENT).sort()) hash.update(file).update(readFileSync(join(CLIENT, file)));
  for (const name of PACKAGES) hash.update(`${name}@${packageVersion(name)}`);
  return hash.digest("hex").slice(0, 16);
}

/** Builds into `<root>/<key>/` unless it is there; returns that folder. Several processes may race: each builds aside and renames. */
export async function buildExplorer(root = EXPLORER_BUILD_ROOT): Promise<string> {
  const dir = join(root, explorerBuildKey());
  if (existsSync(join(dir, EXPLORER_FILES.script))) return dir;
  const { build } = await import("esbuild");
  const aside = `${dir}.${process.pid}.${Date.now()}`;
  mkdirSync(aside, { recursive: true });
  const common = {
    bundle: true,
    minify: true,
    legalComments: "none" as const,
    target: "es2022",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error" as const,
    absWorkingDir: ROOT,
  };
  await build({
    ...common,
    entryPoints: { main: join(CLIENT, "main.tsx") },
    outdir: aside,
    format: "esm",
    jsx: "automatic",
    loader: { ".ttf": "file", ".woff": "file", ".woff2": "file", ".svg": "dataurl" },
    assetNames: "[name]-[hash]",
  });
  await build({
    ...common,
    entryPoints: {
      "editor.worker": require_.resolve("monaco-editor/esm/vs/editor/editor.worker.js"),
      "json.worker": require_.resolve("monaco-editor/esm/vs/language/json/json.worker.js"),
      "graphql.worker": require_.resolve("monaco-graphql/esm/graphql.worker.js"),
    },
    outdir: aside,
    format: "iife",
  });
  try {
    renameSync(aside, dir);
  } catch {
    rmSync(aside, { recursive: true, force: true }); // another process got there first
  }
  return dir;
}
