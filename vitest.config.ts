import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// graphql 16 ships index.mjs and index.js without an exports map: pin one copy (stack notes).
const graphqlPath = createRequire(import.meta.url).resolve("graphql");

const graphSuite = (name: string, store: "embedded" | "postgres") => ({
  extends: true as const,
  test: {
    name,
    include: ["tests/graph/**/*.test.ts"],
    globalSetup: ["tests/setup/stack.ts"],
    provide: { store },
    // One stack per project, shared by its files; files run one at a time on 2-core machines.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlPath }] },
  test: {
    reporters: ["default", "./tests/setup/summary-reporter.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/*.test.ts", "tests/unit/**/*.test.ts"], testTimeout: 60_000 } },
      // The rules alone, against the situations in subgraphs/<program>/rules/tests/*.yaml: no stack, seconds.
      { extends: true, test: { name: "rules", include: ["tests/rules/**/*.test.ts"], isolate: false, fileParallelism: false } },
      graphSuite("graph:embedded", "embedded"),
      graphSuite("graph:postgres", "postgres"),
      // Two gateway replicas, a private Redis, subgraphs killed: a stack of its own.
      { extends: true, test: { name: "replicas", include: ["tests/replicas/**/*.test.ts"], fileParallelism: false, testTimeout: 120_000, hookTimeout: 240_000 } },
    ],
  },
});
