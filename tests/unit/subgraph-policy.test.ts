/**
 * One caller's heavy query must not take a subgraph away from everyone: timeouts (the request's size
 * as often as the subgraph's health) do not open a circuit, and each audience has its own breakers.
 */
import { describe, expect, it } from "vitest";
import { BrokenCircuitError, TaskCancelledError } from "cockatiel";
import { SubgraphUnreachable, subgraphPolicy } from "../../gateway/resilience/subgraph-policy";

const options = { timeoutMs: 20, retries: 1, breakerThreshold: 3, halfOpenAfterMs: 60_000 };
/** A fetch that outlives the timeout: it ends when the policy aborts it. */
const slow = ({ signal }: { signal: AbortSignal }) => new Promise<string>((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted"))));
const unreachable = async () => {
  throw new SubgraphUnreachable("connect ECONNREFUSED");
};
const ok = async () => "answer";

describe("subgraph policy", () => {
  it("does not open the circuit on timeouts, nor retry them", async () => {
    const policy = subgraphPolicy(options);
    let attempts = 0;
    for (let i = 0; i < 5; i++) {
      await expect(policy.forAudience("analyst").idempotent.execute((context) => (attempts++, slow(context)))).rejects.toBeInstanceOf(TaskCancelledError);
    }
    expect(attempts).toBe(5);
    expect(policy.state()).toBe("closed");
    expect(await policy.forAudience("analyst").idempotent.execute(ok)).toBe("answer");
  });

  it("opens an audience's circuit on the subgraph's own failures, and only that audience's", async () => {
    const policy = subgraphPolicy(options);
    const changes: [string, string][] = [];
    policy.onStateChange((state, audience) => changes.push([state, audience]));
    for (let i = 0; i < 3; i++) await expect(policy.forAudience("analyst").once.execute(unreachable)).rejects.toBeInstanceOf(SubgraphUnreachable);
    await expect(policy.forAudience("analyst").idempotent.execute(ok)).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(changes).toEqual([["open", "analyst"]]);
    expect(policy.state()).toBe("open");
    // The counsellor's fetches to the same subgraph still go through.
    expect(await policy.forAudience("counsellor").idempotent.execute(ok)).toBe("answer");
  });

  it("retries a fetch that could not reach the subgraph", async () => {
    const policy = subgraphPolicy(options);
    let attempts = 0;
    const flaky = async () => {
      if (attempts++ === 0) throw new SubgraphUnreachable("connect ECONNRESET");
      return "answer";
    };
    expect(await policy.forAudience("counsellor").idempotent.execute(flaky)).toBe("answer");
    expect(attempts).toBe(2);
  });
});
