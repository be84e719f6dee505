/** One NESS enrollment: application, decision, Individual Action Plan and services. */
import { Directive, Field, ID, ObjectType, Extensions } from "type-graphql";
import { PERSONAL_EVENT_DATE } from "../kit/security/personal-dates";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar } from "../kit/scalars";
import { NessEnrollmentStatus, NessStage, NessTrack, NessTrackRoute } from "./enums";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "An enrollment in the National Employment Support System (국민취업지원제도), from application to closure." })
export class NessEnrollment {
  @Field(() => ID, { description: "Enrollment id: NESS-, the person id and a sequence number (e.g. NESS-P00000042-1)." })
  id!: string;

  /** The person the enrollment belongs to (not a GraphQL field: used to reach the per-person payment loader). */
  personId!: string;

  /** Resolved in enrollment.resolver.ts (withheld from an analyst where the person's center is). */
  centerId!: string;

  /** Whether the caller's view withholds the person's center (an analyst's, at the person's level); not a field. */
  centerWithheld?: boolean;

  @Field(() => NessTrack, { description: "Support type: Type I (I유형) or Type II (II유형)." })
  track!: NessTrack;

  @Field(() => NessTrackRoute, { description: "How the person entered the track: screened, selected, youth or mid-career." })
  trackRoute!: NessTrackRoute;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { description: "Date of application." })
  appliedOn!: string;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { nullable: true, description: "Date of the eligibility decision; null while the application is undecided (APPLIED)." })
  decidedOn!: string | null;

  @Field(() => NessEnrollmentStatus, { description: "Status of the enrollment on the date of the record." })
  status!: NessEnrollmentStatus;

  @Field(() => NessStage, { description: "Stage of the NESS process the enrollment is in." })
  stage!: NessStage;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { nullable: true, description: "Date the Individual Action Plan (취업활동계획) was set with the counsellor; null until then." })
  iapSetOn!: string | null;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, {
    nullable: true,
    description:
      "End of the job search services: 1 year after the plan, or 18 months when extended by 6 months; for a DROPPED enrollment, the date the person left. Null until the plan is set.",
  })
  servicesEndOn!: string | null;
}
