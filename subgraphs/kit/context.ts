/** What every resolver of every subgraph receives: the store, this request's loaders, and who is asking. */
import type { Store } from "../../platform/store";
import { RequestLoaders } from "./loaders";
import type { Caller } from "../../platform/security/caller";
import type { RequestFacts } from "../../platform/security/internal-token";
import type { Pseudonymizer } from "../../platform/security/pseudonym";
import type { Seal } from "../../platform/security/seal";
import { AccessTracker } from "../../platform/security/access-tracker";

/** The security services of a running subgraph (one per process). */
export interface SubgraphSecurity {
  pseudonyms: Pseudonymizer;
  /** The access store: audit log and consents (ACCESS_DATABASE_URL, default DATABASE_URL). */
  accessStore: Store;
  /** Seals a person's circumstances from people to the programs (CIRCUMSTANCES_KEY, subgraphs only). */
  circumstances: Seal;
  /** Seals to the gateway whose data an answer recorded as read (RECORDED_ACCESS_KEY). */
  recordedAccess: Seal;
}

export interface SubgraphContext {
  store: Store;
  loaders: RequestLoaders;
  /** Loaders on the access store (consents). */
  accessLoaders: RequestLoaders;
  /** Correlates the gateway's log line with the subgraph's (x-request-id). */
  requestId: string;
  subgraph: string;
  /** The caller, as the gateway's signed internal token says. */
  caller: Caller;
  request: RequestFacts;
  /** Persons and fields this request read, for its access record. */
  access: AccessTracker;
  security: SubgraphSecurity;
}

export function createContext(subgraph: string, store: Store, security: SubgraphSecurity, caller: Caller, request: RequestFacts): SubgraphContext {
  return {
    store,
    loaders: new RequestLoaders(store),
    accessLoaders: new RequestLoaders(security.accessStore),
    requestId: request.requestId,
    subgraph,
    caller,
    request,
    access: new AccessTracker(),
    security,
  };
}
