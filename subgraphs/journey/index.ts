/**
 * The journey subgraph: the view across programs (the Mid-Career Employment Network is a view
 * across the programs, not a fifth rule set). It owns no data: everything it shows arrives through
 * federation (@requires on the program fields); the published criteria are the programs' rule code.
 */
import { fileURLToPath } from "node:url";
import type { SubgraphDefinition } from "../kit/subgraph";
import { JourneyPerson } from "./person";
import { JourneyResolver } from "./journey.resolver";
import type { SubgraphContext } from "../kit/context";
import { personIdFromCaller } from "../kit/security/row-rules";

export const journey: SubgraphDefinition = {
  name: "journey",
  dbSchema: "journey",
  migrationsDir: fileURLToPath(new URL("./migrations", import.meta.url)),
  resolvers: [JourneyResolver],
  orphanedTypes: [JourneyPerson],
  referenceResolvers: {
    // Journey holds no data: all it shows came from program subgraphs that applied the row rules for
    // this same caller. The id is still turned back from an analyst's pseudonym, for the access log.
    Person: {
      __resolveReference: (representation: JourneyPerson, ctx: SubgraphContext) => ({ ...representation, id: personIdFromCaller(ctx, representation.id) }),
    },
  },
  seed: async () => {},
  seededTables: [],
};
