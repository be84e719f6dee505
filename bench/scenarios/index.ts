/**
 * The scenarios: fixed GraphQL documents (this folder) and the request bodies each run cycles
 * through. Variables change from one request to the next (person id, page filter, region): Hive
 * Gateway shares identical in-flight subgraph fetches by default, which identical requests under
 * concurrency would turn into a measure of that alone. "public" (the same for everyone, by nature)
 * runs twice, cold (no warm-up, and no request repeats another, so nothing comes from a response
 * cache) then warm (the same request again and again); "counsellor" likewise, cold (a new person
 * every request) then warm (20 persons in turn, as a counsellor working through a short list); "mixed" is 99% counsellor
 * and 1% hostile documents (alternately 50 levels deep and 1000 aliases).
 */
import { readFileSync } from "node:fs";
import type { BenchRole } from "../auth";

export interface ScenarioRun {
  /** Label in the results: counsellor, public:cold, ... */
  name: string;
  role: BenchRole;
  /** Warm the target up on this scenario before measuring. */
  warmup: boolean;
  /** Measured in every interleaved round, or only once (cold runs). */
  everyRound: boolean;
  /** JSON request bodies, sent in turn. */
  bodies: string[];
}

/** Distinct bodies for a cold run: this many, so that no request of a whole run repeats another (bench/load.ts goes on where the last load left off). */
const COLD_BODIES = 20_000;

/**
 * `base` in turn, each request also carrying a variable of its own that the document does not
 * declare (`uncached`: ignored by execution, part of every response cache's key): no answer comes
 * from a cache, while the subgraphs see the same work as `base`.
 */
function uncached(base: string[], count = COLD_BODIES): string[] {
  return Array.from({ length: count }, (_, i) => {
    const { query, variables } = JSON.parse(base[i % base.length]) as { query: string; variables?: Record<string, unknown> };
    return body(query, { ...variables, uncached: i });
  });
}

const doc = (name: string): string => readFileSync(new URL(`./${name}.graphql`, import.meta.url), "utf8");
const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify(variables ? { query, variables } : { query });

/** Ids spread over the seeded persons (P00000001 ...), so requests do not repeat one person. */
export function personId(i: number, persons: number): string {
  return `P${String(1 + ((i * 7919) % persons)).padStart(8, "0")}`;
}

const REGIONS = ["SEOUL", "BUSAN", "DAEGU", "INCHEON", "GWANGJU", "DAEJEON", "ULSAN", "SEJONG", "GYEONGGI", "GANGWON", "CHUNGBUK", "CHUNGNAM", "JEONBUK", "JEONNAM", "GYEONGBUK", "GYEONGNAM", "JEJU"];
const MIN_AGES = [20, 35, 50, 60];

/** Region x minimum age, in an order where neighbours differ in both. */
function analystBodies(): string[] {
  const query = doc("analyst");
  return REGIONS.flatMap((region, r) => MIN_AGES.map((_, a) => body(query, { filter: { region, minAge: MIN_AGES[(a + r) % MIN_AGES.length] } })));
}

function counsellorBodies(persons: number, count = 1000): string[] {
  const query = doc("counsellor");
  return Array.from({ length: count }, (_, i) => body(query, { id: personId(i, persons) }));
}

export function scenarioRuns(names: string[], persons: number): ScenarioRun[] {
  const runs: ScenarioRun[] = [];
  for (const name of names) {
    switch (name) {
      case "public":
        // Cold: every request misses any response cache. Each carries a variable of its own that the
        // document does not declare (ignored by execution, but part of a response cache's key).
        runs.push({ name: "public:cold", role: "public", warmup: false, everyRound: false, bodies: uncached([body(doc("public"))]) });
        runs.push({ name: "public:warm", role: "public", warmup: true, everyRound: true, bodies: [body(doc("public"))] });
        break;
      case "counsellor":
        runs.push({ name, role: "counsellor", warmup: true, everyRound: true, bodies: uncached(counsellorBodies(persons)) });
        // Warm: the same counsellor going back and forth between 20 case files, so that (after the
        // warm-up) ours answers from its personal cache, each reuse still written to the access log.
        runs.push({ name: "counsellor:warm", role: "counsellor", warmup: true, everyRound: true, bodies: counsellorBodies(persons, 20) });
        break;
      case "analyst":
        runs.push({ name, role: "analyst", warmup: true, everyRound: true, bodies: uncached(analystBodies()) });
        break;
      case "nested":
        runs.push({ name, role: "counsellor", warmup: true, everyRound: true, bodies: uncached(REGIONS.map((region) => body(doc("nested"), { region }))) });
        break;
      case "mixed": {
        const hostile = [body(doc("hostile-depth")), body(doc("hostile-aliases"))];
        const bodies = uncached(counsellorBodies(persons, 1000)).map((b, i) => (i % 100 === 99 ? hostile[Math.floor(i / 100) % 2] : b));
        runs.push({ name, role: "counsellor", warmup: true, everyRound: true, bodies });
        break;
      }
      default:
        throw new Error(`unknown scenario ${name}`);
    }
  }
  return runs;
}
