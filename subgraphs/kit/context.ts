/** What every resolver of every subgraph receives: the store and this request's loaders. */
import type { Store } from "./store";
import { RequestLoaders } from "./loaders";

export interface SubgraphContext {
  store: Store;
  loaders: RequestLoaders;
  /** Correlates the gateway's log line with the subgraph's (x-request-id). */
  requestId: string;
}

export function createContext(store: Store, requestId: string): SubgraphContext {
  return { store, loaders: new RequestLoaders(store), requestId };
}
