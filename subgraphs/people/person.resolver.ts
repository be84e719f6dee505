/** Root fields for persons, the entity reference, and Person's computed fields. */
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { PARTNER } from "../../platform/security/contract";
import type { SubgraphContext } from "../kit/context";
import { badUserInput } from "../kit/errors";
import { ageOn, todayInKorea } from "../../platform/dates";
import { DateScalar } from "../kit/scalars";
import { PERSON_ID } from "../../platform/reference/person-id";
import { Person } from "./person";
import { EmploymentCenter } from "./employment-center";
import { PersonConnection, PersonFilter } from "./connection";
import { CircumstancesInput, SIMULATED_PREFIX, checkCircumstances, simulatedId, simulatedPerson } from "./circumstances";
import { centerById, pageOfPersons, personById, toCenter, toPerson } from "./store";
import { circumstancesType, type SealedCircumstances } from "../kit/circumstances-type";
import { sealCircumstances } from "../kit/security/sealed-circumstances";
import { checkPersonAccess, personIdFromCaller } from "../kit/security/row-rules";
import { forbidden } from "../../platform/security/errors";
import { IDENTIFIED, identified, releasedTo } from "./household.resolver";
import { BirthYears } from "./person";
import { birthYearBand, released } from "../kit/security/generalisation";
import { notInAnalystView } from "../kit/security/row-rules";
import { birthYearStart } from "../kit/security/analyst-view";

const PersonCircumstances = circumstancesType(false);

export const MAX_PAGE_SIZE = 100;

export function checkPersonId(id: string, argumentName = "id"): void {
  if (!PERSON_ID.test(id) && !simulatedPerson(id)) {
    throw badUserInput(argumentName, `"${argumentName}" must be a person id: P followed by 8 digits, e.g. P00000042.`);
  }
}

export async function loadPerson(ctx: SubgraphContext, id: string): Promise<Person | null> {
  if (id.startsWith(SIMULATED_PREFIX)) return simulatedPerson(id);
  const row = await ctx.loaders.get(personById).load(id);
  return row ? toPerson(row) : null;
}

/**
 * Handing out a person, even as a bare id, a cursor or a `__typename`, tells the caller that the
 * person exists and is on the books the caller may see: it is a read of that person, recorded as
 * `Person.id` (so the request's access record names them, and no record, no answer).
 */
export const PERSON_IDENTITY_FIELD = "Person.id";
function handedOut(ctx: SubgraphContext, personId: string): void {
  if (PERSON_ID.test(personId)) ctx.access.read(personId, PERSON_IDENTITY_FIELD);
}

/** A person as the caller wrote the id (a pseudonym for analysts), if the row rules let the caller read it. */
export async function readablePerson(ctx: SubgraphContext, id: string, argumentName = "id"): Promise<Person | null> {
  const personId = personIdFromCaller(ctx, id, argumentName);
  checkPersonId(personId, argumentName);
  const person = await loadPerson(ctx, personId);
  if (ctx.caller.audience === "analyst" && !personId.startsWith(SIMULATED_PREFIX) && !(person && released(person.analystLevel).person)) {
    // Nobody, or a person left out of the analyst's view (k-anonymity): one answer for both.
    if (person) ctx.access.deny(person.id);
    throw notInAnalystView(argumentName);
  }
  if (person) {
    await checkPersonAccess(ctx, person);
    handedOut(ctx, person.id);
  }
  return person;
}

/** Cursors carry the id the caller sees (a pseudonym for analysts: a cursor must not reveal an id either). */
const encodeCursor = (ctx: SubgraphContext, id: string) =>
  Buffer.from(`person:${ctx.caller.audience === "analyst" ? ctx.security.pseudonyms.pseudonym(id) : id}`).toString("base64url");
function decodeCursor(ctx: SubgraphContext, cursor: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString();
  const seen = decoded.startsWith("person:") ? decoded.slice("person:".length) : "";
  const id = ctx.caller.audience === "analyst" ? (ctx.security.pseudonyms.personId(seen) ?? "") : seen;
  if (!PERSON_ID.test(id)) throw badUserInput("after", `"after" must be a cursor returned by this field (pageInfo.endCursor).`);
  return id;
}

