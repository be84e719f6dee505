/**
 * Does a burst of hostile documents slow everyone else down? A light public load (2 connections,
 * every request distinct: no cache hit) runs alone, then again while 8 more connections send hostile
 * documents as fast as the target answers them. The figure is the public query's p99 in both runs,
 * and how the hostile requests were answered (refused by a limit, or served).
 *
 * Hostile documents, each small enough for the token cap, each a real attack on a gateway:
 *   siblings      900 sibling fields (graphql-js validation is quadratic in them)
 *   fragments     12 root fields behind a fragment (a root-field limit that does not expand fragments)
 *   defaults      ten 100-person pages whose size comes from a variable's default
 */
import { runLoad, type LoadResult } from "./load";

const json = (query: string, variables?: Record<string, unknown>) => JSON.stringify(variables ? { query, variables } : { query });

export const HOSTILE_DOCUMENTS: Record<string, string> = {
  siblings: json(`{ employmentCenters { ${Array.from({ length: 900 }, () => "id").join(" ")} } }`),
  fragments: json(`{ ...F } fragment F on Query { ${Array.from({ length: 12 }, (_, i) => `r${i}: trainingCourses(first: 100) { id title provider }`).join(" ")} }`),
  defaults: json(`query($f: Int = 100) { ${Array.from({ length: 10 }, (_, i) => `p${i}: trainingCourses(first: $f) { id title provider industry hours tuition }`).join(" ")} }`),
};

export interface BurstResult {
  alone: LoadResult;
  duringBurst: LoadResult;
  hostile: LoadResult;
}

export async function hostileBurst(options: { url: string; pids: number[]; publicBodies: string[]; seconds: number }): Promise<BurstResult> {
  const publicLoad = { url: options.url, headers: {}, bodies: options.publicBodies, connections: 2, seconds: options.seconds, pids: options.pids };
  const alone = await runLoad(publicLoad);
  const [duringBurst, hostile] = await Promise.all([
    runLoad(publicLoad),
    runLoad({ url: options.url, headers: {}, bodies: Object.values(HOSTILE_DOCUMENTS), connections: 8, seconds: options.seconds, pids: [] }),
  ]);
  return { alone, duringBurst, hostile };
}

export function describeBurst(target: string, r: BurstResult): string {
  return (
    `hostile burst on ${target}: public p99 ${r.alone.p99} ms alone (p50 ${r.alone.p50}), ${r.duringBurst.p99} ms during the burst (p50 ${r.duringBurst.p50}); ` +
    `hostile ${r.hostile.rps.toFixed(0)} req/s, ${r.hostile.errors} of ${r.hostile.requests} refused or failed`
  );
}
