/** One service phase of a participation. */
import { Directive, Field, ID, Int, ObjectType, Extensions } from "type-graphql";
import { PERSONAL_EVENT_DATE } from "../kit/security/personal-dates";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar } from "../kit/scalars";
import { GuaranteePhaseKind } from "./enums";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "One service phase of a participation: diagnosis, career design or job support. Phases follow each other with no gap or overlap." })
export class GuaranteePhase {
  @Field(() => ID, { description: "Id of the participation this phase belongs to." })
  participationId!: string;

  @Field(() => GuaranteePhaseKind, { description: "Which phase (DIAGNOSIS, CAREER_DESIGN or JOB_SUPPORT)." })
  phase!: GuaranteePhaseKind;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { description: "First day of the phase." })
  startedOn!: string;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { nullable: true, description: "Last day of the phase; null while it is under way." })
  endedOn!: string | null;

  @Field(() => Int, { description: "Counselling sessions held in this phase (about 50 minutes each in career design)." })
  sessions!: number;

  @Field(() => String, { description: "Short note on the services given, e.g. \"JobCare AI diagnosis\" or \"CV clinic, interview coaching\"." })
  note!: string;
}
