/**
 * The cost of an operation as it will execute: every field costs 1, times the sizes of the lists it
 * sits in. Measured with graphql-query-complexity, which walks the validated operation with the
 * argument values execution will see (literals, the request's variables, the operation's variable
 * defaults and the schema's argument defaults) and, where type conditions on one object are
 * alternatives (`... on User { ... }` beside `... on Admin { ... }`), counts the costlier one, not
 * their sum. The estimator below gives each list its size:
 *   - a page (`first` or `limit`): its value, default included (`persons` with no `first` is 20);
 *     on a Relay connection it sizes the connection's `edges`/`nodes`, which then count once;
 *   - a list without a page argument: the size configured for it (LIST_SIZES, what the data holds),
 *     else DEFAULT_LIST_SIZE.
 * Introspection costs nothing here: it reads the schema, and the field limit bounds it.
 */
import { GraphQLError, getNamedType, getNullableType, isIntrospectionType, isListType, isCompositeType, type DocumentNode, type GraphQLField, type GraphQLSchema } from "graphql";
import { createRequire } from "node:module";
import type { ComplexityEstimator, getComplexity as GetComplexity } from "graphql-query-complexity";

// Its CommonJS build, as graphql's own `main` (index.js): its ESM build imports graphql's .mjs files,
// a second copy of graphql wherever the loader follows `module` (vitest), and the schema's classes differ.
const { getComplexity } = createRequire(import.meta.url)("graphql-query-complexity") as { getComplexity: typeof GetComplexity };

/** A list field with no page argument and no configured size is taken to hold this many items. */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Lists whose size is known and has no page argument, by `Type.field`: what a caller can really
 * get. employmentCenters: the network's 40 centers (all of them when no region is given).
 */
export const LIST_SIZES: Record<string, number> = {
  "Query.employmentCenters": 40,
  "EmploymentCenter.consortiumMembers": 5,
};

/** A walk that would visit more nodes than this is refused as too costly (fragments spread inside each other). */
export const MAX_COST_NODES = 20_000;

const PAGE_ARGUMENTS = ["first", "limit"];
/** Relay connection lists: sized by their connection's page, already counted. */
const CONNECTION_LISTS = new Set(["edges", "nodes"]);

function pageSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | null {
  for (const name of PAGE_ARGUMENTS) {
    const definition = field.args.find((a) => a.name === name);
    if (!definition) continue;
    const value = args[name] ?? definition.defaultValue;
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  }
  return null;
}

export function listSizeEstimator(listSizes: Record<string, number> = LIST_SIZES, defaultSize = DEFAULT_LIST_SIZE): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    // Introspection reads the schema, not the data (its size is bounded by the field limit).
    if (field.name === "__schema" || field.name === "__type" || isIntrospectionType(type)) return 0;
    if (!isCompositeType(getNamedType(field.type))) return 1;
    const page = pageSize(field, args);
    const isList = isListType(getNullableType(field.type));
    const size = page ?? (!isList || CONNECTION_LISTS.has(field.name) ? 1 : (listSizes[`${type.name}.${field.name}`] ?? defaultSize));
    return 1 + size * childComplexity;
  };
}

const estimators = [listSizeEstimator()];

/**
 * The cost of the operation named `operationName` (undefined: the document's only operation);
 * Infinity when it cannot be measured within MAX_COST_NODES. Variables that do not coerce to their
 * types are refused here as execution would refuse them (BAD_USER_INPUT).
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> = {}): number {
  try {
    return getComplexity({ schema, query: document, operationName, variables, estimators, maxQueryNodes: MAX_COST_NODES });
  } catch (error) {
    if (/maximum allowed number of nodes/i.test((error as Error).message)) return Infinity;
    throw new GraphQLError((error as Error).message, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } as never } });
  }
}
