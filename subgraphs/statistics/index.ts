/**
 * The statistics subgraph: the population side of the graph. It reads only the extracts that people
 * and each program publish (their statistics_*_v1 views), evaluates the programs' own rules over
 * them, and answers with counts and sums under disclosure control. It serves no person.
 */
import { fileURLToPath } from "node:url";
import type { SubgraphDefinition } from "../kit/subgraph";
import { StatisticsResolver } from "./statistics.resolver";

export const statistics: SubgraphDefinition = {
  name: "statistics",
  dbSchema: "statistics",
  migrationsDir: fileURLToPath(new URL("./migrations", import.meta.url)),
  resolvers: [StatisticsResolver],
  seed: async () => {},
  seededTables: [],
};
