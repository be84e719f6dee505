/**
 * Prints each subgraph's SDL and composes the supergraph with @apollo/composition.
 * The checked-in files under schema/ are the contract between the subgraphs and the gateway.
 */
import { parse } from "graphql";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { buildFederatedSchema } from "../subgraphs/kit/schema";
import { DEFAULT_PORTS, loadAllSubgraphs, type SubgraphName } from "../subgraphs";

export interface Composition {
  /** File name under schema/ -> content. */
  files: Record<string, string>;
  hints: string[];
}

export async function compose(): Promise<Composition> {
  const definitions = await loadAllSubgraphs();
  const files: Record<string, string> = {};
  const services = [];
  for (const definition of definitions) {
    const sdl = printSubgraphSchema(await buildFederatedSchema(definition)).trim() + "\n";
    files[`${definition.name}.graphql`] = sdl;
    services.push({
      name: definition.name,
      url: `http://127.0.0.1:${DEFAULT_PORTS[definition.name as SubgraphName]}/graphql`,
      typeDefs: parse(sdl),
    });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  }
  files["supergraph.graphql"] = result.supergraphSdl.trim() + "\n";
  return { files, hints: result.hints.map((h) => h.toString()) };
}
