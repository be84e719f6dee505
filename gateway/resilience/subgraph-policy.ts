/**
 * How the gateway calls one subgraph (cockatiel): a timeout per fetch, retries with exponential
 * backoff for idempotent fetches only (queries, never mutations), and a circuit breaker that opens
 * after consecutive failures: while open, the subgraph's fields fail at once (SUBGRAPH_UNAVAILABLE)
 * instead of waiting on a dead service; after `halfOpenAfterMs` one probe request is let through.
 */
import {
  BrokenCircuitError, CircuitState, ConsecutiveBreaker, ExponentialBackoff, TaskCancelledError, TimeoutStrategy,
  circuitBreaker, handleAll, handleWhen, retry, timeout, wrap, type IPolicy,
} from "cockatiel";

export interface SubgraphPolicyOptions {
  timeoutMs: number;
  /** Retries a failed query gets after its first attempt (SUBGRAPH_RETRIES); a mutation gets none. */
  retries: number;
  /** Consecutive failures that open the circuit. */
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

/** A failure worth retrying: the subgraph could not be reached or answered 5xx without GraphQL errors. */
export class SubgraphUnreachable extends Error {}

export interface SubgraphPolicy {
  /** For queries: timeout, retry, breaker. */
  idempotent: IPolicy;
  /** For mutations: timeout and breaker, no retry. */
  once: IPolicy;
  state(): "closed" | "half-open" | "open";
  onStateChange(listener: (state: "closed" | "half-open" | "open") => void): void;
}

export function subgraphPolicy(options: SubgraphPolicyOptions): SubgraphPolicy {
  const breaker = circuitBreaker(handleWhen((e) => e instanceof SubgraphUnreachable || e instanceof TaskCancelledError), {
    halfOpenAfter: options.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(options.breakerThreshold),
  });
  const attempt = timeout(options.timeoutMs, TimeoutStrategy.Aggressive);
  const retrying = retry(handleWhen((e) => e instanceof SubgraphUnreachable || e instanceof TaskCancelledError), {
    // cockatiel's maxAttempts counts the retries after the first attempt (it was 2 here, meant as "2 attempts", and gave 3).
    maxAttempts: options.retries,
    backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 500 }),
  });
  const name = (state: CircuitState) => (state === CircuitState.Open || state === CircuitState.Isolated ? "open" : state === CircuitState.HalfOpen ? "half-open" : "closed");
  return {
    // Retry outermost: each attempt has its own timeout and counts in the breaker; an open circuit is not retried.
    idempotent: wrap(retrying, breaker, attempt),
    once: wrap(breaker, attempt),
    state: () => name(breaker.state),
    onStateChange: (listener) => breaker.onStateChange((state) => listener(name(state))),
  };
}

export const isCircuitOpen = (error: unknown) => error instanceof BrokenCircuitError;
export const isTimeout = (error: unknown) => error instanceof TaskCancelledError;
export { handleAll };
