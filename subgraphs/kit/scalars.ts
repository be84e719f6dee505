/**
 * Scalars shared by every subgraph (composition needs them identical).
 * `Date` is a calendar date, ISO 8601 `YYYY-MM-DD`, with no time zone (graphql-scalars' LocalDate
 * rules, published under the name Date). Stored and returned as the same string.
 */
import { GraphQLScalarType, Kind } from "graphql";

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
