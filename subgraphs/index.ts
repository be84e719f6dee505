/**
 * Every subgraph of the graph (platform/subgraphs.ts lists them, in start order, with their default
 * ports). The gateway composes exactly these. Definitions load lazily, each from its folder's
 * index.ts, so that one subgraph process imports only its own code.
 */
import "reflect-metadata"; // type-graphql decorators need it before any subgraph module loads
import type { SubgraphDefinition } from "./kit/subgraph";
import { SUBGRAPH_NAMES, camelName, isSubgraphName, type SubgraphName } from "../platform/subgraphs";

export { SUBGRAPH_NAMES, DEFAULT_PORTS, isSubgraphName, type SubgraphName } from "../platform/subgraphs";

/** subgraphs/<name>/index.ts exports its definition as the camel-cased name (mid-career: `midCareer`). */
async function load(name: SubgraphName): Promise<SubgraphDefinition> {
  const folder: Record<string, SubgraphDefinition | undefined> = await import(`./${name}/index.ts`);
  const definition = folder[camelName(name)];
  if (definition?.name !== name) throw new Error(`subgraphs/${name}/index.ts exports no definition named ${camelName(name)} with name "${name}"`);
  return definition;
}

export async function loadSubgraph(name: string): Promise<SubgraphDefinition> {
  if (!isSubgraphName(name)) throw new Error(`Unknown subgraph "${name}". Known: ${SUBGRAPH_NAMES.join(", ")}.`);
  return load(name);
}

export async function loadAllSubgraphs(): Promise<SubgraphDefinition[]> {
  return Promise.all(SUBGRAPH_NAMES.map(load));
}
