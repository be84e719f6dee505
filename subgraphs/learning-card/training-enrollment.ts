/** TrainingEnrollment: one course taken with the card, and how its tuition was split. */
import "reflect-metadata";
import { IDENTIFIED_ONLY } from "../../platform/security/caller";
import { Directive, Field, ID, Int, ObjectType, Extensions } from "type-graphql";
import { PERSONAL_EVENT_DATE } from "../kit/security/personal-dates";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar } from "../kit/scalars";
import { TrainingEnrollmentStatus } from "./enums";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "An enrollment in a training course paid with the Tomorrow Learning Card (수강 신청)." })
export class TrainingEnrollment {
  @Field(() => ID, { description: "Enrollment id, LCE- followed by the person id and a sequence number (e.g. LCE-P00000042-1)." })
  id!: string;

  @Field(() => ID, { description: "Id of the card the course was charged to." })
  cardId!: string;

  /** For the course resolver (exposed through `course`). */
  courseId!: string;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { description: "Date the training started for this trainee." })
  enrolledOn!: string;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { nullable: true, description: "Date the course was completed (수료); null while enrolled or when dropped." })
  completedOn!: string | null;

  @Field(() => TrainingEnrollmentStatus, { description: "ENROLLED, COMPLETED or DROPPED." })
  status!: TrainingEnrollmentStatus;

  @Field(() => Int, { description: "Attendance so far, percent of the training days (출석률); 80 or more earns the training allowance." })
  attendanceRate!: number;

  @Field(() => Int, { description: "Tuition of the course at enrollment, whole KRW." })
  tuition!: number;

  @Directive(IDENTIFIED_ONLY)
  @Field(() => Int, { nullable: true, description: "The trainee's own share of the tuition (자비부담금), whole KRW. Not in the analyst's view (null)." })
  selfPayment!: number;

  @Directive(IDENTIFIED_ONLY)
  @Field(() => Int, { nullable: true, description: "The government's share charged to the card (tuition minus selfPayment), whole KRW. Not in the analyst's view (null)." })
  cardCharge!: number;
}
