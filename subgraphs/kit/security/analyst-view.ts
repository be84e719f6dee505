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
import { birthYearBand, released } from "./generalisation";
import type { Caller } from "../../../platform/security/caller";
import { CENTERS } from "../../../platform/reference/centers";

/** The birth date that stands for a person's in the analyst's view: the first day of the birth year. */
export const birthYearStart = (birthDate: string): string => `${birthDate.slice(0, 4)}-01-01`;

/**
 * The birth date the analyst's view stands a person's on, by the person's generalisation level
 * (generalisation.ts): the first day of the birth year, or, where only the 5-year band of the birth
 * year is released, the first day of the band. Every person of a band then gets the same answer on
 * every date, so no sequence of `asOf` tells the year inside the band.
 */
export function analystBirthDate(birthDate: string, level: number): string {
  if (released(level).birthYear) return birthYearStart(birthDate);
  return `${String(birthYearBand(Number(birthDate.slice(0, 4))).from).padStart(4, "0")}-01-01`;
}

/** Circumstances as an analyst's answers are computed from: the birth date as the analyst's view stands it. */
export function analystCircumstances(person: Circumstances): Circumstances {
  return { ...person, birthDate: analystBirthDate(person.birthDate, person.analystLevel ?? 0) };
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

/** Whether a person's managing center is withheld from this caller: an analyst, where only the region is released. */
export const centerWithheld = (caller: Caller, level: number | undefined): boolean => caller.audience === "analyst" && !released(level ?? 0).center;

const CENTER_WITHHELD = "(center withheld)";
/** A program record's text or provider with the person's center withheld: its id, and the place its name starts with ("Seoul Gwanak"). */
export function withholdCenter(text: string, centerId: string | null): string {
  if (!centerId) return text;
  const center = CENTERS.find((c) => c.id === centerId);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const names = [centerId, ...(center ? [center.name, center.name.replace(/ Employment Center$/, "")] : [])].sort((a, b) => b.length - a.length);
  return text.replace(new RegExp(`\\b(?:${names.map(escape).join("|")})\\b`, "g"), CENTER_WITHHELD);
}
