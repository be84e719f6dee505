/** Test helpers: POST a query to the gateway (or any GraphQL URL) as some caller, and read the subgraphs' statement logs. */
import { inject } from "vitest";
import { devToken } from "../../gateway/auth/dev-token";
import { STAFF_ROLES } from "../../gateway/auth/claims";
import type { Audience } from "../../platform/security/caller";
import { CENTERS } from "../../platform/reference/centers";
import { Redis } from "ioredis";
import { publishOperations, sha256 } from "../../gateway/shared/safelist";
import { RedisKeyValueCache } from "../../gateway/shared/key-value-cache";

/** JWT claims of a caller (see gateway/auth/claims.ts), or "anonymous" for no token. */
export type As = Record<string, unknown> | "anonymous";

/** The default caller of the graph tests: a counsellor working for every center of the network (sees everyone, identified). */
export const NETWORK_COUNSELLOR = { role: "counsellor", sub: "counsellor-network", centers: CENTERS.map((c) => c.id) };

let redis: Redis | null = null;
const registered = new Set<string>();

/**
 * Partner agencies may run registered operations only: register a document as a partner's manifest
 * would (npm run persisted:publish), in the Redis the stack's gateway reads.
 */
export async function registerOperation(query: string): Promise<void> {
  const id = sha256(query);
  if (registered.has(id)) return;
  if (!inject("redisUrl")) throw new Error("Partner operations must be registered in Redis, which is not reachable (tests/setup/stack.ts).");
  redis ??= new Redis(inject("redisUrl"));
  const prefix = inject("redisKeyPrefix");
  await publishOperations(redis, new RedisKeyValueCache(redis, prefix), prefix, [{ id, name: "test", type: "query", body: query }]);
  registered.add(id);
}

const tokens = new Map<string, Promise<string>>();
/** Authorization headers for a caller (tokens signed with the dev key, cached per caller). */
export async function authHeaders(as: As): Promise<Record<string, string>> {
  if (as === "anonymous") return {};
  // A staff token names its account (gateway/auth/claims.ts), as `npm run token` does: `test-<role>` unless given.
  const claims = as.sub === undefined && STAFF_ROLES.includes(as.role as Audience) ? { ...as, sub: `test-${as.role}` } : as;
  const key = JSON.stringify(claims);
  let token = tokens.get(key);
  if (!token) tokens.set(key, (token = devToken(claims)));
  return { authorization: `Bearer ${await token}` };
}

export interface GraphQLResponse<Data = any> {
  status: number;
  data?: Data;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  headers: Headers;
}

export async function graphql<Data = any>(
  query: string,
  variables?: Record<string, unknown>,
  options: { url?: string; headers?: Record<string, string>; as?: As } = {},
): Promise<GraphQLResponse<Data>> {
  if (typeof options.as === "object" && options.as.role === "partner" && !options.url) await registerOperation(query);
  const response = await fetch(options.url ?? inject("gatewayUrl"), {
    method: "POST",
    headers: { "content-type": "application/json", ...(await authHeaders(options.as ?? NETWORK_COUNSELLOR)), ...options.headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Data; errors?: GraphQLResponse["errors"] };
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
}

const debugUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, "/debug/statements");

export async function resetStatements(): Promise<void> {
  await Promise.all(Object.values(inject("subgraphUrls")).map((url) => fetch(debugUrl(url), { method: "DELETE" })));
}

/** Statements each subgraph ran since the last reset, counted per table. */
export async function statementsPerTable(): Promise<Record<string, Record<string, number>>> {
  const result: Record<string, Record<string, number>> = {};
  for (const [name, url] of Object.entries(inject("subgraphUrls"))) {
    const statements = (await (await fetch(debugUrl(url))).json()) as { sql: string; tables: string[] }[];
    const counts: Record<string, number> = {};
    for (const statement of statements) for (const table of statement.tables) counts[table] = (counts[table] ?? 0) + 1;
    result[name] = counts;
  }
  return result;
}

export const skipReason = () => inject("skipReason");
