/** The people subgraph: owns Person and EmploymentCenter. */
import { fileURLToPath } from "node:url";
import type { SubgraphDefinition } from "../kit/subgraph";
import type { SubgraphContext } from "../kit/context";
import { PersonConnectionResolver, PersonResolver, readablePerson } from "./person.resolver";
import { EmploymentResolver, HouseholdResolver } from "./household.resolver";
import { ConsentResolver } from "./consent.resolver";
import { AccessLogResolver } from "./access-log.resolver";
import { EmploymentCenterResolver } from "./employment-center.resolver";
import { centerById, recomputeAnalystLevels, toCenter } from "./store";
import { analystMinGroup } from "../kit/security/generalisation";
import { seedPeople } from "./seed";

export const people: SubgraphDefinition = {
  name: "people",
  dbSchema: "people",
  migrationsDir: fileURLToPath(new URL("./migrations", import.meta.url)),
  resolvers: [PersonResolver, PersonConnectionResolver, EmploymentCenterResolver, HouseholdResolver, EmploymentResolver, ConsentResolver, AccessLogResolver],
  referenceResolvers: {
    Person: {
      __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => readablePerson(ctx, ref.id),
    },
    EmploymentCenter: {
      __resolveReference: async (ref: { id: string }, ctx: SubgraphContext) => {
        const row = await ctx.loaders.get(centerById).load(ref.id);
        return row ? toCenter(row) : null;
      },
    },
  },
  seed: seedPeople,
  seededTables: ["people.persons", "people.consortium_members", "people.employment_centers"],
  // The analyst's view follows the persons stored now: levels recomputed at every start (and after a seed).
  async onStart(store, log) {
    const started = performance.now();
    const { persons, changed, levels } = await recomputeAnalystLevels(store, analystMinGroup());
    log(`analyst view: generalisation levels of ${persons} persons recomputed in ${Math.round(performance.now() - started)} ms (${changed} changed; per level 0-6: ${levels.join("/")})`);
  },
};
