/** The course of an enrollment, through the course loader (one statement for all courses of a page). */
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { TrainingEnrollment } from "./training-enrollment";
import { TrainingCourse } from "./training-course";
import { courseById, toCourse } from "./store";

@Resolver(() => TrainingEnrollment)
export class TrainingEnrollmentResolver {
  @FieldResolver(() => TrainingCourse, { description: "The course taken." })
  async course(@Root() enrollment: TrainingEnrollment, @Ctx() ctx: SubgraphContext): Promise<TrainingCourse> {
    const row = await ctx.loaders.get(courseById).load(enrollment.courseId);
    if (!row) throw new Error(`enrollment ${enrollment.id} refers to a missing course`);
    return toCourse(row);
  }
}
