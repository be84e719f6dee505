/** LearningCardRecord.eligibility / currentEligibility / events: the card's rules fed with its own history. */
import { programRecordResolver } from "../kit/program-record";
import { Program } from "../kit/eligibility";
import { NetworkStage } from "../kit/eligibility";
import { LearningCardRecord } from "./learning-card-record";
import { evaluateLearningCard } from "./rules/evaluate";
import type { LearningCardHistory } from "./rules/rules";
import { cardByPerson, enrollmentsByPerson, courseById } from "./store";
import { krw } from "../kit/rules/rule";

export const LearningCardEligibilityResolver = programRecordResolver<LearningCardHistory>(LearningCardRecord, {
  async history(ctx, personId, asOf) {
    const card = await ctx.loaders.get(cardByPerson).load(personId);
    if (!card || card.issued_on > asOf || card.expires_on < asOf || card.status === "SUSPENDED") return { activeCard: null };
    const enrollments = await ctx.loaders.get(enrollmentsByPerson).load(personId);
    const used = enrollments
      .filter((e) => e.status !== "DROPPED" && e.enrolled_on <= asOf)
      .reduce((sum, e) => sum + e.card_charge, 0);
    return { activeCard: { id: card.id, expiresOn: card.expires_on, balance: Math.max(0, card.grant_total - used) } };
  },
  evaluate: evaluateLearningCard,
  async events(ctx, personId) {
    const [card, enrollments] = await Promise.all([
      ctx.loaders.get(cardByPerson).load(personId),
      ctx.loaders.get(enrollmentsByPerson).load(personId),
    ]);
    const courses = await ctx.loaders.get(courseById).loadMany(enrollments.map((e) => e.course_id));
    const title = (i: number) => {
      const course = courses[i];
      return course && !(course instanceof Error) ? course.title : enrollments[i].course_id;
    };
    const program = Program.LEARNING_CARD;
    return [
      ...(card ? [{ program, date: card.issued_on, kind: "CARD_ISSUED", description: `Card issued with ${krw(card.grant_total)}.`, networkStage: null }] : []),
      ...enrollments.flatMap((e, i) => [
        { program, date: e.enrolled_on, kind: "TRAINING_ENROLLED", description: `Enrolled in ${title(i)}.`, networkStage: NetworkStage.TRAINING },
        ...(e.completed_on ? [{ program, date: e.completed_on, kind: "TRAINING_COMPLETED", description: `Completed ${title(i)}.`, networkStage: NetworkStage.TRAINING }] : []),
      ]),
    ];
  },
});
