/** Root fields for persons, the entity reference, and Person's computed fields. */
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/context";
import { badUserInput } from "../kit/errors";
import { ageOn, todayInKorea } from "../kit/dates";
import { PERSON_ID } from "../kit/synthetic/person";
import { Person } from "./person";
import { EmploymentCenter } from "./employment-center";
import { PersonConnection, PersonFilter } from "./connection";
import { CircumstancesInput, SIMULATED_PREFIX, checkCircumstances, simulatedId, simulatedPerson } from "./circumstances";
import { centerById, pageOfPersons, personById, toCenter, toPerson } from "./store";
import { circumstancesType, flattenCircumstances, type FlatCircumstances } from "../kit/circumstances-type";

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

const encodeCursor = (id: string) => Buffer.from(`person:${id}`).toString("base64url");
function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString();
  const id = decoded.startsWith("person:") ? decoded.slice("person:".length) : "";
  if (!PERSON_ID.test(id)) throw badUserInput("after", `"after" must be a cursor returned by this field (pageInfo.endCursor).`);
  return id;
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
  const afterId = after ? decodeCursor(after) : null;
  const page = await pageOfPersons(ctx.store, filter, first, afterId);
  const personLoader = ctx.loaders.get(personById);
  const edges = page.rows.map((row) => {
    personLoader.prime(row.id, row);
    return { cursor: encodeCursor(row.id), node: toPerson(row) };
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
  @Query(() => Person, { nullable: true, description: "One person by id; null when no person has that id." })
  async person(
    @Arg("id", () => ID, { description: "Person id, e.g. P00000042." }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Person | null> {
    checkPersonId(id);
    return loadPerson(ctx, id);
  }

  @Query(() => PersonConnection, { description: `A page of persons in id order (Relay connection; at most ${MAX_PAGE_SIZE} a page).` })
  async persons(
    @Arg("filter", () => PersonFilter, { nullable: true, description: "Conditions the persons must meet." }) filter: PersonFilter | null,
    @Arg("first", () => Int, { defaultValue: 20, description: `Page size, 0-${MAX_PAGE_SIZE}.` }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (pageInfo.endCursor of the previous page)." }) after: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PersonConnection> {
    return personsPage(ctx, filter ?? {}, first, after);
  }

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
  @FieldResolver(() => PersonCircumstances, { description: "The circumstances the programs' rules read (internal: for @requires only, not in the API schema)." })
  circumstances(@Root() person: Person): FlatCircumstances {
    return flattenCircumstances(person);
  }

  @FieldResolver(() => Int, { description: "Age in whole years today (Korea Standard Time)." })
  age(@Root() person: Person): number {
    return ageOn(person.birthDate, todayInKorea());
  }

  @FieldResolver(() => EmploymentCenter, { nullable: true, description: "The employment center that manages this person's case." })
  async center(@Root() person: Person, @Ctx() ctx: SubgraphContext): Promise<EmploymentCenter | null> {
    if (!person.centerId) return null;
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
