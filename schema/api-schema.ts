/**
 * The schemas clients see, derived from the supergraph exactly as the gateway derives them: the API
 * schema (no join directives, no @inaccessible fields) and the partner contract (gateway/contract/).
 */
import { printSchema, type GraphQLSchema } from "graphql";
import { Supergraph } from "@apollo/federation-internals";
import { supergraphForEnforcingGateway } from "../gateway/authorization/supergraph";
import { contractSchema } from "../gateway/contract/schema";

export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphForEnforcingGateway(supergraphSdl)).apiSchema().toGraphQLJSSchema();
}

/** schema/api.graphql and schema/partner.graphql: what the gateway serves, printed. */
export function clientSchemas(supergraphSdl: string): { api: string; partner: string } {
  const api = apiSchemaOf(supergraphSdl);
  return { api: printSchema(api).trim() + "\n", partner: printSchema(contractSchema(api, supergraphSdl)).trim() + "\n" };
}
