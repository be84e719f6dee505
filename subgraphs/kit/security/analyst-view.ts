/**
 * The analyst's view, applied where the data lives: before an answer leaves a subgraph for an
 * analyst, every person id in it (Person.id, and record ids such as LCE-P00000042-1 that embed one)
 * becomes the person's stable pseudonym. Names, exact birth dates and exact amounts are withheld by
 * the resolvers that own them (people) and by @policy at the gateway.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { SubgraphContext } from "../context";
import type { Pseudonymizer } from "./pseudonym";

function mask(value: unknown, pseudonyms: Pseudonymizer): unknown {
  if (typeof value === "string") return pseudonyms.maskText(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = mask(value[i], pseudonyms);
    return value;
  }
  if (value && typeof value === "object") {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) object[key] = mask(object[key], pseudonyms);
  }
  return value;
}

export function analystViewPlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.caller.audience !== "analyst") return;
      return {
        async willSendResponse({ response, contextValue: ctx }) {
          if (response.body.kind === "single" && response.body.singleResult.data) mask(response.body.singleResult.data, ctx.security.pseudonyms);
        },
      };
    },
  };
}
