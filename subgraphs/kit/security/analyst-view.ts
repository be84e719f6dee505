/**
 * The analyst's view, applied where the data lives: before an answer leaves a subgraph for an
 * analyst, every person id in it (Person.id, and record ids such as LCE-P00000042-1 that embed one)
 * becomes the person's stable pseudonym. Names, exact birth dates and exact amounts are withheld by
 * the resolvers that own them (people, and every field marked `@policy(identified)`: schema.ts) and
 * by @policy at the gateway. The programs' rules run, for an analyst, on the birth year's first day
 * (analystCircumstances), so no answer on any date reveals more than the birth year.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { SubgraphContext } from "../context";
import type { Pseudonymizer } from "../../../platform/security/pseudonym";
import type { Circumstances } from "../circumstances";

/** The birth date that stands for a person's in the analyst's view: the first day of the birth year. */
export const birthYearStart = (birthDate: string): string => `${birthDate.slice(0, 4)}-01-01`;

/** Circumstances as an analyst's answers are computed from: the birth date replaced by its year's first day. */
export function analystCircumstances(person: Circumstances): Circumstances {
  return { ...person, birthDate: birthYearStart(person.birthDate) };
}

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
