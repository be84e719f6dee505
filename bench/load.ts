/**
 * One measured load: autocannon against a GraphQL endpoint, cycling through request bodies, counting
 * errors (socket errors, timeouts, non-2xx, and 2xx answers carrying GraphQL `errors`), while sampling
 * the target processes' resident memory.
 */
import autocannon from "autocannon";
import { cpuMs, sampleRss } from "./procs";

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  connections: number;
  seconds: number;
  pids: number[];
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Non-2xx + GraphQL errors + socket errors + timeouts. */
  errors: number;
  non2xx: number;
  graphqlErrors: number;
  peakRssMb: number;
  /** CPU time of the target's own processes per request served, ms (what the gateway itself costs). */
  cpuMsPerRequest: number;
}

/** Where the last load over the same bodies stopped: the next goes on from there, so cold runs never repeat a request. */
const cursors = new WeakMap<string[], number>();

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let next = cursors.get(options.bodies) ?? 0;
  let graphqlErrors = 0;
  const rss = sampleRss(options.pids);
  const cpu = () => options.pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const cpuBefore = cpu();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json", ...options.headers },
        setupRequest: (req) => ({ ...req, body: options.bodies[next++ % options.bodies.length] }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && body.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  cursors.set(options.bodies, next);
  const peak = rss.stop();
  const cpuUsed = cpu() - cpuBefore;
  const requests = result.requests.total;
  const seconds = result.duration;
  return {
    requests,
    seconds,
    rps: seconds > 0 ? requests / seconds : 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + graphqlErrors + result.errors + result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    peakRssMb: peak / 2 ** 20,
    cpuMsPerRequest: requests ? cpuUsed / requests : 0,
  };
}
