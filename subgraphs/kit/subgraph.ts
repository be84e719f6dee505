/** What a subgraph folder hands to the kit: its name, schema pieces, migrations and seed. */
import type { IResolvers } from "@graphql-tools/utils";
import type { NonEmptyArray } from "type-graphql";
import type { Store } from "./store";
import type { SyntheticPerson } from "./synthetic/person";

export interface SubgraphDefinition {
  /** Service name in the supergraph, and the folder name under subgraphs/. */
  name: string;
  /** The PostgreSQL schema this subgraph owns; it reads no other. */
  dbSchema: string;
  /** Default port (overridden by <NAME>_PORT, e.g. LEARNING_CARD_PORT). */
  defaultPort: number;
  /** Absolute path of the folder holding NNN_name.sql migrations. */
  migrationsDir: string;
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  referenceResolvers?: IResolvers;
  /** Loads this program's synthetic records for the given persons (empty tables assumed). */
  seed(store: Store, persons: SyntheticPerson[]): Promise<void>;
  /** Tables the seed fills, emptied before a re-seed. */
  seededTables: string[];
}

/** Environment variable prefix of a subgraph: "learning-card" -> "LEARNING_CARD". */
export function envPrefix(name: string): string {
  return name.toUpperCase().replace(/-/g, "_");
}

export function subgraphPort(definition: Pick<SubgraphDefinition, "name" | "defaultPort">, env = process.env): number {
  return Number(env[`${envPrefix(definition.name)}_PORT`] ?? definition.defaultPort);
}
