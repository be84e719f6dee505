/**
 * The import graph of the repository's own TypeScript, read from the files: gateway/ and subgraphs/
 * never import each other, platform/ imports neither, and no chain of imports comes back to where it
 * started. Static imports and re-exports are followed (type-only ones included, as a reader follows
 * them); `import()` of a computed path is not.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FOLDERS = ["gateway", "platform", "subgraphs", "scripts", "bench", "deploy", "schema", "operations", "tests"];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : tsFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The repository files a file imports (relative specifiers only: packages are not ours). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+"(\.[^"]+)"|(?:^|\n)\s*import\s+"(\.[^"]+)"|\bimport\("(\.[^"]+)"\)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
  return specifiers.flatMap((specifier) => {
    const base = resolve(dirname(file), specifier);
    const found = [base, `${base}.ts`, join(base, "index.ts")].find((p) => existsSync(p) && statSync(p).isFile() && p.endsWith(".ts"));
    return found ? [found] : [];
  });
}

const files = FOLDERS.filter((f) => existsSync(join(ROOT, f))).flatMap((f) => tsFiles(join(ROOT, f)));
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const top = (file: string) => relative(ROOT, file).split("/")[0];

describe("import graph", () => {
  it("reads the repository's files and their imports", () => {
    // The reader itself is checked: the gateway's entry point imports its server, a subgraph its kit.
    expect(graph.get(join(ROOT, "gateway/main.ts"))).toContain(join(ROOT, "gateway/server.ts"));
    expect(graph.get(join(ROOT, "subgraphs/mid-career/index.ts"))).toContain(join(ROOT, "subgraphs/kit/subgraph.ts"));
  });

  it("gateway/ and subgraphs/ never import each other; platform/ imports neither", () => {
    const crossings = [...graph].flatMap(([file, imports]) =>
      imports
        .filter((target) => {
          const [from, to] = [top(file), top(target)];
          return (from === "gateway" && to === "subgraphs") || (from === "subgraphs" && to === "gateway") || (from === "platform" && (to === "gateway" || to === "subgraphs"));
        })
        .map((target) => `${relative(ROOT, file)} -> ${relative(ROOT, target)}`),
    );
    expect(crossings).toEqual([]);
  });

  it("has no import cycle", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, "open");
      path.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === "open") cycles.push([...path.slice(path.indexOf(next)), next].map((f) => relative(ROOT, f)).join(" -> "));
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, "done");
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
