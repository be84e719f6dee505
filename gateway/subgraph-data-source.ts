/**
 * Calls one subgraph. Forwards the request id and a signed internal token made for this subgraph and
 * this fetch's exact body (signed where the body is final, in the fetcher); runs every
 * fetch under the subgraph's policy (resilience/subgraph-policy.ts: timeout, retries for queries,
 * circuit breaker); answers a fetch that failed for good as the subgraph would have answered a
 * failure (unavailable-subgraph.ts: null fields, one located SUBGRAPH_UNAVAILABLE error each); and
 * shares one fetch among identical in-flight anonymous requests.
 *
 * De-duplication is for anonymous traffic only: anyone else may read personal data, and each of
 * their requests must reach the subgraphs, which write its own access record.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { RemoteGraphQLDataSource } from "@apollo/gateway";
import type { Fetcher } from "@apollo/utils.fetcher";
import { subgraphFetch, type SubgraphRequestInit } from "./subgraph-fetch";
import { INTERNAL_TOKEN_HEADER } from "../platform/security/internal-token";
import type { GatewayContext } from "./context";
import { unavailableResponse, type GatewayGraphQLResponse } from "./unavailable-subgraph";
import { SubgraphUnreachable, isCircuitOpen, isTimeout, type SubgraphPolicy } from "./resilience/subgraph-policy";
import type { GatewayMetrics } from "./observability/metrics";
import { ACCESS_EXTENSION, type SealedRecordedAccess } from "../platform/audit/record";
import type { Seal } from "../platform/security/seal";

type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>["process"]>[0];
type SendOptions = Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"]>>[0];

/**
 * What the fetch of the current attempt needs that RemoteGraphQLDataSource does not pass to its
 * fetcher: the abort signal (cockatiel's timeout) and the internal token for the body as sent.
 */
interface Attempt {
  signal: AbortSignal;
  token: ((body: string) => string) | null;
}
const currentAttempt = new AsyncLocalStorage<Attempt>();
const fetcher = ((url: string, init: SubgraphRequestInit) => {
  const attempt = currentAttempt.getStore();
  const token = attempt?.token && init.body !== undefined ? attempt.token(init.body) : null;
  const headers = token ? { ...init.headers, [INTERNAL_TOKEN_HEADER]: token } : init.headers;
  return subgraphFetch(url, { ...init, headers, signal: attempt?.signal });
}) as unknown as Fetcher;

/**
 * A shared answer as it arrived: the subgraph's JSON text (a fresh parse per joining request is its
 * own copy, and costs nothing when nobody joins) or, for an answer the gateway made itself (a failed
 * fetch), the body to clone; and the subgraph's cache hint.
 */
interface SharedAnswer {
  text: string | null;
  body: Omit<GatewayGraphQLResponse, "http"> | null;
  cacheControl: string | null;
}

const inflight = new Map<string, Promise<SharedAnswer>>();

/** Taken as the answer arrives, before the gateway merges later fetches into the first request's objects. */
async function snapshot(response: GatewayGraphQLResponse): Promise<SharedAnswer> {
  const { http, ...body } = response;
  const raw = http as { text?: () => Promise<string>; headers?: { get(name: string): string | null } } | undefined;
  const text = typeof raw?.text === "function" ? await raw.text() : null;
  return { text, body: text === null ? structuredClone(body) : null, cacheControl: raw?.headers?.get("cache-control") ?? null };
}

/**
 * The subgraph's Cache-Control applied to another request's cache policy, as RemoteGraphQLDataSource
 * does for the request that fetched (its private `respond`): otherwise a request served a shared
 * answer would miss that fetch's hint (a PRIVATE scope or a shorter maxAge).
 */
