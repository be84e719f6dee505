/**
 * Before measuring: one request of each scenario to each target. A target that answers with errors
 * (or not at all), or with other data than ours (or the first target), is reported, so it is not mistaken for a fast one.
 * The direct floor's answer is first cut down to the client's selection (it carries helper fields).
 */
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import type { RunningTarget } from "./targets";
import type { ScenarioRun } from "./scenarios";
import { benchHeaders } from "./auth";
import { project } from "./direct/requires";
import { canonicalJson } from "../platform/digest";

interface Answer {
  data?: unknown;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

function selectionOf(body: string) {
  const { query } = JSON.parse(body) as { query: string };
  return parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!.selectionSet;
}

async function compareTargets(targets: RunningTarget[], label: string, headers: Record<string, string>, body: string, log: (line: string) => void): Promise<string[]> {
  const problems: string[] = [];
  const answers = new Map<string, string>();
  for (const target of targets) {
    try {
      const response = await fetch(target.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, signal: AbortSignal.timeout(60_000) });
      const answer = (await response.json()) as Answer;
      if (!response.ok || answer.errors?.length) {
        const first = answer.errors?.[0];
        problems.push(`${target.name} ${label}: HTTP ${response.status}, ${answer.errors?.length ?? 0} GraphQL errors (first: ${first?.extensions?.code ?? ""} ${first?.message ?? ""})`.slice(0, 300));
      }
      answers.set(target.name, canonicalJson(target.name === "direct" ? project(answer.data, selectionOf(body)) : answer.data));
    } catch (error) {
      problems.push(`${target.name} ${label}: ${String(error)}`.slice(0, 300));
    }
  }
  const reference = answers.has("ours") ? "ours" : [...answers.keys()][0];
  const expected = answers.get(reference) ?? "";
  const differ = [...answers].filter(([name, data]) => name !== reference && data !== expected);
  for (const [name, data] of differ) problems.push(`${name} ${label}: data differs from ${reference} (${data?.length ?? 0} vs ${expected.length} characters)`);
  if (!differ.length) log(`check ${label}: ${[...answers.keys()].join(", ")} answered the same data (${expected.length} characters)`);
  return problems;
}

export async function checkTargets(targets: RunningTarget[], runs: ScenarioRun[], log: (line: string) => void): Promise<string[]> {
  const problems: string[] = [];
  for (const run of runs) {
    if (run.name === "public:warm") continue;
    // mixed: its hostile documents (the counsellor run checks the rest).
    const bodies = run.name === "mixed" ? [...new Set(run.bodies.filter((b) => b.includes("Hostile")))] : [run.bodies[0]];
    for (const body of bodies) {
      const label = run.name === "mixed" ? `mixed (${body.match(/query (\w+)/)?.[1]})` : run.name;
      problems.push(...(await compareTargets(targets, label, await benchHeaders(run.role), body, log)));
    }
  }
  return problems;
}
