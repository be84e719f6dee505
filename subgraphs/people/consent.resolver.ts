/** A citizen's consents: list (Person.consents), grant and revoke. Only the citizen themself. */
import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { PUBLIC_DATA } from "../../platform/cache-control";
import { PARTNER } from "../../platform/security/contract";
import type { SubgraphContext } from "../kit/context";
import { badUserInput } from "../kit/errors";
import { addMonths, todayInKorea } from "../../platform/dates";
import { forbidden } from "../../platform/security/errors";
import { PROGRAM_SCOPES } from "../../platform/security/caller";
import { PARTNERS, partnerById } from "../../platform/security/partners";
import { consentsOf, grantConsent, isActive, revokeConsent, type ConsentRow } from "../kit/security/consent";
import { Consent, ConsentInput, PartnerAgency } from "./consent";
import { Person } from "./person";

const SCOPES = new Set<string>(Object.values(PROGRAM_SCOPES));

function toConsent(row: ConsentRow): Consent {
  const partner = partnerById.get(row.partner_id) ?? { id: row.partner_id, name: row.partner_id };
  return {
    id: row.id,
    partner,
    purpose: row.purpose,
    scopes: row.scopes,
    grantedAt: new Date(row.granted_at).toISOString(),
    expiresOn: row.expires_on,
    revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
    active: isActive(row),
  };
}

/** The signed-in citizen's person id; FORBIDDEN for anyone else. */
export function citizenSelf(ctx: SubgraphContext, personId?: string): string {
  const self = ctx.caller.audience === "citizen" ? ctx.caller.personId : undefined;
  if (!self || (personId !== undefined && personId !== self)) throw forbidden("Only the person themself can see or change their consents and access log.");
  return self;
}

function checkConsent(input: ConsentInput): void {
  if (!partnerById.has(input.partnerId)) throw badUserInput("consent.partnerId", `"consent.partnerId" must be one of: ${PARTNERS.map((p) => p.id).join(", ")}.`);
  const purpose = input.purpose.trim();
  if (purpose.length < 1 || purpose.length > 200) throw badUserInput("consent.purpose", `"consent.purpose" must be 1-200 characters.`);
  if (input.scopes.length === 0 || input.scopes.some((s) => !SCOPES.has(s))) {
    throw badUserInput("consent.scopes", `"consent.scopes" must list one or more of: ${[...SCOPES].join(", ")}.`);
  }
  const today = todayInKorea();
  if (input.expiresOn <= today || input.expiresOn > addMonths(today, 36)) {
    throw badUserInput("consent.expiresOn", `"consent.expiresOn" must be after today and at most 3 years ahead.`);
  }
}

@Resolver(() => Person)
export class ConsentResolver {
  @Directive(PARTNER)
  @Directive(PUBLIC_DATA)
  @Query(() => [PartnerAgency], { description: "The partner agencies a citizen can give consent to." })
  partnerAgencies(): PartnerAgency[] {
    return [...PARTNERS];
  }

  @Directive("@authenticated")
  @FieldResolver(() => [Consent], { description: "Consents the person gave partner agencies, newest first (the person themself only)." })
  async consents(@Root() person: Person, @Ctx() ctx: SubgraphContext): Promise<Consent[]> {
    return (await consentsOf(ctx.security.accessStore, citizenSelf(ctx, person.id))).map(toConsent);
  }

  @Directive("@authenticated")
  @Mutation(() => Consent, { description: "Gives a partner agency access to some programs' data for one purpose until a date (citizens, for themselves)." })
  async grantConsent(@Arg("consent", () => ConsentInput, { description: "Agency, purpose, programs and end date." }) consent: ConsentInput, @Ctx() ctx: SubgraphContext): Promise<Consent> {
    const self = citizenSelf(ctx);
    checkConsent(consent);
    return toConsent(await grantConsent(ctx.security.accessStore, self, { ...consent, purpose: consent.purpose.trim() }));
  }

  @Directive("@authenticated")
  @Mutation(() => Consent, { description: "Revokes one of your consents; it takes effect at once (revoking twice keeps the first time)." })
  async revokeConsent(@Arg("id", () => ID, { description: "The consent's id (Consent.id)." }) id: string, @Ctx() ctx: SubgraphContext): Promise<Consent> {
    const row = await revokeConsent(ctx.security.accessStore, citizenSelf(ctx), id);
    if (!row) throw badUserInput("id", `"id" must be the id of one of your consents (see me { consents { id } }).`);
    return toConsent(row);
  }
}
