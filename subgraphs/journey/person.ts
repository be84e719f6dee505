/**
 * Person as the journey subgraph sees it: the key, and every program's field (owned by the program
 * subgraphs, listed in platform/subgraphs.ts) declared @external so that journey's fields can
 * @requires what they need from them.
 */
import "reflect-metadata";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ProgramEligibility, ProgramEvent } from "../kit/eligibility";
import { PROGRAM_SCOPES } from "../../platform/security/caller";
import { PROGRAM_SUBGRAPHS, type ProgramField } from "../../platform/subgraphs";
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

type RecordStub = { currentEligibility: ProgramEligibility; events: ProgramEvent[] } | null;

@Directive(PERSONAL_DATA)
@ObjectType("Person", { description: "A person known to the employment programs, identified by a pseudonymous id (never a resident registration number)." })
@Directive(`@key(fields: "id")`)
export class JourneyPerson {
  @Field(() => ID, { description: "Pseudonymous person id, P followed by 8 digits (e.g. P00000042); analysts see a stable pseudonym (anon-...) instead." })
  id!: string;
}
/** Each program's Person field (platform/subgraphs.ts), @external, typed by its record stub. */
export interface JourneyPerson extends Record<ProgramField, RecordStub> {}
for (const { program } of PROGRAM_SUBGRAPHS) {
  const stub = recordStub(program.recordType, program.recordDescription);
  Field(() => stub, { nullable: true, description: program.fieldDescription })(JourneyPerson.prototype, program.personField);
  Directive("@external")(JourneyPerson.prototype, program.personField);
}

export const PROGRAM_FIELDS: readonly ProgramField[] = PROGRAM_SUBGRAPHS.map((s) => s.program.personField);

const ELIGIBILITY_SELECTION =
  "program eligible track benefits { kind amountPerMonth months total minimumTotal description } reasons { rule passed observed threshold description source } parametersUsed { name value effectiveFrom } rulesVersion asOf";
const EVENTS_SELECTION = "program date kind description networkStage";

/**
 * One requirement for all of journey's fields: identical @requires let the query planner serve
 * summary, timeline and case view in a single fetch to journey (different ones cost a fetch each).
 */
/** Journey's fields read every program, so they need every program's scope (composition checks it). */
export const REQUIRES_ALL_PROGRAM_SCOPES = `@requiresScopes(scopes: [[${Object.values(PROGRAM_SCOPES).map((s) => `"${s}"`).join(", ")}]])`;

export const REQUIRES_PROGRAMS = `@requires(fields: "${PROGRAM_FIELDS.map((f) => `${f} { currentEligibility { ${ELIGIBILITY_SELECTION} } events { ${EVENTS_SELECTION} } }`).join(" ")}")`;