function restrictCachePolicy(options: ProcessOptions, cacheControl: string | null): void {
  if (!("incomingRequestContext" in options)) return; // a health check: no request to inform
  const policy = options.incomingRequestContext.overallCachePolicy;
  if (!policy || !("restrict" in policy)) return;
  const directives = new Map((cacheControl ?? "").split(",").map((d) => d.trim().toLowerCase().split("=") as [string, string | undefined]));
  const maxAge = directives.get("max-age");
  const hint: { maxAge: number; scope?: "PUBLIC" | "PRIVATE" } = { maxAge: maxAge && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0 };
  if (directives.has("private")) hint.scope = "PRIVATE";
  if (directives.has("public")) hint.scope = "PUBLIC";
  policy.restrict(hint as Parameters<typeof policy.restrict>[0]);
}

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly policy: SubgraphPolicy,
    private readonly metrics: GatewayMetrics,
    /** Opens what a subgraph sealed to the gateway about the persons its answer recorded as read. */
    private readonly recordedAccess: Seal,
  ) {
    super({ url, fetcher });
  }

  override async willSendRequest(options: SendOptions) {
    const { request, context } = options;
    if (!context?.internalToken) return; // the gateway's own health check of a subgraph: no caller
    request.http?.headers.set("x-request-id", context.requestId);
  }

  /** Signs the token of one fetch (in the fetcher, once the body is final). */
  private tokenFor(options: ProcessOptions): ((body: string) => string) | null {
    const context = options.context;
    if (!context?.internalToken) return null;
    // The operation name as resolved from the document (the client need not send operationName).
    const operationName = "incomingRequestContext" in options ? (options.incomingRequestContext.operationName ?? null) : null;
    return (body) => context.internalToken(operationName, this.serviceName, body);
  }

  override async process(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    const { query = "", variables } = options.request;
    const mutation = /^\s*mutation\b/.test(query);
    const anonymous = options.context?.caller?.audience === "anonymous";
    const key = !mutation && anonymous ? `${this.serviceName}\n${query}\n${JSON.stringify(variables ?? {})}` : null;
    if (key) {
      const pending = inflight.get(key);
      if (pending) {
        this.metrics.sharedFetches.labels(this.serviceName).inc();
        // Each request gets its own copy (the gateway merges into it) and the fetch's cache hint.
        const shared = await pending;
        restrictCachePolicy(options, shared.cacheControl);
        return (shared.text !== null ? JSON.parse(shared.text) : structuredClone(shared.body)) as GatewayGraphQLResponse;
      }
    }
    const run = this.fetchUnderPolicy(options, mutation);
    if (key) {
      const shared = run.then(snapshot);
      inflight.set(key, shared);
      const done = () => void inflight.delete(key);
      shared.then(done, done);
    }
    return run;
  }

  private async fetchUnderPolicy(options: ProcessOptions, mutation: boolean): Promise<GatewayGraphQLResponse> {
    const started = performance.now();
    let outcome = "ok";
    try {
      const policies = this.policy.forAudience(options.context?.caller?.audience ?? "anonymous");
      const policy = mutation ? policies.once : policies.idempotent;
      // A signal of its own per fetch: cockatiel links each attempt's signal to it, and a shared parent
      // (its default) would collect listeners from every fetch (MaxListenersExceededWarning).
      const token = this.tokenFor(options);
      return await policy.execute(({ signal }) => currentAttempt.run({ signal, token }, () => this.attempt(options)), new AbortController().signal);
    } catch (error) {
      outcome = isCircuitOpen(error) ? "circuit_open" : isTimeout(error) ? "timeout" : "unreachable";
      const { query, variables } = options.request;
      if (!query) throw error;
      return unavailableResponse(this.serviceName, query, variables as Record<string, unknown> | undefined, outcome);
    } finally {
      this.metrics.subgraphDuration.labels(this.serviceName, outcome).observe((performance.now() - started) / 1000);
    }
  }

  /** One try. A subgraph that answered with GraphQL errors (even with an HTTP error status) has answered. */
  private async attempt(options: ProcessOptions): Promise<GatewayGraphQLResponse> {
    try {
      return takeRecordedAccess(await super.process(options), options.context as GatewayContext | undefined, this.recordedAccess);
    } catch (error) {
      const body = (error as { extensions?: { response?: { body?: unknown } } }).extensions?.response?.body as { errors?: unknown[] } | undefined;
      if (body && typeof body === "object" && Array.isArray(body.errors)) return { errors: body.errors } as GatewayGraphQLResponse;
      throw new SubgraphUnreachable((error as Error).message);
    }
  }
}

/**
 * Moves what the subgraph recorded as read from its answer to the request's tracker (the client never
 * sees it). Sealed to the gateway for this request; anything that does not open as such is dropped.
 */
function takeRecordedAccess(response: GatewayGraphQLResponse, context: GatewayContext | undefined, seal: Seal): GatewayGraphQLResponse {
  const sealed = response.extensions?.[ACCESS_EXTENSION];
  if (sealed === undefined) return response;
  delete response.extensions![ACCESS_EXTENSION];
  const recorded = seal.open(sealed) as SealedRecordedAccess | null;
  if (!recorded || !context?.accessed || recorded.requestId !== context.requestId) return response;
  for (const personId of recorded.personIds) context.accessed.personIds.add(personId);
  for (const field of recorded.fields) context.accessed.fields.add(field);
  return response;
}
