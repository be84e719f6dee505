/**
 * `PersonCircumstances`: the @inaccessible carrier of a person's circumstances from people to the
 * programs. A program field `@requires(fields: "circumstances { sealed }")` and the gateway fetches
 * it from people, but no client can select it: it is not in the API schema. `@inaccessible` only
 * hides it at the gateway, so the value itself is sealed (security/sealed-circumstances.ts): people
 * encrypts and authenticates the flat circumstances with the person's id and an expiry, under a key
 * only the subgraphs hold. Whoever reads people's answer (an analyst's token at people's port
 * included) reads nothing, and a program refuses circumstances it cannot open for that person id:
 * its row rules (the managing center) rest on what people said, never on what a request says.
 *
 * Why a separate type rather than requiring Person.birthDate, Person.household... directly: those
 * client-facing fields carry `@policy(policies: [["identified"]])` (an analyst never sees an exact
 * birth date or income), and Federation (composition >= 2.9.4, MISSING_TRANSITIVE_AUTH_REQUIREMENTS)
 * would then demand the same policy on every program field, hiding eligibility from analysts too.
 * The rules need the exact values; the caller may not. This type gives the rules what they need
 * without giving it to the caller.
 */
import { Directive, Field, ObjectType, type ClassType } from "type-graphql";
import type { EmployerSize, EmploymentStatus, Occupation, SpecificGroup, StudentStatus, Circumstances } from "./circumstances";
import { PERSONAL_DATA } from "../../platform/cache-control";
import { LEVEL_LEFT_OUT } from "./security/generalisation";

type Group = "household" | "employment" | "careerChange";

/**
 * The one list of the circumstances' fields: each flat name (what crosses the graph, sealed) and
 * where the nested shape the rules read (`Circumstances`) keeps it, at the top or in a group.
 * The flat type, flattenCircumstances and nestCircumstances derive from it.
 */
const FIELDS = {
  birthDate: ["birthDate"],
  centerId: ["centerId"],
  studentStatus: ["studentStatus"],
  militaryServiceMonths: ["militaryServiceMonths"],
  householdSize: ["household", "size"],
  monthlyIncome: ["household", "monthlyIncome"],
  assets: ["household", "assets"],
  dependants: ["household", "dependants"],
  employmentStatus: ["employment", "status"],
  occupation: ["employment", "occupation"],
  employerSize: ["employment", "employerSize"],
  monthlyWage: ["employment", "monthlyWage"],
  weeklyWorkHours: ["employment", "weeklyWorkHours"],
  workDaysLast24Months: ["employment", "workDaysLast24Months"],
  workHoursLast24Months: ["employment", "workHoursLast24Months"],
  selfEmployedAnnualRevenue: ["employment", "selfEmployedAnnualRevenue"],
  receivingUnemploymentBenefit: ["employment", "receivingUnemploymentBenefit"],
  targetFieldExperienceMonths: ["careerChange", "targetFieldExperienceMonths"],
  newFieldQualification: ["careerChange", "newFieldQualification"],
  leftMainCareer: ["careerChange", "leftMainCareer"],
  monthsSinceInsuredAtHost: ["careerChange", "monthsSinceInsuredAtHost"],
  specificGroup: ["specificGroup"],
  foreignNational: ["foreignNational"],
  trainingSupportRestricted: ["trainingSupportRestricted"],
  inOtherGovernmentFundedTraining: ["inOtherGovernmentFundedTraining"],
} as const satisfies Record<string, readonly [Exclude<keyof Circumstances, "id" | Group | "analystLevel">] | { [G in Group]: readonly [G, keyof Circumstances[G]] }[Group]>;

type Path = (typeof FIELDS)[keyof typeof FIELDS];
type At<P> = P extends readonly [infer G extends Group, infer F]
  ? F extends keyof Circumstances[G]
    ? Circumstances[G][F]
    : never
  : P extends readonly [infer K extends keyof Circumstances]
    ? Circumstances[K]
    : never;

/** The flat form (what crosses the graph). */
export type FlatCircumstances = { -readonly [K in keyof typeof FIELDS]: At<(typeof FIELDS)[K]> } & {
  /** Generalisation level of the analyst's view (security/generalisation.ts): what an analyst's answers may carry of this person. */
  analystLevel?: number;
};

// Every field of the nested shape has its flat name: a field added to Circumstances and not to FIELDS fails to compile.
type Covered<G extends Group> = Extract<Path, readonly [G, unknown]>[1];
type Missing =
  | Exclude<Exclude<keyof Circumstances, "id" | Group | "analystLevel">, Extract<Path, readonly [unknown]>[0]>
  | { [G in Group]: Exclude<keyof Circumstances[G], Covered<G>> }[Group];
const everyFieldListed: [Missing] extends [never] ? true : Missing = true;
void everyFieldListed;

const ENTRIES = Object.entries(FIELDS) as [keyof FlatCircumstances, Path][];

/** The `@requires` selection of every program field. */
export const CIRCUMSTANCES_SELECTION = "circumstances { sealed }";

export function flattenCircumstances(c: Omit<Circumstances, "id">): FlatCircumstances {
  const nested = c as unknown as Record<string, any>;
  const flat = Object.fromEntries(ENTRIES.map(([flat, [first, second]]) => [flat, second === undefined ? nested[first] : nested[first][second]])) as FlatCircumstances;
  return { ...flat, analystLevel: c.analystLevel ?? 0 };
}

/** The nested shape the rules read, from a Person representation carrying `circumstances`. */
export function nestCircumstances(id: string, f: FlatCircumstances): Circumstances {
  const nested: Record<string, any> = { id };
  const groups: Record<string, Record<string, unknown>> = {};
  for (const [flat, [first, second]] of ENTRIES) {
    if (second === undefined) nested[first] = f[flat];
    else (groups[first] ??= {})[second] = f[flat];
  }
  // A seal without a level (made by an older people) releases nothing to an analyst.
  nested.analystLevel = f.analystLevel ?? LEVEL_LEFT_OUT;
  return Object.assign(nested, groups) as unknown as Circumstances;
}

/** What crosses the graph: the flat circumstances sealed by people for the programs (sealed-circumstances.ts). */
export interface SealedCircumstances {
  sealed: string;
}

/**
 * The PersonCircumstances class: people's own (`external` false) or a program's `@external` copy.
 * One class per subgraph, for the reason given in person-stub.ts.
 */
export function circumstancesType(external: boolean): ClassType<SealedCircumstances> {
  const ext: PropertyDecorator = external ? Directive("@external") : () => undefined;

  @Directive(PERSONAL_DATA)
  @ObjectType("PersonCircumstances", {
    description: "A person's circumstances as the programs' rules read them, sealed by people for the programs (internal: carried from people to the programs by @requires, never exposed to callers, unreadable to anyone but the subgraphs).",
  })
  @Directive("@inaccessible")
  class PersonCircumstances implements SealedCircumstances {
    @Field(() => String, { description: "The circumstances, the person id and an expiry, encrypted and authenticated with a key only the subgraphs hold." })
    @ext
    sealed!: string;
  }
  return PersonCircumstances;
}
