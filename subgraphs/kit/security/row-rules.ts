/**
 * Which persons a caller may read (row-level rules), applied where the data lives: by people on
 * every root field and entity, and again by each program subgraph on every Person it is handed.
 *
 * | caller      | persons                                                                       |
 * |-------------|-------------------------------------------------------------------------------|
 * | anonymous   | none (simulated persons only)                                                 |
 * | citizen     | themselves                                                                    |
 * | counsellor  | persons whose case one of their centers manages                              |
 * | analyst     | everyone, pseudonymised (ids are pseudonyms; analyst-view.ts)                 |
 * | partner     | persons with an active consent for the partner and purpose (and the program) |
 */
import type { SubgraphContext } from "../context";
import { badUserInput } from "../errors";
import { PERSON_ID } from "../../../platform/reference/person-id";
import { PROGRAM_SCOPES, type ProgramSubgraph } from "../../../platform/security/caller";
import { activeConsentsByPerson, isActive } from "./consent";
import { consentRequired, forbidden, unauthenticated } from "../../../platform/security/errors";

export const SIMULATED_ID_PREFIX = "sim:";

/**
 * The person id behind what the caller wrote. Analysts write pseudonyms (a real id from an analyst
 * is refused: it would let the analyst link a pseudonym to a person); everyone else writes ids.
 */
export function personIdFromCaller(ctx: SubgraphContext, id: string, argumentName = "id"): string {
  if (id.startsWith(SIMULATED_ID_PREFIX)) return id;
  if (ctx.caller.audience !== "analyst") return id;
  const personId = ctx.security.pseudonyms.personId(id);
  if (personId) return personId;
  throw notInAnalystView(argumentName);
}

/**
 * The one answer an analyst gets for an id that names nobody in the analyst's view: a real id
 * (existing or not), a string that is no pseudonym, the pseudonym of nobody, or that of a person
 * left out of the view (k-anonymity, generalisation.ts). It names no person.
 */
export function notInAnalystView(argumentName = "id"): Error {
  return badUserInput(argumentName, `"${argumentName}" must be a pseudonymous person id (anon- followed by 22 characters) as this API returns them to analysts.`);
}

export interface PersonScope {
  id: string;
  centerId: string | null;
}

/**
 * Throws the refusal (UNAUTHENTICATED, FORBIDDEN or CONSENT_REQUIRED) when the caller may not read
 * the person, after noting the denial for the access log. `program`: the program subgraph asking
 * (partners need its scope and a consent that names it).
 */
export async function checkPersonAccess(ctx: SubgraphContext, person: PersonScope, program?: ProgramSubgraph): Promise<void> {
  if (person.id.startsWith(SIMULATED_ID_PREFIX)) return;
  const caller = ctx.caller;
  const deny = (error: Error): never => {
    if (PERSON_ID.test(person.id)) ctx.access.deny(person.id);
    throw error;
  };
  switch (caller.audience) {
    case "analyst":
      return;
    case "citizen":
      if (caller.personId === person.id) return;
      return deny(forbidden("A citizen may read only their own data: use `me`."));
    case "counsellor":
      if (person.centerId && caller.centers?.includes(person.centerId)) return;
      return deny(forbidden("This person's case is managed by an employment center you do not work for; ask that center to transfer the case."));
    case "partner": {
      const scope = program ? PROGRAM_SCOPES[program] : null;
      if (scope && !caller.scopes.includes(scope)) return deny(forbidden(`Your agency's access does not include the scope "${scope}".`));
      const consents = await ctx.accessLoaders.get(activeConsentsByPerson).load(person.id);
      const consented = consents.some(
        (c) => isActive(c) && c.partner_id === caller.partnerId && c.purpose === caller.purpose && (!scope || c.scopes.includes(scope)),
      );
      if (consented) return;
      return deny(
        consentRequired("This person has not given your agency an active consent for this purpose and these programs; the person can grant one (grantConsent) in their portal."),
      );
    }
    default:
      return deny(unauthenticated("Persons' data needs a signed-in caller: send an access token (Authorization: Bearer) or an API key."));
  }
}
