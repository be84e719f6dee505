/** Relay cursor connection of persons (https://relay.dev/graphql/connections.htm), plus totalCount. */
import { Field, InputType, Int, ObjectType, ID, Directive } from "type-graphql";
import { EmploymentStatus, Region } from "./enums";
import { Person } from "./person";
import { PERSONAL_DATA } from "../../platform/cache-control";

@Directive(PERSONAL_DATA)
@ObjectType({ description: "Relay page information." })
export class PageInfo {
  @Field(() => Boolean, { description: "True when more persons follow endCursor." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "True when persons precede startCursor (only forward paging is offered, so true exactly when `after` was given)." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first edge, null when the page is empty." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; pass it as `after` for the next page." })
  endCursor!: string | null;
}

@Directive(PERSONAL_DATA)
@ObjectType({ description: "A person in a page, with the cursor that points at it." })
export class PersonEdge {
  @Field(() => String, { description: "Opaque cursor of this person." })
  cursor!: string;

  @Field(() => Person, { description: "The person." })
  node!: Person;
}

@Directive(PERSONAL_DATA)
@ObjectType({ description: "A page of persons." })
export class PersonConnection {
  @Field(() => [PersonEdge], { description: "The persons of this page (in id order; for analysts in an order unrelated to the ids)." })
  edges!: PersonEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the whole list." })
  pageInfo!: PageInfo;

  /** Counts every person matching the filter; run only when totalCount is asked for. */
  count!: () => Promise<number>;
}

@InputType({ description: "Narrows a list of persons; all given conditions must hold." })
export class PersonFilter {
  @Field(() => Region, { nullable: true, description: "Only persons living in this region." })
  region?: Region;

  @Field(() => ID, { nullable: true, description: "Only persons managed by this employment center (id as in employmentCenters)." })
  centerId?: string;

  @Field(() => Int, { nullable: true, description: "Only persons at least this old today (0-130; for analysts, the age reached this year)." })
  minAge?: number;

  @Field(() => Int, { nullable: true, description: "Only persons at most this old today (0-130; for analysts, the age reached this year)." })
  maxAge?: number;

  @Field(() => EmploymentStatus, { nullable: true, description: "Only persons with this employment status." })
  employmentStatus?: EmploymentStatus;
}
