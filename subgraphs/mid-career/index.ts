/** The mid-career subgraph: the Mid-Career Career Support Program (중장년 경력지원제) and career design sessions. */
import { fileURLToPath } from "node:url";
import type { SubgraphDefinition } from "../kit/subgraph";
import { Person } from "./person";
import { PersonMidCareerResolver } from "./person.resolver";
import { MidCareerSupportRecordResolver } from "./record.resolver";
import { seedMidCareer } from "./seed";
import { programPersonReference } from "../kit/program-record";
import { MidCareerEligibilityResolver } from "./eligibility";

export const midCareer: SubgraphDefinition = {
  name: "mid-career",
  dbSchema: "mid_career",
  migrationsDir: fileURLToPath(new URL("./migrations", import.meta.url)),
  resolvers: [PersonMidCareerResolver, MidCareerSupportRecordResolver, MidCareerEligibilityResolver],
  orphanedTypes: [Person],
  referenceResolvers: programPersonReference,
  seed: seedMidCareer,
  seededTables: ["mid_career.work_experience_placements", "mid_career.career_design_sessions"],
};
