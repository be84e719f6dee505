/** A citizen's consent to a partner agency (정보제공 동의), and the input to grant one. */
import { Directive, Field, ID, InputType, ObjectType } from "type-graphql";
import { PUBLIC_DATA } from "../../platform/cache-control";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar } from "../kit/scalars";

@Directive(PARTNER)
@Directive(PUBLIC_DATA)
@ObjectType({ description: "A partner agency that may integrate with this API once a citizen consents." })
export class PartnerAgency {
  @Field(() => ID, { description: "Partner id, e.g. korea-polytechnics." })
  id!: string;

  @Field(() => String, { description: "The agency's name." })
  name!: string;
}

@ObjectType({ description: "A consent a citizen gave a partner agency (PIPA Art. 17): who receives which programs' data, for what purpose, until when." })
export class Consent {
  @Field(() => ID, { description: "Consent id (C- followed by a UUID): what revokeConsent takes." })
  id!: string;

  @Field(() => PartnerAgency, { description: "The agency that may read the data." })
  partner!: PartnerAgency;

  @Field(() => String, { description: "The purpose the agency may use the data for; its access tokens must state the same purpose." })
  purpose!: string;

  @Field(() => [String], { description: "The programs' data covered, as scopes (e.g. learning-card:read)." })
  scopes!: string[];

  @Field(() => String, { description: "When the consent was given (ISO 8601 timestamp)." })
  grantedAt!: string;

  @Field(() => DateScalar, { description: "Last day the consent is valid." })
  expiresOn!: string;

  @Field(() => String, { nullable: true, description: "When the consent was revoked (ISO 8601 timestamp); null while not revoked." })
  revokedAt!: string | null;

  @Field(() => Boolean, { description: "True while the consent is neither revoked nor expired." })
  active!: boolean;
}

@InputType({ description: "A consent to give a partner agency." })
export class ConsentInput {
  @Field(() => ID, { description: "The partner agency (see partnerAgencies)." })
  partnerId!: string;

  @Field(() => String, { description: "The purpose, 1-200 characters, exactly as the agency states it in its tokens (e.g. \"training placement\")." })
  purpose!: string;

  @Field(() => [String], { description: "Programs' data to share, as scopes: employment-support:read, job-search-guarantee:read, mid-career:read, learning-card:read." })
  scopes!: string[];

  @Field(() => DateScalar, { description: "Last day the consent is valid: after today, at most 3 years ahead." })
  expiresOn!: string;
}
