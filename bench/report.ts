/**
 * Results: per target and scenario, the rounds combined (req/s over all measured seconds; p50 and p99
 * the median of the rounds'; errors summed; peak RSS the highest sample), ratios of ours to the
 * others, a Markdown table, and bench/results/<date>.json and .md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LoadResult } from "./load";
import type { Machine } from "./machine";

export interface Cell {
  target: string;
  scenario: string;
  rounds: LoadResult[];
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  peakRssMb: number;
  cpuMsPerRequest: number;
}

export interface Report {
  date: string;
  machine: Machine;
  settings: Record<string, unknown>;
  cells: Cell[];
  soak?: unknown;
  notes: string[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export function combine(target: string, scenario: string, rounds: LoadResult[]): Cell {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  return {
    target,
    scenario,
    rounds,
    rps: seconds ? requests / seconds : 0,
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    peakRssMb: Math.max(...rounds.map((r) => r.peakRssMb)),
    cpuMsPerRequest: rounds.reduce((n, r) => n + (r.cpuMsPerRequest ?? 0) * r.requests, 0) / (requests || 1),
  };
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "-");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;

export function resultsTable(cells: Cell[]): string {
  const lines = [row(["scenario", "target", "req/s", "p50 ms", "p99 ms", "errors", "peak RSS MB", "CPU ms/req"]), row(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:"])];
  for (const c of cells) lines.push(row([c.scenario, c.target, fmt(c.rps, 1), fmt(c.p50), fmt(c.p99), c.errors, fmt(c.peakRssMb), fmt(c.cpuMsPerRequest, 2)]));
  return lines.join("\n");
}

/** ours / other for req/s (above 1: ours serves more) and p99 (above 1: ours is slower). */
export function ratiosTable(cells: Cell[]): string {
  const others = ["bare", "hive", "direct"].filter((t) => cells.some((c) => c.target === t));
  const scenarios = [...new Set(cells.map((c) => c.scenario))];
  const header = ["scenario", ...others.flatMap((o) => [`ours/${o} req/s`, `ours/${o} p99`])];
  const lines = [row(header), row(header.map((_, i) => (i ? "---:" : "---")))];
  for (const s of scenarios) {
    const ours = cells.find((c) => c.scenario === s && c.target === "ours");
    const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? fmt(a / b, 2) : "-");
    lines.push(
      row([s, ...others.flatMap((o) => {
        const other = cells.find((c) => c.scenario === s && c.target === o);
        return [ratio(ours?.rps, other?.rps), ratio(ours?.p99, other?.p99)];
      })]),
    );
  }
  return lines.join("\n");
}

export function markdown(report: Report): string {
  const m = report.machine;
  return [
    `# naeil-graph benchmark, ${report.date}`,
    "",
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}.`,
    `Settings: ${Object.entries(report.settings).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : v}`).join(", ")}.`,
    "",
    resultsTable(report.cells),
    "",
    ratiosTable(report.cells),
    ...(report.notes.length ? ["", ...report.notes.map((n) => `- ${n}`)] : []),
    "",
  ].join("\n");
}

/** Writes bench/results/<date>.json and .md; returns their paths. */
export function writeResults(report: Report): string[] {
  const dir = fileURLToPath(new URL("./results/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const stem = report.date.replace(/:/g, "-").replace(/\..*$/, "");
  const json = `${dir}${stem}.json`;
  const md = `${dir}${stem}.md`;
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(md, markdown(report));
  return [json, md];
}
