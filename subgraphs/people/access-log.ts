/** The citizen's data tracker: who accessed their data, when, why and which programs (like Estonia's Data Tracker). */
import { Field, ObjectType } from "type-graphql";
import { Program } from "../kit/eligibility";

@ObjectType({ description: "One access to the person's data, or one refused attempt: one request by one caller, across every service it reached." })
export class AccessLogEntry {
  @Field(() => String, { description: "Opaque position of this entry: pass it as accessLog(after:) for the next entries." })
  cursor!: string;

  @Field(() => String, { description: "When the data was accessed (ISO 8601 timestamp)." })
  at!: string;

  @Field(() => String, { description: "The organisation that accessed it (an employment center, an agency, statistics, or you): never a person's name." })
  who!: string;

  @Field(() => String, { description: "The kind of access: citizen, counsellor, analyst or partner." })
  audience!: string;

  @Field(() => String, { nullable: true, description: "The purpose the organisation stated (partner agencies must)." })
  purpose!: string | null;

  @Field(() => Boolean, { description: "True when the caller asked for your data and was refused: nothing was read in this entry." })
  refused!: boolean;

  @Field(() => [Program], { description: "The programs whose data was read, or for a refusal the programs asked for (empty when only identity or circumstances were)." })
  programs!: Program[];
}
