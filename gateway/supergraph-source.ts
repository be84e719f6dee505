/**
 * The supergraph, hot-reloaded: the file (SUPERGRAPH_PATH) is watched, and a new composition is
 * handed to @apollo/gateway, which swaps the schema and query planner without dropping requests
 * in flight. A file that does not load (half written, invalid) is logged and the current supergraph
 * stays in service.
 */
import { readFileSync, unwatchFile, watchFile } from "node:fs";
import type { SupergraphManager } from "@apollo/gateway";
import { supergraphForEnforcingGateway } from "./authorization/supergraph";

export function watchedSupergraph(path: string, log: (message: string) => void, intervalMs = 1_000): SupergraphManager {
  return {
    async initialize({ update }) {
      const read = () => supergraphForEnforcingGateway(readFileSync(path, "utf8"));
      let current = read();
      watchFile(path, { interval: intervalMs }, () => {
        let next: string;
        try {
          next = read();
        } catch (error) {
          log(`supergraph ${path} unreadable (${(error as Error).message}); keeping the current one`);
          return;
        }
        if (next === current) return;
        try {
          update(next);
          current = next;
          log(`supergraph reloaded from ${path}`);
        } catch (error) {
          log(`supergraph ${path} rejected (${(error as Error).message.split("\n")[0]}); keeping the current one`);
        }
      });
      return { supergraphSdl: current, cleanup: async () => unwatchFile(path) };
    },
  };
}
