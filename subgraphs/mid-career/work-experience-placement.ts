/** One work experience placement of the Mid-Career Career Support Program (경력지원제). */
import { IDENTIFIED_ONLY } from "../../platform/security/caller";
import { Directive, Field, ID, Int, ObjectType, Extensions } from "type-graphql";
import { PERSONAL_EVENT_DATE } from "../kit/security/personal-dates";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar } from "../kit/scalars";
import { SYNTHETIC_AS_OF } from "../kit/synthetic/person";
import { WorkExperienceStatus } from "./enums";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({
  description:
    "A work experience placement (경력지원제 현장 경험): 1 to 3 months on site at a host company in a new field, with a mentor and " +
    "basic job training, for an unemployed person in their 50s who has a qualification but no experience in that field.",
})
export class WorkExperiencePlacement {
  @Field(() => ID, { description: "Stable placement id: MCS-, the person id and an ordinal (e.g. MCS-P00000042-1)." })
  id!: string;

  @Field(() => ID, { description: "Pseudonymous id of the participant." })
  personId!: string;

  @Field(() => String, { description: "The host company (참여기업); synthetic name." })
  hostCompany!: string;

  @Field(() => String, { description: "The host company's industry: one of the focus industries of the participant's employment center." })
  industry!: string;

  @Field(() => Int, { description: "Employment-insured staff of the host company (at least 5 to host)." })
  hostInsuredStaff!: number;

  @Field(() => String, { description: "The new field the participant gains experience in (e.g. facility management)." })
  targetField!: string;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { description: "First day on site (a future date while PLANNED)." })
  startedOn!: string;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, {
    description: "Last day on site: the planned last day while PLANNED or IN_PROGRESS, the actual one once COMPLETED or DROPPED.",
  })
  endedOn!: string;

  @Field(() => Int, { description: "Hours a week on site as reported (at least 20 for the allowance)." })
  weeklyHours!: number;

  @Directive(IDENTIFIED_ONLY)
  @Field(() => Int, { nullable: true, description: "Participant allowance (참여수당) a month in whole KRW: at most 1,500,000, reduced with attendance. Not in the analyst's view (null)." })
  monthlyAllowance!: number;

  @Directive(IDENTIFIED_ONLY)
  @Field(() => Int, { nullable: true, description: "Subsidy to the host company a month for this participant, in whole KRW (at most 400,000). Not in the analyst's view (null)." })
  hostSubsidyMonthly!: number;

  @Field(() => WorkExperienceStatus, { description: "Where the placement stands on the records' date." })
  status!: WorkExperienceStatus;

  @Field(() => Boolean, { description: "Whether the host company has assigned the participant a mentor (멘토)." })
  mentorAssigned!: boolean;

  @Directive(IDENTIFIED_ONLY)
  @Field(() => Int, {
    nullable: true,
    description:
      `Participant allowance paid for this placement up to the records' date (${SYNTHETIC_AS_OF}), in whole KRW: monthlyAllowance ` +
      "for each full service month served, pro rata by days for the last month of a placement that ended part-way; the month " +
      "still running is not paid yet. Not in the analyst's view (null).",
  })
  allowancePaid!: number;
}