/**
 * The centers whose persons the caller may list: all (null) for an analyst, a counsellor's own;
 * nobody else lists persons (a citizen reads `me`, a partner one consenting person at a time).
 */
export function listableCenters(ctx: SubgraphContext): string[] | null {
  switch (ctx.caller.audience) {
    case "analyst":
      return null;
    case "counsellor":
      return ctx.caller.centers ?? [];
    case "citizen":
      throw forbidden("A citizen cannot list persons: use `me` for your own data.");
    case "partner":
      throw forbidden("A partner agency cannot list persons: read one consenting person at a time with `person(id)`.");
    default:
      throw forbidden("Listing persons needs a counsellor's or an analyst's access.");
  }
}

function checkFilter(filter: PersonFilter): void {
  for (const key of ["minAge", "maxAge"] as const) {
    const age = filter[key];
    if (age != null && (age < 0 || age > 130)) throw badUserInput(`filter.${key}`, `"filter.${key}" must be between 0 and 130.`);
  }
  if (filter.minAge != null && filter.maxAge != null && filter.minAge > filter.maxAge) {
    throw badUserInput("filter.minAge", `"filter.minAge" must not exceed "filter.maxAge".`);
  }
}

export async function personsPage(ctx: SubgraphContext, filter: PersonFilter, first: number, after?: string | null): Promise<PersonConnection> {
  if (first < 0 || first > MAX_PAGE_SIZE) throw badUserInput("first", `"first" must be between 0 and ${MAX_PAGE_SIZE}; page with "after".`);
  checkFilter(filter);
  const centers = listableCenters(ctx);
  const afterId = after ? decodeCursor(ctx, after) : null;
  const analyst = ctx.caller.audience === "analyst";
  const pseudonyms = ctx.security.pseudonyms;
  const page = analyst
    ? await pageOfPersons(ctx.store, filter, first, afterId && pseudonyms.listOrder(afterId), centers, { kind: "analyst", orderKey: pseudonyms.orderKey })
    : await pageOfPersons(ctx.store, filter, first, afterId, centers);
  const personLoader = ctx.loaders.get(personById);
  const edges = page.rows.map((row) => {
    // Every person of the page is read, whatever the caller selects of it (ids, cursors, pageInfo or totalCount).
    handedOut(ctx, row.id);
    personLoader.prime(row.id, row);
    return { cursor: encodeCursor(ctx, row.id), node: toPerson(row) };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: afterId !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    count: page.count,
  };
}

@Resolver(() => Person)
export class PersonResolver {
  @Directive("@authenticated")
  @Directive(PARTNER)
  @Query(() => Person, {
    nullable: true,
    description: "One person by id (analysts: by pseudonymous id); null when no person has that id. FORBIDDEN or CONSENT_REQUIRED when the caller may not read this person.",
  })
  person(
    @Arg("id", () => ID, { description: "Person id, e.g. P00000042 (analysts: the pseudonymous id, anon-...)." }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Person | null> {
    return readablePerson(ctx, id);
  }

  @Directive("@authenticated")
  @Query(() => Person, { nullable: true, description: "The signed-in citizen's own record (citizens only; null when it does not exist)." })
  me(@Ctx() ctx: SubgraphContext): Promise<Person | null> {
    if (ctx.caller.audience !== "citizen" || !ctx.caller.personId) throw forbidden("`me` is the signed-in citizen's own record; counsellors, analysts and partners use `person(id)`.");
    return readablePerson(ctx, ctx.caller.personId);
  }

  @Directive("@authenticated")
  @Query(() => PersonConnection, {
    description: `A page of persons (Relay connection; at most ${MAX_PAGE_SIZE} a page): a counsellor's centers' persons in id order, or for an analyst everyone in the analyst's view (pseudonymised, k-anonymous: persons whose group would be too small are left out), in an order unrelated to the ids.`,
  })
  async persons(
    @Arg("filter", () => PersonFilter, { nullable: true, description: "Conditions the persons must meet." }) filter: PersonFilter | null,
    @Arg("first", () => Int, { defaultValue: 20, description: `Page size, 0-${MAX_PAGE_SIZE}.` }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (pageInfo.endCursor of the previous page)." }) after: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PersonConnection> {
    return personsPage(ctx, filter ?? {}, first, after);
  }

  @Directive(PARTNER)
  @Query(() => Person, {
    description: "A transient person built only from the given circumstances (id prefixed sim:), for what-if eligibility. Nothing is stored.",
  })
  simulatePerson(
    @Arg("circumstances", () => CircumstancesInput, { description: "The circumstances to simulate." }) circumstances: CircumstancesInput,
  ): Person {
    checkCircumstances(circumstances);
    return simulatedPerson(simulatedId(circumstances))!;
  }

  @Directive("@inaccessible")
  @FieldResolver(() => PersonCircumstances, {
    description: "The circumstances the programs' rules read, sealed for the programs (internal: for @requires only, not in the API schema).",
  })
  circumstances(@Root() person: Person, @Ctx() ctx: SubgraphContext): SealedCircumstances {
    return sealCircumstances(ctx, person);
  }

  @Directive(IDENTIFIED)
  @Directive(PARTNER)
  @FieldResolver(() => String, { nullable: true, description: "Full name in Korean (not in the analyst's view)." })
  name(@Root() person: Person, @Ctx() ctx: SubgraphContext): string | null {
    return identified(ctx) ? person.name : null;
  }

  @Directive(IDENTIFIED)
  @Directive(PARTNER)
  @FieldResolver(() => DateScalar, { nullable: true, description: "Date of birth (not in the analyst's view: see birthYear and age)." })
  birthDate(@Root() person: Person, @Ctx() ctx: SubgraphContext): string | null {
    return identified(ctx) ? person.birthDate : null;
  }

  @Directive(PARTNER)
  @FieldResolver(() => Int, { nullable: true, description: "Year of birth (analysts: null where only a 5-year band is released: see birthYears)." })
  birthYear(@Root() person: Person, @Ctx() ctx: SubgraphContext): number | null {
    return releasedTo(ctx, person.analystLevel).birthYear ? Number(person.birthDate.slice(0, 4)) : null;
  }

  @Directive(PARTNER)
  @FieldResolver(() => BirthYears, { description: "The years the person may have been born in: the birth year (from = to), or for analysts, where the person's group would otherwise be too small, its 5-year band (e.g. 1980-1984)." })
  birthYears(@Root() person: Person, @Ctx() ctx: SubgraphContext): BirthYears {
    const year = Number(person.birthDate.slice(0, 4));
    return releasedTo(ctx, person.analystLevel).birthYear ? { from: year, to: year } : birthYearBand(year);
  }

  @Directive(PARTNER)
  @FieldResolver(() => Int, {
    nullable: true,
    description: "Age in whole years today (Korea Standard Time); for analysts the age reached this year (this year minus the birth year), null where only the 5-year band of the birth year is released.",
  })
  age(@Root() person: Person, @Ctx() ctx: SubgraphContext): number | null {
    if (ctx.caller.audience !== "analyst" || person.id.startsWith(SIMULATED_PREFIX)) return ageOn(person.birthDate, todayInKorea());
    return releasedTo(ctx, person.analystLevel).birthYear ? ageOn(birthYearStart(person.birthDate), todayInKorea()) : null;
  }

  @Directive(PARTNER)
  @FieldResolver(() => ID, {
    nullable: true,
    description: "Id of the employment center managing the person (null for a simulated person without one; analysts: null where only the region is released).",
  })
  centerId(@Root() person: Person, @Ctx() ctx: SubgraphContext): string | null {
    return releasedTo(ctx, person.analystLevel).center ? person.centerId : null;
  }

  @Directive(PARTNER)
  @FieldResolver(() => EmploymentCenter, { nullable: true, description: "The employment center that manages this person's case (analysts: null where only the region is released)." })
  async center(@Root() person: Person, @Ctx() ctx: SubgraphContext): Promise<EmploymentCenter | null> {
    if (!person.centerId || !releasedTo(ctx, person.analystLevel).center) return null;
    const row = await ctx.loaders.get(centerById).load(person.centerId);
    return row ? toCenter(row) : null;
  }
}

@Resolver(() => PersonConnection)
export class PersonConnectionResolver {
  @FieldResolver(() => Int, { description: "Number of persons matching the filter, across all pages." })
  totalCount(@Root() connection: PersonConnection): Promise<number> {
    return connection.count();
  }
}
