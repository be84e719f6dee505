/** The learning-card subgraph: the Tomorrow Learning Card (국민내일배움카드) and its training course catalogue. */
import { fileURLToPath } from "node:url";
import type { SubgraphDefinition } from "../kit/subgraph";
import type { SubgraphContext } from "../kit/context";
import { Person } from "./person";
import { programPersonReference } from "../kit/program-record";
import { LearningCardEligibilityResolver } from "./eligibility";
import { PersonLearningCardResolver } from "./person.resolver";
import { LearningCardRecordResolver } from "./learning-card-record.resolver";
import { LearningCardResolver } from "./learning-card.resolver";
import { TrainingEnrollmentResolver } from "./training-enrollment.resolver";
import { TrainingCourseResolver } from "./training-course.resolver";
import { courseById, toCourse } from "./store";
import { seedLearningCard } from "./seed";

export const learningCard: SubgraphDefinition = {
  name: "learning-card",
  dbSchema: "learning_card",
  migrationsDir: fileURLToPath(new URL("./migrations", import.meta.url)),
  resolvers: [
    TrainingCourseResolver, PersonLearningCardResolver, LearningCardRecordResolver, LearningCardEligibilityResolver, LearningCardResolver, TrainingEnrollmentResolver,
  ],
  orphanedTypes: [Person],
  referenceResolvers: {
    ...programPersonReference,
    TrainingCourse: {
      __resolveReference: async (ref: { id: string }, ctx: SubgraphContext) => {
        const row = await ctx.loaders.get(courseById).load(ref.id);
        return row ? toCourse(row) : null;
      },
    },
  },
  seed: seedLearningCard,
  seededTables: ["learning_card.enrollments", "learning_card.cards", "learning_card.courses"],
};
