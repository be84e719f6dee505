/**
 * Every subgraph of the graph, in start order: the one list the rest derives from. A subgraph's name
 * is its folder under subgraphs/ (whose index.ts exports its definition under the camel-cased name,
 * e.g. `midCareer`), its service in the supergraph, its Deployment and Service in deploy/, and the
 * prefix of <NAME>_PORT and <NAME>_URL. A program adds what the other subgraphs need of it: its
 * value of the Program enum, its read scope (`<name>:read`), the Person field it owns, and the stub
 * journey declares for that field (journey reads every program's record through @requires).
 *
 * Data only: gateway/, subgraphs/, scripts/ and deploy/check.ts all import it; it imports nothing.
 */

interface ProgramEntry {
  /** Its value of the Program enum, and the enum value's description. */
  readonly value: string;
  readonly description: string;
  /** The Person field the program subgraph owns, its type, and how journey describes both. */
  readonly personField: string;
  readonly recordType: string;
  readonly recordDescription: string;
  readonly fieldDescription: string;
}

interface SubgraphEntry {
  readonly name: string;
  /** The port when <NAME>_PORT is not set. */
  readonly port: number;
  readonly program?: ProgramEntry;
}

export const SUBGRAPHS = [
  { name: "people", port: 4001 },
  {
    name: "employment-support",
    port: 4002,
    program: {
      value: "NATIONAL_EMPLOYMENT_SUPPORT",
      description: "National Employment Support System (국민취업지원제도).",
      personField: "nationalEmploymentSupport",
      recordType: "NationalEmploymentSupportRecord",
      recordDescription: "A person's record in the National Employment Support System (국민취업지원제도).",
      fieldDescription: "The person's National Employment Support System (국민취업지원제도) record.",
    },
  },
  {
    name: "job-search-guarantee",
    port: 4003,
    program: {
      value: "JOB_SEARCH_GUARANTEE",
      description: "Job Search Guarantee Package (구직자 도약보장패키지).",
      personField: "jobSearchGuarantee",
      recordType: "JobSearchGuaranteeRecord",
      recordDescription: "A person's record in the Job Search Guarantee Package (구직자 도약보장패키지); present even with no participation.",
      fieldDescription: "The person's Job Search Guarantee Package record.",
    },
  },
  {
    name: "mid-career",
    port: 4004,
    program: {
      value: "MID_CAREER_SUPPORT",
      description: "Mid-Career Career Support Program (중장년 경력지원제).",
      personField: "midCareerSupport",
      recordType: "MidCareerSupportRecord",
      recordDescription:
        "A person's record in the Mid-Career Career Support Program (중장년 경력지원제), with the career design sessions of the Mid-Career Tomorrow Centers (중장년내일센터); present even when the person has no history.",
      fieldDescription: "The person's Mid-Career Career Support Program record.",
    },
  },
  {
    name: "learning-card",
    port: 4005,
    program: {
      value: "LEARNING_CARD",
      description: "Tomorrow Learning Card (국민내일배움카드).",
      personField: "learningCard",
      recordType: "LearningCardRecord",
      recordDescription: "A person's Tomorrow Learning Card (국민내일배움카드) record: the card, if any, and the training charged to it.",
      fieldDescription: "The person's Tomorrow Learning Card record.",
    },
  },
  { name: "journey", port: 4006 },
  { name: "statistics", port: 4007 },
] as const satisfies readonly SubgraphEntry[];

type Entry = (typeof SUBGRAPHS)[number];
type ProgramSubgraphEntry = Extract<Entry, { program: ProgramEntry }>;

export type SubgraphName = Entry["name"];
export const SUBGRAPH_NAMES = SUBGRAPHS.map((s) => s.name) as SubgraphName[] as readonly SubgraphName[];

/** Default ports (each overridable by <NAME>_PORT, e.g. LEARNING_CARD_PORT, and GATEWAY_PORT). */
export const DEFAULT_PORTS = {
  gateway: 4000,
  ...Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.port])),
} as Record<SubgraphName | "gateway", number>;

export function isSubgraphName(name: string): name is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(name);
}

/** The program subgraphs (those with a Program value), in start order. */
export type ProgramSubgraph = ProgramSubgraphEntry["name"];
export const PROGRAM_SUBGRAPHS = SUBGRAPHS.filter((s): s is ProgramSubgraphEntry => "program" in s);

/** The Program enum's values (registered with type-graphql in subgraphs/kit/eligibility.ts). */
export type Program = ProgramSubgraphEntry["program"]["value"];
export const Program = Object.fromEntries(PROGRAM_SUBGRAPHS.map((s) => [s.program.value, s.program.value])) as { readonly [V in Program]: V };

/** The Person field each program owns. */
export type ProgramField = ProgramSubgraphEntry["program"]["personField"];

/** "learning-card" -> "learningCard": the name a subgraph folder's index.ts exports its definition under. */
export const camelName = (name: string) => name.replace(/-(.)/g, (_, c: string) => c.toUpperCase());
