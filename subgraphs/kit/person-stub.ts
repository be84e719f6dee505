/**
 * Person as a program subgraph sees it: the key, plus the circumstances owned by the people
 * subgraph (`PersonCircumstances`, inaccessible to callers), declared @external so a program field
 * can @requires them.
 */
import "reflect-metadata";
import { Directive, Field, ID, ObjectType, type ClassType } from "type-graphql";
import { circumstancesType, type SealedCircumstances } from "./circumstances-type";
import { PERSONAL_DATA } from "../../platform/cache-control";

export interface PersonRepresentation {
  id: string;
  /** Sealed by people for this id (security/sealed-circumstances.ts); whatever a request says otherwise is refused. */
  circumstances?: SealedCircumstances;
}

/**
 * A fresh Person stub class for one subgraph. Each subgraph needs its own class: type-graphql
 * attaches field resolvers to the class, so a class shared by all program subgraphs would carry
 * every program's field when several are loaded in one process (as `npm run compose` does).
 */
export function personStub(): ClassType<PersonRepresentation> {
  const Circumstances = circumstancesType(true);

  @Directive(PERSONAL_DATA)
  @ObjectType("Person", { description: "A person known to the employment programs, identified by a pseudonymous id (never a resident registration number)." })
  @Directive(`@key(fields: "id")`)
  class PersonStub implements PersonRepresentation {
    @Field(() => ID, { description: "Pseudonymous person id, P followed by 8 digits (e.g. P00000042); analysts see a stable pseudonym (anon-...) instead." })
    id!: string;

    @Field(() => Circumstances, { description: "The circumstances the programs' rules read (internal)." })
    @Directive("@external")
    circumstances!: SealedCircumstances;
  }
  return PersonStub;
}
