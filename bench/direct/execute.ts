/**
 * Runs a DirectPlan against the subgraphs: the root queries in parallel, then each Person site's
 * program `_entities` in parallel, then journey's `_entities`, merging answers into the root data.
 * No validation, no query planning per request, no result shaping: the floor a gateway cannot beat.
 */
import { project } from "./requires";
import type { DirectPlan, PersonSite } from "./plan";

type Json = Record<string, unknown>;
interface GraphQLAnswer {
  data?: Json | null;
  errors?: unknown[];
}

export type SubgraphUrls = Record<string, string>;

/** The headers of one subgraph fetch (its internal token is made for the subgraph and the exact body). */
export type HeadersFor = (subgraph: string, body: string) => Promise<Record<string, string>>;

async function post(urls: SubgraphUrls, subgraph: string, query: string, variables: Json | undefined, headersFor: HeadersFor): Promise<GraphQLAnswer> {
  const url = urls[subgraph];
  const body = JSON.stringify({ query, variables });
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(await headersFor(subgraph, body)) },
    body,
  });
  const answer = (await response.json()) as GraphQLAnswer;
  if (!response.ok && !answer.errors) throw new Error(`${url} answered HTTP ${response.status}`);
  return answer;
}

/** Objects found at `path` under `value`, walking through lists and skipping nulls. */
function collect(value: unknown, path: string[]): Json[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => collect(v, path));
  if (path.length === 0) return [value as Json];
  return collect((value as Json)[path[0]], path.slice(1));
}

const entitiesQuery = (selection: string) =>
  `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { ${selection} } } }`;

interface Call {
  urls: SubgraphUrls;
  headersFor: HeadersFor;
  errors: unknown[];
}

async function fetchEntities(call: Call, subgraph: string, persons: Json[], selection: string, representation: (p: Json) => Json): Promise<void> {
  const representations = persons.map((p) => ({ __typename: "Person", id: p.id, ...representation(p) }));
  const answer = await post(call.urls, subgraph, entitiesQuery(selection), { representations }, call.headersFor);
  if (answer.errors) call.errors.push(...answer.errors);
  const entities = (answer.data?._entities ?? []) as (Json | null)[];
  entities.forEach((entity, i) => entity && Object.assign(persons[i], entity));
}

async function resolveSite(call: Call, site: PersonSite, data: Json): Promise<void> {
  const persons = collect(data, site.path);
  if (persons.length === 0) return;
  await Promise.all(
    site.programs.map((p) => fetchEntities(call, p.subgraph, persons, p.selection, (person) => project(person, p.requires) as Json)),
  );
  for (const person of persons) for (const key of site.helperKeys) delete person[key];
  if (site.journey) {
    const { subgraph, selection, requires } = site.journey;
    await fetchEntities(call, subgraph, persons, selection, (person) => project(person, requires) as Json);
  }
}

/** `headersFor`: what each subgraph request carries (bench/auth.ts directHeaders()). */
export async function executeDirect(plan: DirectPlan, variables: Json | undefined, urls: SubgraphUrls, headersFor: HeadersFor): Promise<GraphQLAnswer> {
  const call: Call = { urls, headersFor, errors: [] };
  const data: Json = {};
  const answers = await Promise.all(plan.roots.map((root) => post(urls, root.subgraph, root.query, variables, headersFor)));
  for (const answer of answers) {
    if (answer.errors) call.errors.push(...answer.errors);
    Object.assign(data, answer.data ?? {});
  }
  await Promise.all(plan.sites.map((site) => resolveSite(call, site, data)));
  return call.errors.length ? { data, errors: call.errors } : { data };
}
