/**
 * Person as the journey subgraph sees it: the key, and the four program fields (owned by the program
 * subgraphs) declared @external so that journey's fields can @requires what they need from them.
 */
import "reflect-metadata";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ProgramEligibility, ProgramEvent } from "../kit/eligibility";
import { PROGRAM_SCOPES } from "../../platform/security/caller";
import { PERSONAL_DATA } from "../../platform/cache-control";

const recordStub = (name: string, description: string) => {
  @Directive(PERSONAL_DATA)
  @ObjectType(name, { description })
  class ProgramRecordStub {
    @Field(() => ProgramEligibility, { description: "Eligibility today (the same as eligibility without asOf)." })
    @Directive("@external")
    currentEligibility!: ProgramEligibility;

    @Field(() => [ProgramEvent], { description: "The person's history in this program as dated events, oldest first." })
    @Directive("@external")
    events!: ProgramEvent[];
  }
  return ProgramRecordStub;
};

export const NationalEmploymentSupportRecord = recordStub("NationalEmploymentSupportRecord", "A person's record in the National Employment Support System (국민취업지원제도).");
export const JobSearchGuaranteeRecord = recordStub("JobSearchGuaranteeRecord", "A person's record in the Job Search Guarantee Package (구직자 도약보장패키지); present even with no participation.");
export const MidCareerSupportRecord = recordStub(
  "MidCareerSupportRecord",
  "A person's record in the Mid-Career Career Support Program (중장년 경력지원제), with the career design sessions of the Mid-Career Tomorrow Centers (중장년내일센터); present even when the person has no history.",
);
export const LearningCardRecord = recordStub("LearningCardRecord", "A person's Tomorrow Learning Card (국민내일배움카드) record: the card, if any, and the training charged to it.");

type RecordStub = { currentEligibility: ProgramEligibility; events: ProgramEvent[] } | null;

@Directive(PERSONAL_DATA)
@ObjectType("Person", { description: "A person known to the employment programs, identified by a pseudonymous id (never a resident registration number)." })
@Directive(`@key(fields: "id")`)
export class JourneyPerson {
  @Field(() => ID, { description: "Pseudonymous person id, P followed by 8 digits (e.g. P00000042); analysts see a stable pseudonym (anon-...) instead." })
  id!: string;

  @Field(() => NationalEmploymentSupportRecord, { nullable: true, description: "The person's National Employment Support System (국민취업지원제도) record." })
  @Directive("@external")
  nationalEmploymentSupport!: RecordStub;

  @Field(() => JobSearchGuaranteeRecord, { nullable: true, description: "The person's Job Search Guarantee Package record." })
  @Directive("@external")
  jobSearchGuarantee!: RecordStub;

  @Field(() => MidCareerSupportRecord, { nullable: true, description: "The person's Mid-Career Career Support Program record." })
  @Directive("@external")
  midCareerSupport!: RecordStub;

  @Field(() => LearningCardRecord, { nullable: true, description: "The person's Tomorrow Learning Card record." })
  @Directive("@external")
  learningCard!: RecordStub;
}

export const PROGRAM_FIELDS = ["nationalEmploymentSupport", "jobSearchGuarantee", "midCareerSupport", "learningCard"] as const;

const ELIGIBILITY_SELECTION =
  "program eligible track benefits { kind amountPerMonth months total minimumTotal description } reasons { rule passed observed threshold description source } parametersUsed { name value effectiveFrom } rulesVersion asOf";
const EVENTS_SELECTION = "program date kind description networkStage";

/**
 * One requirement for all of journey's fields: identical @requires let the query planner serve
 * summary, timeline and case view in a single fetch to journey (different ones cost a fetch each).
 */
/** Journey's fields read all four programs, so they need all four programs' scopes (composition checks it). */
export const REQUIRES_ALL_PROGRAM_SCOPES = `@requiresScopes(scopes: [[${Object.values(PROGRAM_SCOPES).map((s) => `"${s}"`).join(", ")}]])`;

export const REQUIRES_PROGRAMS = `@requires(fields: "${PROGRAM_FIELDS.map((f) => `${f} { currentEligibility { ${ELIGIBILITY_SELECTION} } events { ${EVENTS_SELECTION} } }`).join(" ")}")`;
