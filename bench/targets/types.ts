/** A GraphQL endpoint under load, and the processes whose memory counts as its own. */
export interface RunningTarget {
  name: string;
  url: string;
  pids: number[];
  stop(): Promise<void>;
}

/** What a target needs to find the subgraphs of this run. */
export interface TargetContext {
  gatewayUrl: string;
  gatewayPids: number[];
  subgraphUrls: Record<string, string>;
  /** schema/supergraph.graphql with the join__Graph urls of this run's subgraphs. */
  supergraphPath: string;
}

/** Child targets print this line on stdout once they listen. */
export const READY_LINE = "bench-target-ready";
