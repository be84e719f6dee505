/**
 * The subgraphs a supergraph declares (its join__Graph values), with the URL the gateway calls for
 * each: `<NAME>_URL` when set, else the supergraph's. Read again on every reload of the supergraph,
 * so /ready checks the subgraphs the gateway plans against now.
 */
import { buildSchema, isEnumType } from "graphql";

export interface SubgraphService {
  name: string;
  url: string;
}

/** The service names and URLs declared in a supergraph: join__Graph's values and their @join__graph(name, url). */
function subgraphsOf(supergraphSdl: string): SubgraphService[] {
  const graph = buildSchema(supergraphSdl, { assumeValidSDL: true }).getType("join__Graph");
  if (!isEnumType(graph)) return [];
  return graph.getValues().flatMap((value) => {
    const directive = value.astNode?.directives?.find((d) => d.name.value === "join__graph");
    const arg = (name: string) => {
      const node = directive?.arguments?.find((a) => a.name.value === name)?.value;
      return node?.kind === "StringValue" ? node.value : undefined;
    };
    const name = arg("name");
    const url = arg("url");
    return name && url !== undefined ? [{ name, url }] : [];
  });
}

/** The subgraphs of a supergraph, each at its overridden URL where one is configured. */
export function servicesOf(supergraphSdl: string, overrides: Record<string, string>): SubgraphService[] {
  return subgraphsOf(supergraphSdl).map(({ name, url }) => ({ name, url: overrides[name] ?? url }));
}
