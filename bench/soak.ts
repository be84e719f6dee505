/**
 * `--soak MINUTES`: the counsellor scenario against "ours" without pause, in 10-second slices; after
 * each slice, the gateway's RSS, its V8 heap in use (from its /metrics) and the slice's latency. The
 * RSS slope (MB/min, least squares) says whether memory grows under steady load; RSS also breathes
 * as V8 grows and shrinks its heap, so the slope of the second half and the heap's say whether
 * anything is kept.
 */
import { runLoad } from "./load";
import { rssBytes } from "./procs";

export interface SoakSample {
  atMin: number;
  rssMb: number;
  /** V8 heap in use (nodejs_heap_size_used_bytes), or null if /metrics did not answer. */
  heapUsedMb: number | null;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface SoakResult {
  minutes: number;
  samples: SoakSample[];
  rssSlopeMbPerMin: number;
  /** The same over the second half of the soak (after warm-up and the heap's first growth). */
  rssSlopeSecondHalfMbPerMin: number;
  heapSlopeMbPerMin: number | null;
}

async function heapUsedMb(metricsUrl: string): Promise<number | null> {
  try {
    const text = await (await fetch(metricsUrl, { signal: AbortSignal.timeout(2_000) })).text();
    const match = /^naeil_gateway_nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
    return match ? Number(match[1]) / 2 ** 20 : null;
  } catch {
    return null;
  }
}

/** Least-squares slope of y over x. */
export function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : 0;
}

export async function soak(options: { url: string; metricsUrl: string; pids: number[]; headers: Record<string, string>; bodies: string[]; connections: number; minutes: number; log: (line: string) => void }): Promise<SoakResult> {
  const samples: SoakSample[] = [];
  const started = Date.now();
  while (Date.now() - started < options.minutes * 60_000) {
    const r = await runLoad({ url: options.url, headers: options.headers, bodies: options.bodies, connections: options.connections, seconds: 10, pids: options.pids });
    const sample: SoakSample = {
      atMin: (Date.now() - started) / 60_000,
      rssMb: options.pids.reduce((n, pid) => n + rssBytes(pid), 0) / 2 ** 20,
      heapUsedMb: await heapUsedMb(options.metricsUrl),
      rps: r.rps,
      p50: r.p50,
      p99: r.p99,
      errors: r.errors,
    };
    samples.push(sample);
    options.log(`soak ${sample.atMin.toFixed(1)} min: RSS ${sample.rssMb.toFixed(0)} MB, heap ${sample.heapUsedMb?.toFixed(0) ?? "?"} MB, ${sample.rps.toFixed(0)} req/s, p50 ${sample.p50} ms, p99 ${sample.p99} ms, errors ${sample.errors}`);
  }
  const at = samples.map((s) => s.atMin);
  const half = samples.slice(Math.floor(samples.length / 2));
  const heaps = samples.filter((s) => s.heapUsedMb !== null);
  return {
    minutes: options.minutes,
    samples,
    rssSlopeMbPerMin: slope(at, samples.map((s) => s.rssMb)),
    rssSlopeSecondHalfMbPerMin: slope(half.map((s) => s.atMin), half.map((s) => s.rssMb)),
    heapSlopeMbPerMin: heaps.length > 1 ? slope(heaps.map((s) => s.atMin), heaps.map((s) => s.heapUsedMb!)) : null,
  };
}
