/**
 * Dates of a person's own events (applied, decided, started, held, issued, paid...) reach an analyst
 * as the first day of their month, in every subgraph that answers them, whoever calls (the gateway
 * or a holder of an internal token at the subgraph's port). A field opts in where it is declared:
 *
 *   @Extensions(PERSONAL_EVENT_DATE)
 *   @Field(() => DateScalar, { description: "Date of application." })
 *   appliedOn!: string;
 *
 * and `coarsenPersonalDates` wraps every such field of the built schema, as `enforcePolicies` does
 * for `@policy`. The programs' rules for an analyst run on the first day of the month asked for
 * (`analystAsOf`), so no sequence of `asOf` tells an event's day either (a rule such as "not in the
 * program in the last 12 months" changes its answer on a month's first day, never on the event's
 * anniversary).
 */
import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import type { SubgraphContext } from "../context";
import type { Caller } from "../../../platform/security/caller";

/** The type-graphql field extension that marks a date of a person's own event. */
export const PERSONAL_EVENT_DATE = { analystView: "month" } as const;

export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;

/** Callers who see event dates, and apply the rules, by the month only. */
export const byMonth = (caller: Caller): boolean => caller.audience === "analyst";

/** The date the rules run on for this caller: the month's first day for an analyst. */
export const analystAsOf = (caller: Caller, date: string): string => (byMonth(caller) ? monthStart(date) : date);

/** "Type.field" of every field declared with PERSONAL_EVENT_DATE in type-graphql's schema. */
export function personalDateFields(schema: GraphQLSchema): Set<string> {
  const fields = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.extensions?.analystView === PERSONAL_EVENT_DATE.analystView) fields.add(`${type.name}.${field.name}`);
    }
  }
  return fields;
}

/** Wraps each of `fields` in the federated schema: an analyst gets the month's first day. */
export function coarsenPersonalDates(schema: GraphQLSchema, fields: ReadonlySet<string>): GraphQLSchema {
  for (const coordinate of fields) {
    const [typeName, fieldName] = coordinate.split(".");
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const field = type.getFields()[fieldName];
    if (!field) continue;
    const resolve: GraphQLFieldResolver<unknown, SubgraphContext> = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, ctx: SubgraphContext, info) => {
      const value = await resolve(source, args, ctx, info);
      return typeof value === "string" && byMonth(ctx.caller) ? monthStart(value) : value;
    };
  }
  return schema;
}
