/** Root fields of the training course catalogue. */
import { Arg, Ctx, Directive, ID, Int, Query, Resolver } from "type-graphql";
import { PUBLIC_DATA } from "../../platform/cache-control";
import { PARTNER } from "../../platform/security/contract";
import type { SubgraphContext } from "../kit/context";
import { badUserInput } from "../kit/errors";
import { TrainingCourse, TrainingCourseFilter } from "./training-course";
import { courseById, listCourses, toCourse } from "./store";

export const MAX_COURSES = 200;

function checkFilter(filter: TrainingCourseFilter): void {
  for (const key of ["minHours", "maxHours"] as const) {
    const hours = filter[key];
    if (hours != null && hours < 0) throw badUserInput(`filter.${key}`, `"filter.${key}" must be 0 or more.`);
  }
  if (filter.minHours != null && filter.maxHours != null && filter.minHours > filter.maxHours) {
    throw badUserInput("filter.minHours", `"filter.minHours" must not exceed "filter.maxHours".`);
  }
}

@Resolver(() => TrainingCourse)
export class TrainingCourseResolver {
  @Directive(PARTNER)
  @Directive(PUBLIC_DATA)
  @Query(() => [TrainingCourse], { description: `Training courses payable with the Tomorrow Learning Card, in id order (at most ${MAX_COURSES}).` })
  async trainingCourses(
    @Arg("filter", () => TrainingCourseFilter, { nullable: true, description: "Conditions the courses must meet." }) filter: TrainingCourseFilter | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50, description: `Number of courses to return, 0-${MAX_COURSES} (default 50).` }) first: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TrainingCourse[]> {
    first ??= 50;
    if (!Number.isInteger(first) || first < 0 || first > MAX_COURSES) {
      throw badUserInput("first", `"first" must be between 0 and ${MAX_COURSES}.`);
    }
    checkFilter(filter ?? {});
    if (first === 0) return [];
    const rows = await listCourses(ctx.store, filter ?? {}, first);
    const loader = ctx.loaders.get(courseById);
    for (const row of rows) loader.prime(row.id, row);
    return rows.map(toCourse);
  }

  @Directive(PARTNER)
  @Directive(PUBLIC_DATA)
  @Query(() => TrainingCourse, { nullable: true, description: "One training course by id; null when no course has that id." })
  async trainingCourse(
    @Arg("id", () => ID, { description: "Course id, e.g. TC-0042." }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TrainingCourse | null> {
    const row = await ctx.loaders.get(courseById).load(id);
    return row ? toCourse(row) : null;
  }
}
