/**
 * A person's circumstances as people hands them to the programs: sealed (seal.ts, CIRCUMSTANCES_KEY,
 * subgraphs only) with the person's id and a short life. A program opens them only for the person id
 * of the representation they came with; anything else (circumstances written by the caller, a seal
 * made for another person, an expired one) is refused with FORBIDDEN before any rule or row rule
 * reads it. A simulated person (`sim:` id) goes the same way: people seals the circumstances its id
 * carries, and the programs' row rule for it is its own (anyone may ask; it has no history).
 */
import type { SubgraphContext } from "../context";
import { flattenCircumstances, nestCircumstances, type FlatCircumstances, type SealedCircumstances } from "../circumstances-type";
import type { Circumstances } from "../circumstances";
import { PERSON_ID } from "../../../platform/reference/person-id";
import { forbidden } from "../../../platform/security/errors";

/** Long enough for the slowest plan between people's fetch and the programs' (timeouts and retries included). */
export const CIRCUMSTANCES_SEAL_SECONDS = 30;

interface SealedContent {
  id: string;
  c: FlatCircumstances;
}

export function sealCircumstances(ctx: SubgraphContext, circumstances: Circumstances): SealedCircumstances {
  const content: SealedContent = { id: circumstances.id, c: flattenCircumstances(circumstances) };
  return { sealed: ctx.security.circumstances.seal(content, CIRCUMSTANCES_SEAL_SECONDS) };
}

/** The circumstances people sealed for person `id`; FORBIDDEN (and a denied read of `id`) otherwise. */
export function openCircumstances(ctx: SubgraphContext, id: string, carried: unknown): Circumstances {
  const sealed = (carried as Partial<SealedCircumstances> | null | undefined)?.sealed;
  const content = ctx.security.circumstances.open(sealed) as SealedContent | null;
  if (content && content.id === id && content.c && typeof content.c === "object") return nestCircumstances(id, content.c);
  if (PERSON_ID.test(id)) ctx.access.deny(id);
  throw forbidden("A person's circumstances must come from the people service through the gateway, sealed for this person; these were not.");
}
