/**
 * No "Did you mean ...?" for callers outside the ministry (anonymous, citizens, partners): a
 * suggestion names fields they cannot see in the documentation (graphql-armor's
 * block-field-suggestions does the same for envelop servers; Apollo needs it as a plugin).
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { Caller } from "../../platform/security/caller";

const INTERNAL = new Set(["counsellor", "analyst"]);
const SUGGESTION = /\s*Did you mean[^?]*\?/g;

export function fieldSuggestionsPlugin<Context extends object>(callerOf: (context: Context) => Caller | undefined): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const caller = callerOf(contextValue);
          if (caller && INTERNAL.has(caller.audience)) return;
          if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) => (SUGGESTION.test(e.message) ? { ...e, message: e.message.replace(SUGGESTION, "") } : e));
        },
      };
    },
  };
}
