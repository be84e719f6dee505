/**
 * Query limits, checked after validation and before planning, against the caller's budget
 * (budgets.ts): depth, aliases and directives with graphql-armor's rules, root fields and the
 * list-size-aware cost (query-cost.ts) here. A refusal is QUERY_LIMIT_EXCEEDED naming the limit,
 * its maximum and what was measured. Introspection is exempt from depth (its standard query is deep).
 */
import { GraphQLError, Kind, validate, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type ValidationRule } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import type { Audience, Caller } from "../../subgraphs/kit/security/caller";
import { MAX_DIRECTIVES, type Budget } from "./budgets";
import { operationCost } from "./query-cost";
import { documentMemo } from "../document-memo";

export const QUERY_LIMIT_EXCEEDED = "QUERY_LIMIT_EXCEEDED";

export function limitExceeded(limit: string, max: number, measured: number | null, audience: string): GraphQLError {
  const found = measured === null ? "" : ` (this operation: ${measured})`;
  return new GraphQLError(`Query limit exceeded: ${limit} may be at most ${max} for ${/^[aeiou]/.test(audience) ? "an" : "a"} ${audience}${found}. Ask for less (smaller pages, fewer nested lists or aliases), or split the query.`, {
    extensions: { code: QUERY_LIMIT_EXCEEDED, limit, max, measured, http: { status: 400 } as never },
  });
}

/** The number armor's message reports as found ("... found 12."), if any. */
const foundIn = (message: string) => {
  const match = /found (\d+)/i.exec(message) ?? /(\d+)\D*$/.exec(message);
  return match ? Number(match[1]) : null;
};

interface ArmorRejection {
  limit: string;
  max: number;
  measured: number | null;
}

/** The first of graphql-armor's depth, aliases and directives rules the document breaks, if any. */
function armorRejection(schema: GraphQLSchema, document: DocumentNode, budget: Budget): ArmorRejection | null {
  const rules: [string, number, ValidationRule][] = [
    ["depth", budget.depth, maxDepthRule({ n: budget.depth, exposeLimits: true, ignoreIntrospection: true, propagateOnRejection: true }) as ValidationRule],
    ["aliases", budget.aliases, maxAliasesRule({ n: budget.aliases, exposeLimits: true, propagateOnRejection: true }) as ValidationRule],
    ["directives", MAX_DIRECTIVES, maxDirectivesRule({ n: MAX_DIRECTIVES, exposeLimits: true, propagateOnRejection: true }) as ValidationRule],
  ];
  for (const [limit, max, rule] of rules) {
    let error: Error | undefined;
    try {
      [error] = validate(schema, document, [rule]);
    } catch (thrown) {
      error = thrown as Error; // armor's rules throw when they reject
    }
    if (error) return { limit, max, measured: foundIn(error.message) };
  }
  return null;
}

export function queryLimitsPlugin<Context extends object>(
  budgets: Record<Audience, Budget>,
  callerOf: (context: Context) => Caller,
  onReject: (limit: string) => void,
): ApolloServerPlugin<Context> {
  const armorChecked = documentMemo<ArmorRejection | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, schema, request }) {
          if (!operation) return;
          const audience = callerOf(contextValue).audience;
          const budget = budgets[audience];
          // Depth, aliases and directives depend on the document and the budget alone: checked once per
          // document and audience, not on every request (three validation passes each).
          const rejected = armorChecked(document, `${audience}\n${operation.name?.value ?? ""}`, () => armorRejection(schema, document, budget));
          if (rejected) {
            onReject(rejected.limit);
            throw limitExceeded(rejected.limit, rejected.max, rejected.measured, audience);
          }
          const rootFields = operation.selectionSet.selections.length;
          if (rootFields > budget.rootFields) {
            onReject("rootFields");
            throw limitExceeded("rootFields", budget.rootFields, rootFields, audience);
          }
          const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
          const cost = operationCost(schema, operation, fragments, request.variables ?? {});
          if (cost > budget.cost) {
            onReject("cost");
            throw limitExceeded("cost", budget.cost, cost, audience);
          }
        },
      };
    },
  };
}
