/** The citizen's data tracker: who accessed their data, when, why and which programs (like Estonia's Data Tracker). */
import { Field, ObjectType } from "type-graphql";
import { Program } from "../kit/eligibility";

@ObjectType({ description: "One access to the person's data: one request, across every service it reached." })
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

  @Field(() => [Program], { description: "The programs whose data was read (empty when only identity or circumstances were read)." })
  programs!: Program[];
}
