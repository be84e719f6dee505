/**
 * The one supergraph every target serves (schema/supergraph.graphql), with its join__Graph urls
 * pointed at the subgraphs this run started (they run on free ports, not 4001-4006).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const SUPERGRAPH_PATH = fileURLToPath(new URL("../schema/supergraph.graphql", import.meta.url));

export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, "utf8");
}

/** The supergraph with each `@join__graph(name: N, url: ...)` url replaced by urls[N]. */
export function withSubgraphUrls(sdl: string, urls: Record<string, string>): string {
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}

/** Writes the rewritten supergraph to a temp file and returns its path. */
export function writeRewrittenSupergraph(urls: Record<string, string>): string {
  const path = join(mkdtempSync(join(tmpdir(), "naeil-bench-")), "supergraph.graphql");
  writeFileSync(path, withSubgraphUrls(readSupergraph(), urls));
  return path;
}

/**
 * The open-source Apollo Gateway refuses a supergraph that links @authenticated, @requiresScopes or
 * @policy `for: SECURITY` (UNSUPPORTED_LINKED_FEATURE: GraphOS enforces them). Ours enforces them
 * itself and drops the purpose the same way; the bare gateway then simply does not enforce them.
 */
export function withoutUnsupportedSecurity(sdl: string): string {
  return sdl.replace(/(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes|policy)\/v[0-9.]+"), for: SECURITY\)/g, "$1)");
}
