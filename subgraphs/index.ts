/**
 * Every subgraph of the graph, in start order, with its default port. The gateway composes exactly
 * these. Definitions load lazily so that one subgraph process imports only its own code.
 */
import "reflect-metadata"; // type-graphql decorators need it before any subgraph module loads
import type { SubgraphDefinition } from "./kit/subgraph";

export const SUBGRAPH_NAMES = ["people", "employment-support", "job-search-guarantee", "mid-career", "learning-card", "journey", "statistics"] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Default ports (each overridable by <NAME>_PORT, e.g. LEARNING_CARD_PORT, and GATEWAY_PORT). */
export const DEFAULT_PORTS: Record<SubgraphName | "gateway", number> = {
  gateway: 4000,
  people: 4001,
  "employment-support": 4002,
  "job-search-guarantee": 4003,
  "mid-career": 4004,
  "learning-card": 4005,
  journey: 4006,
  statistics: 4007,
};

const LOADERS: Record<SubgraphName, () => Promise<SubgraphDefinition>> = {
  people: async () => (await import("./people")).people,
  "employment-support": async () => (await import("./employment-support")).employmentSupport,
  "job-search-guarantee": async () => (await import("./job-search-guarantee")).jobSearchGuarantee,
  "mid-career": async () => (await import("./mid-career")).midCareer,
  "learning-card": async () => (await import("./learning-card")).learningCard,
  journey: async () => (await import("./journey")).journey,
  statistics: async () => (await import("./statistics")).statistics,
};

export function isSubgraphName(name: string): name is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(name);
}

export async function loadSubgraph(name: string): Promise<SubgraphDefinition> {
  if (!isSubgraphName(name)) throw new Error(`Unknown subgraph "${name}". Known: ${SUBGRAPH_NAMES.join(", ")}.`);
  return LOADERS[name]();
}

export async function loadAllSubgraphs(): Promise<SubgraphDefinition[]> {
  return Promise.all(SUBGRAPH_NAMES.map((name) => LOADERS[name]()));
}
