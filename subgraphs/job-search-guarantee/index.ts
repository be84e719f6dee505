/** The job-search-guarantee subgraph: the Job Search Guarantee Package (구직자 도약보장패키지). */
import { fileURLToPath } from "node:url";
import type { SubgraphDefinition } from "../kit/subgraph";
import { Person } from "./person";
import { programPersonReference } from "../kit/program-record";
import { GuaranteeEligibilityResolver } from "./eligibility";
import { PersonJobSearchGuaranteeResolver } from "./person.resolver";
import { JobSearchGuaranteeRecordResolver } from "./record.resolver";
import { GuaranteeParticipationResolver } from "./participation.resolver";
import { GuaranteeCenterResolver } from "./guarantee-center.resolver";
import { seedJobSearchGuarantee } from "./seed";

export const jobSearchGuarantee: SubgraphDefinition = {
  name: "job-search-guarantee",
  dbSchema: "job_search_guarantee",
  migrationsDir: fileURLToPath(new URL("./migrations", import.meta.url)),
  resolvers: [PersonJobSearchGuaranteeResolver, JobSearchGuaranteeRecordResolver, GuaranteeEligibilityResolver, GuaranteeParticipationResolver, GuaranteeCenterResolver],
  orphanedTypes: [Person],
  referenceResolvers: {
    ...programPersonReference,
  },
  seed: seedJobSearchGuarantee,
  seededTables: ["job_search_guarantee.phases", "job_search_guarantee.placements", "job_search_guarantee.participations"],
};
