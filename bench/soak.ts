/**
 * `--soak MINUTES`: the counsellor scenario against "ours" without pause, in 10-second slices; after
 * each slice, the gateway's RSS and the slice's latency. The RSS slope (MB/min, least squares) says
 * whether memory grows under steady load.
 */
import { runLoad } from "./load";
import { rssBytes } from "./procs";

export interface SoakSample {
  atMin: number;
  rssMb: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface SoakResult {
  minutes: number;
  samples: SoakSample[];
  rssSlopeMbPerMin: number;
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

export async function soak(options: { url: string; pids: number[]; headers: Record<string, string>; bodies: string[]; connections: number; minutes: number; log: (line: string) => void }): Promise<SoakResult> {
  const samples: SoakSample[] = [];
  const started = Date.now();
  while (Date.now() - started < options.minutes * 60_000) {
    const r = await runLoad({ url: options.url, headers: options.headers, bodies: options.bodies, connections: options.connections, seconds: 10, pids: options.pids });
    const sample: SoakSample = {
      atMin: (Date.now() - started) / 60_000,
      rssMb: options.pids.reduce((n, pid) => n + rssBytes(pid), 0) / 2 ** 20,
      rps: r.rps,
      p50: r.p50,
      p99: r.p99,
      errors: r.errors,
    };
    samples.push(sample);
    options.log(`soak ${sample.atMin.toFixed(1)} min: RSS ${sample.rssMb.toFixed(0)} MB, ${sample.rps.toFixed(0)} req/s, p50 ${sample.p50} ms, p99 ${sample.p99} ms, errors ${sample.errors}`);
  }
  return { minutes: options.minutes, samples, rssSlopeMbPerMin: slope(samples.map((s) => s.atMin), samples.map((s) => s.rssMb)) };
}
