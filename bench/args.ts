/** Command line of `npm run bench` (see bench/README.md). */
import { parseArgs } from "node:util";

export interface BenchArgs {
  persons: number;
  /** Measured seconds per target and scenario (split over the interleaved rounds). */
  duration: number;
  connections: number;
  targets: string[];
  scenarios: string[];
  smoke: boolean;
  /** Minutes of soak against "ours"; 0 = no soak. */
  soak: number;
  rounds: number;
  warmup: number;
  /** A database for the statistics engine's figures (e.g. 1,000,000 persons); unset: the bench's own store. */
  statisticsDatabase: string | null;
}

export const ALL_TARGETS = ["ours", "bare", "hive", "direct"];
export const ALL_SCENARIOS = ["public", "counsellor", "analyst", "nested", "mixed", "statistics"];

const list = (value: string | undefined, all: string[], what: string): string[] => {
  if (!value) return all;
  const picked = value.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = picked.filter((p) => !all.includes(p));
  if (unknown.length) throw new Error(`unknown ${what}: ${unknown.join(", ")} (known: ${all.join(", ")})`);
  return picked;
};

const positive = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number >= 0, got ${value}`);
  return n;
};

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      persons: { type: "string" },
      duration: { type: "string" },
      connections: { type: "string" },
      targets: { type: "string" },
      scenarios: { type: "string" },
      smoke: { type: "boolean", default: false },
      soak: { type: "string" },
      rounds: { type: "string" },
      warmup: { type: "string" },
      "statistics-database": { type: "string" },
    },
    strict: true,
  });
  const smoke = values.smoke ?? false;
  return {
    persons: positive(values.persons, smoke ? 2_000 : 100_000, "persons"),
    duration: positive(values.duration, smoke ? 3 : 20, "duration"),
    connections: positive(values.connections, 10, "connections"),
    targets: list(values.targets, ALL_TARGETS, "targets"),
    scenarios: list(values.scenarios, ALL_SCENARIOS, "scenarios"),
    smoke,
    soak: positive(values.soak, 0, "soak"),
    rounds: Math.max(1, Math.round(positive(values.rounds, smoke ? 1 : 2, "rounds"))),
    warmup: positive(values.warmup, smoke ? 1 : 3, "warmup"),
    statisticsDatabase: values["statistics-database"] ?? null,
  };
}
