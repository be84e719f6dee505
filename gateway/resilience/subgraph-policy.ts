/**
 * How the gateway calls one subgraph (cockatiel): a timeout per fetch, retries with exponential
 * backoff for idempotent fetches that could not reach the subgraph (queries, never mutations), and
 * circuit breakers that open after consecutive failures: while open, the subgraph's fields fail at
 * once (SUBGRAPH_UNAVAILABLE) instead of waiting on a dead service; after `halfOpenAfterMs` one probe
 * request is let through.
 *
 * A breaker counts only the subgraph's own failures: it could not be reached (connection refused or
 * reset) or answered 5xx without a GraphQL body. A timeout is not counted, nor retried: it is as often
 * the request's size as the subgraph's health (an analyst's 1,200-person page with every program can
 * take longer than the timeout on a healthy subgraph), and retrying it doubles the load that caused
 * it. Each audience has its breakers of its own, so what one kind of caller does cannot open a
 * circuit for the others: a counsellor is not refused because an analyst's fetches failed.
 */
import {
  BrokenCircuitError, CircuitState, ConsecutiveBreaker, ExponentialBackoff, TaskCancelledError, TimeoutStrategy,
  circuitBreaker, handleAll, handleWhen, retry, timeout,
} from "cockatiel";

export interface SubgraphPolicyOptions {
  timeoutMs: number;
  /** Retries a query that could not reach the subgraph gets after its first attempt (SUBGRAPH_RETRIES); a mutation gets none. */
  retries: number;
  /** Consecutive failures that open the circuit (per audience). */
  breakerThreshold: number;
  halfOpenAfterMs: number;
}

export const DEFAULT_SUBGRAPH_POLICY: SubgraphPolicyOptions = { timeoutMs: 5_000, retries: 1, breakerThreshold: 5, halfOpenAfterMs: 5_000 };

export function subgraphPolicyFromEnv(env = process.env): SubgraphPolicyOptions {
  const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
  return {
    timeoutMs: number("SUBGRAPH_TIMEOUT_MS", DEFAULT_SUBGRAPH_POLICY.timeoutMs),
    retries: number("SUBGRAPH_RETRIES", DEFAULT_SUBGRAPH_POLICY.retries),
    breakerThreshold: number("SUBGRAPH_BREAKER_THRESHOLD", DEFAULT_SUBGRAPH_POLICY.breakerThreshold),
    halfOpenAfterMs: number("SUBGRAPH_BREAKER_HALF_OPEN_MS", DEFAULT_SUBGRAPH_POLICY.halfOpenAfterMs),
  };
}

/** The subgraph's own failure: it could not be reached, or answered 5xx without GraphQL errors. */
export class SubgraphUnreachable extends Error {}

export type CircuitStateName = "closed" | "half-open" | "open";

/** Runs one fetch under a policy; the fetch must stop when the signal aborts. */
export interface Call {
  execute<T>(fn: (context: { signal: AbortSignal }) => PromiseLike<T> | T, signal?: AbortSignal): Promise<T>;
}

export interface CallPolicies {
  /** For queries: timeout, retry when unreachable, breaker. */
  idempotent: Call;
  /** For mutations: timeout and breaker, no retry. */
  once: Call;
}

export interface SubgraphPolicy {
  /** The policies for one kind of caller (its own breaker). */
  forAudience(audience: string): CallPolicies;
  /** The worst state among the audiences' breakers. */
  state(): CircuitStateName;
  onStateChange(listener: (state: CircuitStateName, audience: string) => void): void;
}

const nameOf = (state: CircuitState): CircuitStateName =>
  state === CircuitState.Open || state === CircuitState.Isolated ? "open" : state === CircuitState.HalfOpen ? "half-open" : "closed";
const SEVERITY: Record<CircuitStateName, number> = { closed: 0, "half-open": 1, open: 2 };

export function subgraphPolicy(options: SubgraphPolicyOptions): SubgraphPolicy {
  const ownFailure = handleWhen((e) => e instanceof SubgraphUnreachable);
  const timer = timeout(options.timeoutMs, TimeoutStrategy.Aggressive);
  // A fetch aborted by the timeout may fail with its own error (the socket's) before the timeout's:
  // either way it is a timeout, never the subgraph's own failure.
  const attempt: Call = {
    execute: (fn, signal) =>
      timer.execute(async (context) => {
        try {
          return await fn(context);
        } catch (error) {
          if (context.signal.aborted && !signal?.aborted) throw new TaskCancelledError(`Operation timed out after ${options.timeoutMs}ms`);
          throw error;
        }
      }, signal),
  };
  const retrying = retry(ownFailure, {
    // cockatiel's maxAttempts counts the retries after the first attempt.
    maxAttempts: options.retries,
    backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 500 }),
  });
  const listeners: ((state: CircuitStateName, audience: string) => void)[] = [];
  const lanes = new Map<string, CallPolicies & { state(): CircuitStateName }>();
  const lane = (audience: string) => {
    let found = lanes.get(audience);
    if (!found) {
      const breaker = circuitBreaker(ownFailure, { halfOpenAfter: options.halfOpenAfterMs, breaker: new ConsecutiveBreaker(options.breakerThreshold) });
      breaker.onStateChange((state) => listeners.forEach((listener) => listener(nameOf(state), audience)));
      // Retry outermost: each attempt has its own timeout and counts in the breaker; an open circuit is not retried.
      const once: Call = { execute: (fn, signal) => breaker.execute((context) => attempt.execute(fn, context.signal), signal) };
      const idempotent: Call = { execute: (fn, signal) => retrying.execute((context) => once.execute(fn, context.signal), signal) };
      found = { idempotent, once, state: () => nameOf(breaker.state) };
      lanes.set(audience, found);
    }
    return found;
  };
  return {
    forAudience: lane,
    state: () => [...lanes.values()].map((l) => l.state()).reduce<CircuitStateName>((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst), "closed"),
    onStateChange: (listener) => void listeners.push(listener),
  };
}

export const isCircuitOpen = (error: unknown) => error instanceof BrokenCircuitError;
export const isTimeout = (error: unknown) => error instanceof TaskCancelledError;
export { handleAll };
