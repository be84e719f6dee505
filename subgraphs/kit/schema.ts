/**
 * Builds an Apollo Federation 2 subgraph schema from type-graphql classes: type-graphql prints the
 * SDL (with its @key/@requires/@external directives), @apollo/subgraph adds the federation
 * machinery (_entities, _service) and the reference resolvers.
 */
import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives, type IResolvers } from "@graphql-tools/utils";
import { defaultFieldResolver, isObjectType, parse, print, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type NonEmptyArray } from "type-graphql";
import { CACHE_CONTROL_DEFINITIONS } from "./cache-control";
import type { SubgraphContext } from "./context";
import { POLICIES } from "./security/caller";

export const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@requires", "@external", "@shareable", "@tag", "@inaccessible", "@authenticated", "@requiresScopes", "@policy"])`;

export interface FederatedSchemaOptions {
  resolvers: NonEmptyArray<Function>;
  /** Types not reachable from a root field (entity stubs such as Person in a program subgraph). */
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type. */
  referenceResolvers?: IResolvers;
}

export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const resolvers = createResolversMap(schema) as Record<string, any>;
  for (const [typeName, extra] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...(extra as object) };
  }
  const typeDefs = parse(`${FEDERATION_LINK}\n${CACHE_CONTROL_DEFINITIONS}\n${printSchemaWithDirectives(schema)}`);
  return withholdIdentifiedFields(buildSubgraphSchema({ typeDefs, resolvers: resolvers as any }));
}

/**
 * Every field marked `@policy(policies: [["identified"]])` (exact amounts, names, birth dates)
 * resolves to null for a caller who does not hold the policy (security/caller.ts), in the subgraph
 * itself: the gateway's removal of the field is not taken on faith.
 */
export function withholdIdentifiedFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const policy = field.astNode?.directives?.find((d) => d.name.value === "policy");
      if (!policy) continue;
      const policies = [...print(policy).matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      if (!policies.every((name) => POLICIES[name])) throw new Error(`${type.name}.${field.name}: unknown policy in ${print(policy)}`);
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx: SubgraphContext, info) =>
        policies.every((name) => POLICIES[name](ctx.caller)) ? resolve(source, args, ctx, info) : null;
    }
  }
  return schema;
}
