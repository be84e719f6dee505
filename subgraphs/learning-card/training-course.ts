/** TrainingCourse: a course of the catalogue that can be paid with the Tomorrow Learning Card. */
import "reflect-metadata";
import { Directive, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PUBLIC_DATA } from "../../platform/cache-control";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar } from "../kit/scalars";

@Directive(PARTNER)
@Directive(PUBLIC_DATA)
@ObjectType({ description: "A vocational training course (훈련과정) that can be paid with the Tomorrow Learning Card (국민내일배움카드)." })
@Directive('@key(fields: "id")')
export class TrainingCourse {
  @Field(() => ID, { description: "Course id, TC- followed by 4 digits (e.g. TC-0042)." })
  id!: string;

  @Field(() => String, { description: "Course title." })
  title!: string;

  @Field(() => String, { description: "Training provider (훈련기관): a Korea Polytechnic campus (한국폴리텍대학) or a private academy." })
  provider!: string;

  @Field(() => String, { description: "Industry the course trains for (as in the employment centers' focus industries, e.g. IT, logistics)." })
  industry!: string;

  @Field(() => Int, { description: "Length of the course in training hours (40-600)." })
  hours!: number;

  @Field(() => Int, { description: "Full tuition in whole KRW, before the government's share." })
  tuition!: number;

  @Field(() => Boolean, { description: "True for a key-industry course (국가기간·전략산업직종): at least 90% funded, trainee's share capped at KRW 600,000." })
  keyIndustry!: boolean;

  @Field(() => Int, { description: "The course's 3-year employment (placement) rate, percent 0-100 (취업률)." })
  placementRate!: number;

  @Field(() => DateScalar, { description: "Date the course was first offered; later cohorts run from then on." })
  startsOn!: string;

  @Field(() => Int, {
    description:
      "Percent of the tuition a general trainee pays (자비부담률), by the placement rate: 15 at 70% or more, 25 at 60-69, 35 at 50-59, 45 at 40-49, 55 below 40; key-industry courses at most 10 (and at most KRW 600,000 in all).",
  })
  selfPaymentRate!: number;
}

@InputType({ description: "Narrows the training course catalogue; all given conditions must hold." })
export class TrainingCourseFilter {
  @Field(() => String, { nullable: true, description: "Only courses for exactly this industry (e.g. IT, logistics)." })
  industry?: string;

  @Field(() => String, { nullable: true, description: "Only courses whose provider contains this text (case-insensitive), e.g. Polytechnic." })
  provider?: string;

  @Field(() => Boolean, { nullable: true, description: "Only key-industry courses (true) or only other courses (false)." })
  keyIndustry?: boolean;

  @Field(() => Int, { nullable: true, description: "Only courses of at least this many hours." })
  minHours?: number;

  @Field(() => Int, { nullable: true, description: "Only courses of at most this many hours." })
  maxHours?: number;
}
