/** LearningCard: the card itself, with its grant and what is left of it. */
import "reflect-metadata";
import { IDENTIFIED_ONLY } from "../../platform/security/caller";
import { Directive, Field, ID, Int, ObjectType, Extensions } from "type-graphql";
import { PERSONAL_EVENT_DATE } from "../kit/security/personal-dates";
import { PARTNER } from "../../platform/security/contract";
import { DateScalar } from "../kit/scalars";
import { LearningCardStatus } from "./enums";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PARTNER)
@Directive(PERSONAL_DATA)
@ObjectType({ description: "A Tomorrow Learning Card (국민내일배움카드): a training voucher valid 5 years from issue." })
export class LearningCard {
  /** Holder, for the used/balance resolvers (not exposed). */
  personId!: string;

  @Field(() => ID, { description: "Card id, LC- followed by the holder's person id (e.g. LC-P00000042)." })
  id!: string;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { description: "Date the card was issued." })
  issuedOn!: string;

  @Extensions(PERSONAL_EVENT_DATE)
  @Field(() => DateScalar, { description: "Last day of validity: 5 years from issue; the unused balance then lapses." })
  expiresOn!: string;

  @Directive(IDENTIFIED_ONLY)
  @Field(() => Int, { nullable: true, description: "Training grant over the card's validity in whole KRW, larger for priority groups (e.g. low income); the amounts in force are in eligibilityRules. Not in the analyst's view (null)." })
  grantTotal!: number;

  @Field(() => LearningCardStatus, { description: "ACTIVE, SUSPENDED, or EXPIRED once expiresOn is before today (Korea Standard Time)." })
  status!: LearningCardStatus;
}
