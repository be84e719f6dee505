import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// graphql 16 ships index.mjs and index.js without an exports map: pin one copy (stack notes).
const graphqlPath = createRequire(import.meta.url).resolve("graphql");

const graphSuite = (name: string, store: "embedded" | "postgres", groupOrder: number) => ({
  extends: true as const,
  test: {
    name,
    sequence: { groupOrder },
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
    // The projects run one after another, in this order (sequence.groupOrder): unit, rules, graph:embedded,
    // graph:postgres, replicas. Vitest starts every project's global setup (the two graph stacks)
    // before the first project runs, and stops them after the last.
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/*.test.ts", "tests/unit/**/*.test.ts"], testTimeout: 60_000, sequence: { groupOrder: 0 } } },
      // The rules alone, against the situations in subgraphs/<program>/rules/tests/*.yaml: no stack, seconds.
      { extends: true, test: { name: "rules", include: ["tests/rules/**/*.test.ts"], isolate: false, fileParallelism: false, sequence: { groupOrder: 1 } } },
      graphSuite("graph:embedded", "embedded", 2),
      graphSuite("graph:postgres", "postgres", 3),
      // Two gateway replicas, a private Redis, subgraphs killed: a stack of its own.
      { extends: true, test: { name: "replicas", include: ["tests/replicas/**/*.test.ts"], fileParallelism: false, testTimeout: 120_000, hookTimeout: 240_000, sequence: { groupOrder: 4 } } },
    ],
  },
});
