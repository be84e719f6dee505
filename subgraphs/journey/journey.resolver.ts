/** Person.eligibilitySummary, Person.timeline and Person.networkCase, and the published criteria. */
import { Arg, Directive, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { PUBLIC_DATA } from "../../platform/cache-control";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar } from "../kit/scalars";
import { todayInKorea } from "../../platform/dates";
import { badUserInput } from "../kit/errors";
import { Program, ProgramEligibility, ProgramEvent } from "../kit/eligibility";
import { JourneyPerson, PROGRAM_FIELDS, REQUIRES_ALL_PROGRAM_SCOPES, REQUIRES_PROGRAMS } from "./person";
import { NetworkCase, networkCase } from "./network-case";
import { ProgramRules, publishedCriteria } from "./published-criteria";

/** The programs' answers that arrived (a program whose service is down is simply missing). */
const eligibilities = (person: JourneyPerson) =>
  PROGRAM_FIELDS.map((f) => person[f]?.currentEligibility).filter((e): e is ProgramEligibility => Boolean(e));
const allEvents = (person: JourneyPerson) =>
  PROGRAM_FIELDS.flatMap((f) => person[f]?.events ?? []).sort((a, b) => a.date.localeCompare(b.date) || a.program.localeCompare(b.program));

@Resolver(() => JourneyPerson)
export class JourneyResolver {
  @Directive(REQUIRES_PROGRAMS)
  @Directive(REQUIRES_ALL_PROGRAM_SCOPES)
  @FieldResolver(() => [ProgramEligibility], {
    description: "Eligibility for all four programs today, in one list (a program whose service is unavailable is left out, with an error).",
  })
  eligibilitySummary(@Root() person: JourneyPerson): ProgramEligibility[] {
    return eligibilities(person);
  }

  @Directive(REQUIRES_PROGRAMS)
  @Directive(REQUIRES_ALL_PROGRAM_SCOPES)
  @FieldResolver(() => [ProgramEvent], { description: "Every program's history events merged and sorted by date, oldest first." })
  timeline(@Root() person: JourneyPerson): ProgramEvent[] {
    return allEvents(person);
  }

  @Directive(REQUIRES_PROGRAMS)
  @Directive(REQUIRES_ALL_PROGRAM_SCOPES)
  @FieldResolver(() => NetworkCase, { description: "The Mid-Career Employment Network case view: stage reached in the chain and the next step." })
  networkCase(@Root() person: JourneyPerson): NetworkCase {
    return networkCase(allEvents(person), eligibilities(person));
  }

  @Directive(PARTNER)
  @Directive(PUBLIC_DATA)
  @Query(() => ProgramRules, { description: "The published eligibility criteria of a program on a date: every rule, its parameters in force and their sources." })
  eligibilityRules(
    @Arg("program", () => Program, { description: "The program." }) program: Program,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "Date (YYYY-MM-DD); today in Korea when omitted." }) asOf: string | null,
  ): ProgramRules {
    return publishedCriteria(program, asOf ?? todayInKorea());
  }
}
