/**
 * Partners' operations must be valid against the partner contract schema (schema.ts), not just the
 * whole graph, and what they are told about an invalid one comes from the contract only.
 *
 * Apollo validates every document against the whole graph before any plugin sees the operation.
 * A partner's unregistered document is refused whatever it holds (shared/safelist.ts); a registered
 * one that fails that validation (the graph changed, or it was registered by mistake) would get
 * messages written against the whole graph, e.g. `Expected value of type "PersonFilter"`, naming
 * internal types the partner never wrote. Those errors are replaced by the contract's own.
 */
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Caller } from "../../platform/security/caller";
import { mixedIntrospectionError, mixesIntrospectionWithData } from "./introspection";

/** No "Did you mean ...?": suggestions are stripped for partners anyway (limits/field-suggestions.ts). */
const SUGGESTION = /\s*Did you mean[^?]*\?/g;

const CONTRACT_ONLY = "The partner API offers the fields of its contract schema only: introspect it to see them.";

function contractError(schema: GraphQLSchema, document: DocumentNode): GraphQLError | null {
  const [first, ...rest] = validate(schema, document);
  if (!first) return null;
  return new GraphQLError(`${first.message.replace(SUGGESTION, "")}${rest.length ? ` (and ${rest.length} more)` : ""} ${CONTRACT_ONLY}`, {
    nodes: first.nodes,
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } as never },
  });
}

/** When the whole graph refuses what the contract accepts (a validation rule the contract does not run): say nothing about the graph. */
function invalidError(): GraphQLError {
  return new GraphQLError(`This operation is not valid. ${CONTRACT_ONLY}`, {
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } as never },
  });
}

export function partnerContractPlugin<Context>(contract: () => GraphQLSchema, callerOf: (context: Context) => Caller): ApolloServerPlugin<Context & object> {
  return {
    async requestDidStart({ contextValue }) {
      if (callerOf(contextValue).audience !== "partner") return;
      return {
        async didResolveOperation({ document, operation }) {
          const invalid = contractError(contract(), document);
          if (invalid) throw invalid;
          // Introspection is answered from the contract (introspection.ts), which cannot also answer data.
          if (operation && mixesIntrospectionWithData(operation, document)) throw mixedIntrospectionError();
        },
        async didEncounterErrors({ errors, document, operation }) {
          // The whole graph's validation errors: reported with a document but before the operation is
          // resolved (errors from didResolveOperation on, this plugin's included, come with it).
          const fromGraph = !operation && errors.some((e) => e.extensions?.code === "GRAPHQL_VALIDATION_FAILED");
          if (!fromGraph || !document) return;
          // Synchronously, before Apollo formats the errors: the array is the one it answers with.
          (errors as GraphQLError[]).splice(0, errors.length, contractError(contract(), document) ?? invalidError());
        },
      };
    },
  };
}
