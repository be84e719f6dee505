/** Person as this subgraph sees it: only the key; the people subgraph owns the rest. */
import { Directive, Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A person known to the employment programs, identified by a pseudonymous id (never a resident registration number)." })
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID, { description: "Pseudonymous person id, P followed by 8 digits (e.g. P00000042)." })
  id!: string;
}
