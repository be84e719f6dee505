/**
 * NAEIL_SECURITY=off: authentication, authorization and the access log switched off, so a benchmark
 * can measure what they cost (README "Measured"). Never in production: refused when
 * NODE_ENV=production, and announced on stderr by every process that honours it. The internal
 * token between gateway and subgraphs stays on even then.
 */
export function securityOff(env: NodeJS.ProcessEnv = process.env, who = "naeil-graph"): boolean {
  if (env.NAEIL_SECURITY !== "off") return false;
  if (env.NODE_ENV === "production") throw new Error("NAEIL_SECURITY=off is for benchmarks and is refused when NODE_ENV=production.");
  console.error(`[${who}] NAEIL_SECURITY=off: no authentication, no authorization, no access log. For benchmarks only.`);
  return true;
}
