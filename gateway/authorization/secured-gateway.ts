/**
 * @apollo/gateway does not enforce @authenticated, @requiresScopes and @policy, has no partner
 * contract and no introspection policy: this wrapper around it adds all three, before planning.
 * The requirements, the API schema, the partner contract and the public part follow the
 * supergraph as it is reloaded.
 */
import type { ApolloGateway } from "@apollo/gateway";
import type { GatewayInterface } from "@apollo/server-gateway-interface";
import type { GraphQLSchema } from "graphql";
import type { Caller } from "../../platform/security/caller";
import { readRequirements, type Requirements } from "./requirements";
import { authorizingExecutor } from "./executor";
import { contractSchema } from "../contract/schema";
import { contractIntrospection } from "../contract/introspection";
import { anonymousIntrospection, publicSchema, type IntrospectionPolicy } from "../contract/introspection-policy";

export interface SecuredGateway {
  /** What Apollo Server runs: the gateway, with authorization and the contracts (or as it is when security is off). */
  gateway: GatewayInterface;
  /** The schema's declared requirements now. */
  requirements(): Requirements;
  /** The partner contract now. */
  partnerSchema(): GraphQLSchema;
}

export function securedGateway(gateway: ApolloGateway, options: { insecure: boolean; introspection: IntrospectionPolicy; callerOf(context: unknown): Caller }): SecuredGateway {
  let requirements: Requirements = new Map();
  let apiSchema: GraphQLSchema | undefined;
  let partnerSchema: GraphQLSchema | undefined;
  let anonymousSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: schema, coreSupergraphSdl }) => {
    requirements = readRequirements(coreSupergraphSdl);
    apiSchema = schema;
    partnerSchema = contractSchema(schema, coreSupergraphSdl);
    anonymousSchema = undefined; // the public part, made when first introspected
  });
  const { insecure, introspection, callerOf } = options;
  return {
    requirements: () => requirements,
    partnerSchema: () => partnerSchema!,
    gateway: {
      async load(loadOptions) {
        const { schema, executor } = await gateway.load(loadOptions);
        if (insecure) return { schema, executor };
        const authorizing = authorizingExecutor(executor, () => apiSchema!, () => requirements, callerOf);
        const byAudience = contractIntrospection(authorizing, () => partnerSchema!, callerOf);
        return { schema, executor: anonymousIntrospection(byAudience, introspection, () => (anonymousSchema ??= publicSchema(apiSchema!, requirements)), callerOf) };
      },
      onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
      stop: () => gateway.stop(),
    },
  };
}
