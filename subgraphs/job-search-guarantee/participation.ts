/** One participation of a person in the Job Search Guarantee Package. */
import { Directive, Field, ID, ObjectType, Extensions } from "type-graphql";
import { PERSONAL_EVENT_DATE } from "../kit/security/personal-dates";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar } from "../kit/scalars";
import { GuaranteeParticipationStatus, GuaranteePhaseKind } from "./enums";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "One participation in the Job Search Guarantee Package (도약보장패키지 참여), from diagnosis to its end." })
export class GuaranteeParticipation {
  @Field(() => ID, { description: "Stable participation id: JSG-, the person id and an ordinal (e.g. JSG-P00000042-1)." })
  id!: string;

  @Field(() => ID, { description: "Pseudonymous id of the participant." })
  personId!: string;

  /** Resolved in participation.resolver.ts (withheld from an analyst where the person's center is). */
  centerId!: string;

  /** Whether the caller's view withholds the person's center (an analyst's, at the person's level); not a field. */
  centerWithheld?: boolean;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { description: "Date the participation began (first day of diagnosis)." })
  startedOn!: string;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { nullable: true, description: "Date the last service phase ended (completion or drop-out); null while active." })
  endedOn!: string | null;

  @Field(() => GuaranteeParticipationStatus, { description: "Whether the participation is under way, completed or dropped." })
  status!: GuaranteeParticipationStatus;

  @Field(() => GuaranteePhaseKind, { description: "The stage the participation is in now (FOLLOW_UP or CLOSED once the service phases are over)." })
  currentPhase!: GuaranteePhaseKind;

  @Field(() => Boolean, { description: "Whether the person received unemployment benefit (구직급여) when starting: the package's priority group." })
  unemploymentBenefitAtStart!: boolean;
}
