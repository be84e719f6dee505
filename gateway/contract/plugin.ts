/** Partners' operations must be valid against the partner contract schema (schema.ts), not just the whole graph. */
import { GraphQLError, validate, type GraphQLSchema } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Caller } from "../../subgraphs/kit/security/caller";

export function partnerContractPlugin<Context>(contract: () => GraphQLSchema, callerOf: (context: Context) => Caller): ApolloServerPlugin<Context & object> {
  return {
    async requestDidStart({ contextValue }) {
      if (callerOf(contextValue).audience !== "partner") return;
      return {
        async didResolveOperation({ document }) {
          const [first, ...rest] = validate(contract(), document);
          if (!first) return;
          throw new GraphQLError(`${first.message}${rest.length ? ` (and ${rest.length} more)` : ""} The partner API offers the fields of its contract schema only: introspect it to see them.`, {
            nodes: first.nodes,
            extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } as never },
          });
        },
      };
    },
  };
}
