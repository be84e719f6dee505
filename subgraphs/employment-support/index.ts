/** The employment-support subgraph: the National Employment Support System (국민취업지원제도). */
import { fileURLToPath } from "node:url";
import type { SubgraphDefinition } from "../kit/subgraph";
import { Person } from "./person";
import { programPersonReference } from "../kit/program-record";
import { PersonNationalEmploymentSupportResolver } from "./person.resolver";
import { NationalEmploymentSupportRecordResolver } from "./record.resolver";
import { NessEnrollmentResolver } from "./enrollment.resolver";
import { NessEligibilityResolver } from "./eligibility";
import { seedEmploymentSupport } from "./seed";

export const employmentSupport: SubgraphDefinition = {
  name: "employment-support",
  dbSchema: "employment_support",
  migrationsDir: fileURLToPath(new URL("./migrations", import.meta.url)),
  resolvers: [PersonNationalEmploymentSupportResolver, NationalEmploymentSupportRecordResolver, NessEnrollmentResolver, NessEligibilityResolver],
  orphanedTypes: [Person],
  referenceResolvers: programPersonReference,
  seed: seedEmploymentSupport,
  seededTables: ["employment_support.allowance_payments", "employment_support.enrollments"],
};
