/**
 * What each kind of caller may spend. The cost budgets follow measured capacity: the benchmark's
 * analyst page (100 persons, four programs' eligibility, cost 2,601) takes about 116 ms of CPU across
 * the gateway, the subgraphs and the store, about 0.045 ms per unit of cost. The costliest operation
 * a counsellor or an analyst may send (50,000) is then about 2.3 s of CPU, under half the subgraphs'
 * 5 s timeout, so that it is answered rather than cut off; at 500,000, an analyst's twelve 100-person
 * pages with every program, timeline and network case (cost 177,612) ran 25 s and timed out. Analysts run large ad hoc queries; partners are machines that
 * retry, so they get less; anonymous callers see only public data. Overridable per deployment:
 * RATE_LIMIT_<AUDIENCE> (requests a minute), QUERY_COST_<AUDIENCE>.
 */
import type { Audience } from "../../platform/security/caller";

export interface Budget {
  /** Requests per window. */
  requests: number;
  depth: number;
  aliases: number;
  rootFields: number;
  /** Fields in a document, fragments expanded (checked before validation, whose cost grows with it). */
  fields: number;
  /** List-size-aware cost (limits/query-cost.ts). */
  cost: number;
}

const DEFAULTS: Record<Audience, Budget> = {
  anonymous: { requests: 120, depth: 10, aliases: 15, rootFields: 5, fields: 300, cost: 2_000 },
  citizen: { requests: 120, depth: 12, aliases: 30, rootFields: 10, fields: 400, cost: 5_000 },
  counsellor: { requests: 600, depth: 15, aliases: 50, rootFields: 10, fields: 600, cost: 50_000 },
  partner: { requests: 300, depth: 10, aliases: 15, rootFields: 5, fields: 300, cost: 5_000 },
  analyst: { requests: 300, depth: 20, aliases: 100, rootFields: 20, fields: 1_000, cost: 50_000 },
};

export const RATE_WINDOW_SECONDS = 60;
/** Parse-time limits, the same for everyone (a document is parsed before its caller's budget applies). */
export const MAX_TOKENS = 10_000;
export const MAX_DIRECTIVES = 20;
/**
 * Fields under one response name in one selection set, fragments expanded. graphql-js validation
 * compares every pair of them (overlapping fields): 300 `persons(first: n) { totalCount }` with
 * differing arguments took seconds. A real document repeats a name a few times (in fragments).
 */
export const MAX_REPEATS = 16;
export const MAX_BODY = "512kb";

export function budgetsFromEnv(env = process.env): Record<Audience, Budget> {
  const budgets = structuredClone(DEFAULTS);
  for (const audience of Object.keys(budgets) as Audience[]) {
    const requests = env[`RATE_LIMIT_${audience.toUpperCase()}`];
    const cost = env[`QUERY_COST_${audience.toUpperCase()}`];
    if (requests) budgets[audience].requests = Number(requests);
    if (cost) budgets[audience].cost = Number(cost);
  }
  return budgets;
}
