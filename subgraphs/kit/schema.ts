/**
 * Builds an Apollo Federation 2 subgraph schema from type-graphql classes: type-graphql prints the
 * SDL (with its @key/@requires/@external directives), @apollo/subgraph adds the federation
 * machinery (_entities, _service) and the reference resolvers.
 */
import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives, type IResolvers } from "@graphql-tools/utils";
import { parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type NonEmptyArray } from "type-graphql";
import { CACHE_CONTROL_DEFINITIONS } from "../../platform/cache-control";
import { enforcePolicies } from "./security/policy-fields";
import { coarsenPersonalDates, personalDateFields } from "./security/personal-dates";

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
  return coarsenPersonalDates(enforcePolicies(buildSubgraphSchema({ typeDefs, resolvers: resolvers as any })), personalDateFields(schema));
}
