/** The record's card and enrollments, each through a per-request loader (one statement per table). */
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { LearningCardRecord } from "./learning-card-record";
import { LearningCard } from "./learning-card";
import { TrainingEnrollment } from "./training-enrollment";
import { cardByPerson, enrollmentsByPerson, toCard, toEnrollment } from "./store";

@Resolver(() => LearningCardRecord)
export class LearningCardRecordResolver {
  @FieldResolver(() => LearningCard, { nullable: true, description: "The person's card; null when none was ever issued." })
  async card(@Root() record: LearningCardRecord, @Ctx() ctx: SubgraphContext): Promise<LearningCard | null> {
    const row = await ctx.loaders.get(cardByPerson).load(record.personId);
    return row ? toCard(row) : null;
  }

  @FieldResolver(() => [TrainingEnrollment], { description: "Training courses charged to the card, newest first." })
  async enrollments(@Root() record: LearningCardRecord, @Ctx() ctx: SubgraphContext): Promise<TrainingEnrollment[]> {
    return (await ctx.loaders.get(enrollmentsByPerson).load(record.personId)).map(toEnrollment);
  }
}
