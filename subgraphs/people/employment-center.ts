/** EmploymentCenter (고용센터) and the consortium of its regional Mid-Career Employment Network. */
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { PUBLIC_DATA } from "../../platform/cache-control";
import { PARTNER } from "../../platform/security/contract";
import { ConsortiumMemberKind, Region } from "./enums";

@Directive(PARTNER)
@Directive(PUBLIC_DATA)
@ObjectType({ description: "A member organisation of a regional Mid-Career Employment Network consortium." })
export class ConsortiumMember {
  @Field(() => ConsortiumMemberKind, { description: "Kind of organisation." })
  kind!: ConsortiumMemberKind;

  @Field(() => String, { description: "Name of the organisation." })
  name!: string;
}

@Directive(PARTNER)
@Directive(PUBLIC_DATA)
@ObjectType({ description: "An employment center (고용센터) of the Mid-Career Employment Network (중장년고용네트워크)." })
@Directive(`@key(fields: "id")`)
export class EmploymentCenter {
  @Field(() => ID, { description: "Stable center id, e.g. seoul-gwanak." })
  id!: string;

  @Field(() => String, { description: "English name." })
  name!: string;

  @Field(() => String, { description: "Korean name." })
  nameKo!: string;

  @Field(() => Region, { description: "Region the center serves." })
  region!: Region;

  @Field(() => [String], { description: "Industries the center's network concentrates placements on." })
  focusIndustries!: string[];

  @Field(() => Int, { description: "Year the center joined the network: 2025 (pilot, about 15 centers) or 2026 (about 40)." })
  networkSince!: number;

  @Field(() => Boolean, {
    description: "True when the focus industries are illustrative; false for centers whose focus the Ministry published (Seoul Gwanak, Incheon Bukbu/Seobu, Gumi).",
  })
  illustrative!: boolean;
}
