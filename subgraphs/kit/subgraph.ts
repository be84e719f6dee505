/** What a subgraph folder hands to the kit: its name, schema pieces, migrations and seed. */
import type { IResolvers } from "@graphql-tools/utils";
import type { NonEmptyArray } from "type-graphql";
import type { Store } from "../../platform/store";
import type { SyntheticPerson } from "./synthetic/person";

export type SeedPart = "all" | "reference" | "persons";

export interface SubgraphDefinition {
  /** Service name in the supergraph, and the folder name under subgraphs/. */
  name: string;
  /** The PostgreSQL schema this subgraph owns; it reads no other. */
  dbSchema: string;
  /** Absolute path of the folder holding NNN_name.sql migrations. */
  migrationsDir: string;
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  referenceResolvers?: IResolvers;
  /**
   * Loads this program's synthetic records for the given persons (empty tables assumed). `part`:
   * "reference" loads only what belongs to no person (centers, courses), "persons" only the records
   * of these persons, so a seed can run in slices side by side (each slice's rows are the same as
   * the same persons' rows in one seed); "all" (default) both.
   */
  seed(store: Store, persons: SyntheticPerson[], part?: SeedPart): Promise<void>;
  /** Tables the seed fills, emptied before a re-seed. */
  seededTables: string[];
  /** Run at every start, after the migrations and any seed, before the first request is served. */
  onStart?(store: Store, log: (line: string) => void): Promise<void>;
}

export { envPrefix, subgraphPort } from "../../platform/service-env";
