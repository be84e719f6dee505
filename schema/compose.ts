/**
 * Prints each subgraph's SDL and composes the supergraph with @apollo/composition; prints the
 * schemas clients see (the API schema and the partner contract) and the partner agencies' manifest
 * of registered operations (from operations/partner/).
 * The checked-in files under schema/ are the contract between the subgraphs, the gateway and its clients.
 */
import { getIntrospectionQuery, parse } from "graphql";
import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { buildFederatedSchema } from "../subgraphs/kit/schema";
import { DEFAULT_PORTS, loadAllSubgraphs, type SubgraphName } from "../subgraphs";
import { clientSchemas } from "./api-schema";
import { partnerManifest, readCatalogue } from "../operations/catalogue";

export interface Composition {
  /** Path from the repository root (schema/..., persisted-queries/...) -> content. */
  files: Record<string, string>;
  hints: string[];
}

export async function compose(): Promise<Composition> {
  const definitions = await loadAllSubgraphs();
  const files: Record<string, string> = {};
  const services = [];
  for (const definition of definitions) {
    const sdl = printSubgraphSchema(await buildFederatedSchema(definition)).trim() + "\n";
    files[`schema/${definition.name}.graphql`] = sdl;
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
  files["schema/supergraph.graphql"] = result.supergraphSdl.trim() + "\n";
  const { api, partner } = clientSchemas(result.supergraphSdl);
  files["schema/api.graphql"] = api;
  files["schema/partner.graphql"] = partner;
  files["persisted-queries/partner-agencies.json"] = partnerManifest(readCatalogue(), getIntrospectionQuery());
  return { files, hints: result.hints.map((h) => h.toString()) };
}
