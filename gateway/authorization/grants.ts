/**
 * Does a caller meet a field's requirement? Returns null when it does, or the refusal: UNAUTHENTICATED
 * when the field needs a signed-in caller and there is none, FORBIDDEN (naming what is missing) otherwise.
 */
import { policiesOf, scopesOf, type Caller } from "../../platform/security/caller";
import type { Requirement } from "./requirements";

export interface CallerGrants {
  authenticated: boolean;
  scopes: Set<string>;
  policies: Set<string>;
}

export function grantsOf(caller: Caller): CallerGrants {
  return { authenticated: caller.audience !== "anonymous", scopes: scopesOf(caller), policies: policiesOf(caller) };
}

export interface Refusal {
  code: "UNAUTHENTICATED" | "FORBIDDEN";
  /** What the caller lacks, for the message: e.g. `the scope "learning-card:read"`. */
  missing: string;
}

const holds = (alternatives: string[][], held: Set<string>) => alternatives.some((all) => all.every((item) => held.has(item)));
const describe = (alternatives: string[][], what: string) =>
  alternatives.map((all) => all.map((item) => `${what} "${item}"`).join(" and ")).join(", or ");

export function refusal(requirement: Requirement, grants: CallerGrants): Refusal | null {
  if (requirement.authenticated && !grants.authenticated) return { code: "UNAUTHENTICATED", missing: "a signed-in caller" };
  for (const alternatives of requirement.scopes) {
    if (!holds(alternatives, grants.scopes)) return { code: grants.authenticated ? "FORBIDDEN" : "UNAUTHENTICATED", missing: describe(alternatives, "the scope") };
  }
  for (const alternatives of requirement.policies) {
    if (!holds(alternatives, grants.policies)) return { code: grants.authenticated ? "FORBIDDEN" : "UNAUTHENTICATED", missing: describe(alternatives, "the policy") };
  }
  return null;
}
