/**
 * The shared half of every program field on Person. A program's record (e.g.
 * NationalEmploymentSupportRecord) is built from the Person representation, which carries the
 * circumstances the gateway fetched from people through @requires. This factory adds to a record type
 *   eligibility(asOf: Date): ProgramEligibility!   (today by default)
 *   currentEligibility: ProgramEligibility!        (today; what @requires in journey can ask for)
 *   events: [ProgramEvent!]!                       (the program's history as dated events)
 * A simulated person (id sim:...) has no history, so its eligibility comes from circumstances alone.
 */
import { Arg, Ctx, FieldResolver, Resolver, Root, type ClassType } from "type-graphql";
import type { SubgraphContext } from "./context";
import type { Circumstances } from "./circumstances";
import { CIRCUMSTANCES_SELECTION } from "./circumstances-type";
import { openCircumstances } from "./security/sealed-circumstances";
import type { PersonRepresentation } from "./person-stub";
import { PROGRAM_SCOPES, type ProgramSubgraph } from "../../platform/security/caller";
import { checkPersonAccess, personIdFromCaller } from "./security/row-rules";
import { analystAsOf } from "./security/personal-dates";
import { DateScalar } from "./scalars";
import { todayInKorea } from "../../platform/dates";
import { ProgramEligibility, ProgramEvent } from "./eligibility";
import type { EligibilityValue } from "./rules/evaluation";
import { analystCircumstances } from "./security/analyst-view";
import { eligibilityFor, eventFor } from "./security/explanations";
import { SIMULATED_ID_PREFIX, notInAnalystView } from "./security/row-rules";
import { LEVEL_LEFT_OUT, released } from "./security/generalisation";

/** The directive every program field carries: partners see a program only with its scope (security/caller.ts). */
export const requiresProgramScope = (program: ProgramSubgraph) => `@requiresScopes(scopes: [["${PROGRAM_SCOPES[program]}"]])`;

/** The directive every program field carries: the circumstances come from people through the gateway. */
export const REQUIRES_CIRCUMSTANCES = `@requires(fields: "${CIRCUMSTANCES_SELECTION}")`;

/**
 * Person's reference resolver in a program subgraph: the person is the representation's id (an
 * analyst's pseudonym turned back into the id) and the circumstances people sealed for that id,
 * which the gateway fetched for it (refused when they are anything else: sealed-circumstances.ts);
 * for an analyst, a stored person's birth date is its year's first day before any rule reads it.
 */
export const programPersonReference = {
  Person: {
    // async: a refusal then fails this one entity, not the whole `_entities` list (a synchronous throw would).
    __resolveReference: async (representation: PersonRepresentation, ctx: SubgraphContext) => {
      const id = personIdFromCaller(ctx, representation.id);
      const person = openCircumstances(ctx, id, representation.circumstances);
      if (ctx.caller.audience !== "analyst" || id.startsWith(SIMULATED_ID_PREFIX)) return person;
      // A person left out of the analyst's view (k-anonymity) is, to an analyst, nobody.
      if (!released(person.analystLevel ?? LEVEL_LEFT_OUT).person) throw notInAnalystView();
      return analystCircumstances(person);
    },
  },
};

/** What a program field returns: the person's id and circumstances; lists load lazily. */
export interface ProgramRecordRoot {
  personId: string;
  person: Circumstances;
}

/**
 * A program field's value, once the row rules let the caller read this person's record in this
 * program (applied again here, with the program's scope: zero trust, people's check is not taken on
 * faith). A refusal names the field.
 */
export async function programRecord(ctx: SubgraphContext, person: Circumstances, program: ProgramSubgraph): Promise<ProgramRecordRoot> {
  await checkPersonAccess(ctx, { id: person.id, centerId: person.centerId ?? null }, program);
  return { personId: person.id, person };
}

export interface ProgramRules<History> {
  /** The program's own history as the rules need it, on a date. */
  history(ctx: SubgraphContext, personId: string, asOf: string): Promise<History>;
  evaluate(person: Circumstances, history: History, asOf: string): EligibilityValue;
  /** The person's history in this program as dated events. */
  events(ctx: SubgraphContext, personId: string): Promise<ProgramEvent[]>;
}

export function programRecordResolver<History>(record: ClassType, rules: ProgramRules<History>): ClassType {
  @Resolver(() => record)
  class ProgramRecordResolver {
    @FieldResolver(() => ProgramEligibility, {
      description: "Whether the person is eligible on a date, on which track, why (every rule applied) and what they would receive.",
    })
    async eligibility(
      @Root() root: ProgramRecordRoot,
      @Arg("asOf", () => DateScalar, { nullable: true, description: "Date to apply the rules for (YYYY-MM-DD); today in Korea when omitted." }) asOf: string | null,
      @Ctx() ctx: SubgraphContext,
    ): Promise<EligibilityValue> {
      // An analyst asks by the month: every rule that counts from an event changes its answer on a month's first day.
      const date = analystAsOf(ctx.caller, asOf ?? todayInKorea());
      // For an analyst the birth date is already the view's (its band's first day where only the band is released).
      const view = { level: root.person.analystLevel ?? 0, birthYear: Number(root.person.birthDate.slice(0, 4)) };
      return eligibilityFor(ctx.caller, rules.evaluate(root.person, await rules.history(ctx, root.personId, date), date), view);
    }

    @FieldResolver(() => ProgramEligibility, { description: "Eligibility today (the same as eligibility without asOf)." })
    currentEligibility(@Root() root: ProgramRecordRoot, @Ctx() ctx: SubgraphContext): Promise<EligibilityValue> {
      return this.eligibility(root, null, ctx);
    }

    @FieldResolver(() => [ProgramEvent], { description: "The person's history in this program as dated events, oldest first." })
    async events(@Root() root: ProgramRecordRoot, @Ctx() ctx: SubgraphContext): Promise<ProgramEvent[]> {
      return (await rules.events(ctx, root.personId)).sort((a, b) => a.date.localeCompare(b.date)).map((event) => eventFor(ctx.caller, event, root.person));
    }
  }
  return ProgramRecordResolver;
}
