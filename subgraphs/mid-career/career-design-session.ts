/** One career design session at a Mid-Career Tomorrow Center (중장년내일센터). */
import { Directive, Field, ID, Int, ObjectType, Extensions } from "type-graphql";
import { PERSONAL_EVENT_DATE } from "../kit/security/personal-dates";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar } from "../kit/scalars";
import { CareerDesignSessionKind } from "./enums";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({
  description:
    "A session at a Mid-Career Tomorrow Center (중장년내일센터, for people aged 40 and over): lifetime career design (생애경력설계), " +
    "outplacement or job search skills. The first step of the Mid-Career Employment Network's chain.",
})
export class CareerDesignSession {
  @Field(() => ID, { description: "Stable session id: MCD-, the person id and an ordinal by date (e.g. MCD-P00000042-1)." })
  id!: string;

  @Field(() => ID, { description: "Pseudonymous id of the person who attended." })
  personId!: string;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { description: "Date the session was held." })
  heldOn!: string;

  @Field(() => String, { description: "The center that ran it, e.g. \"Seoul Gwanak Mid-Career Tomorrow Center\" (analysts: \"(center withheld) Mid-Career Tomorrow Center\" where the analyst's view withholds the person's center)." })
  provider!: string;

  @Field(() => CareerDesignSessionKind, { description: "What the session covered." })
  kind!: CareerDesignSessionKind;

  @Field(() => Int, { description: "Length of the session in whole hours." })
  hours!: number;
}
