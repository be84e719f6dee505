/**
 * `@policy` enforced inside every subgraph, for every field that declares it, whoever calls: the
 * gateway removes such a field from a caller's query before planning (gateway/authorization/), and
 * the subgraph answers it null for that caller all the same. A holder of an internal token at a
 * subgraph's port gets no more than the gateway would have given (an analyst: no name, no exact
 * birth date, no exact amount), and a new field with `@policy` is covered the day it is declared.
 */
import { defaultFieldResolver, isNonNullType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import type { SubgraphContext } from "../context";
import { POLICIES } from "../../../platform/security/caller";
import { forbidden } from "../../../platform/security/errors";

/** The policies a field's `@policy(policies: [[...], ...])` names: any one inner list, all of it, must hold. */
function policiesOf(field: { astNode?: { directives?: readonly { name: { value: string }; arguments?: readonly { value: unknown }[] }[] } | null }): string[][] | null {
  const directive = field.astNode?.directives?.find((d) => d.name.value === "policy");
  if (!directive) return null;
  const list = directive.arguments?.[0]?.value as { values?: { values?: { value?: string }[] }[] } | undefined;
  return (list?.values ?? []).map((inner) => (inner.values ?? []).map((v) => String(v.value)));
}

export function enforcePolicies(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const policies = policiesOf(field);
      if (!policies) continue;
      const resolve: GraphQLFieldResolver<unknown, SubgraphContext> = field.resolve ?? defaultFieldResolver;
      const holds = (ctx: SubgraphContext) => policies.some((all) => all.every((name) => POLICIES[name]?.(ctx.caller) ?? false));
      // A nullable field answers null; a non-null one (a root field such as statistics) cannot, and is refused.
      const refuse = isNonNullType(field.type)
        ? () => {
            throw forbidden(`${type.name}.${field.name} is not for this caller.`);
          }
        : () => null;
      field.resolve = (source, args, ctx: SubgraphContext, info) => (holds(ctx) ? resolve(source, args, ctx, info) : refuse());
    }
  }
  return schema;
}
