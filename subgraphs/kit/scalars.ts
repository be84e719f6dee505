/**
 * Scalars shared by every subgraph (composition needs them identical).
 * `Date` is a calendar date, ISO 8601 `YYYY-MM-DD`, with no time zone (graphql-scalars' LocalDate
 * rules, published under the name Date). Stored and returned as the same string.
 */
import { GraphQLScalarType, Kind } from "graphql";
import { GraphQLSafeInt } from "graphql-scalars";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  return date.getUTCFullYear() === +match[1] && date.getUTCMonth() === +match[2] - 1 && date.getUTCDate() === +match[3];
}

function parseDate(value: unknown): string {
  if (typeof value !== "string" || !isIsoDate(value)) {
    throw new TypeError(`Date must be a calendar date written YYYY-MM-DD (for example 2026-06-01); got ${JSON.stringify(value)}.`);
  }
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: "Date",
  description: "A calendar date in ISO 8601 form, YYYY-MM-DD, with no time zone (e.g. 2026-06-01).",
  serialize: parseDate,
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError("Date must be a string written YYYY-MM-DD.");
    return parseDate(ast.value);
  },
});

/**
 * `Won`: an amount in whole Korean won. graphql-scalars' SafeInt under a domain name: any integer
 * up to 2^53 - 1, so household assets or revenue of billions of won fit (GraphQL's Int stops at 2^31 - 1).
 */
export const WonScalar = new GraphQLScalarType({
  ...GraphQLSafeInt.toConfig(),
  name: "Won",
  description: "An amount in whole Korean won (KRW): an integer within ±9,007,199,254,740,991 (2^53 - 1).",
  specifiedByURL: null,
});
