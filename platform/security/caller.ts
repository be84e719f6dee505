/**
 * Who is calling: established by the gateway (gateway/auth/verify.ts) from a JWT or an API key, and
 * carried to every subgraph in the gateway's signed internal token (internal-token.ts).
 * JWT claims read: `role` (the audience), `sub`, `centers` (array), `partner`, `scope`
 * (space-separated, OAuth style) and `purpose`.
 */
import { PROGRAM_SUBGRAPHS, type ProgramSubgraph } from "../subgraphs";

export type Audience = "anonymous" | "citizen" | "counsellor" | "analyst" | "partner";

export const AUDIENCES: readonly Audience[] = ["anonymous", "citizen", "counsellor", "analyst", "partner"];

export interface Caller {
  audience: Audience;
  /** `sub` of the token, or the API key's id; null for an anonymous caller. */
  subject: string | null;
  /** A citizen's own person id (= `sub`). */
  personId?: string;
  /** The employment centers a counsellor works for (center ids). */
  centers?: string[];
  /** The partner agency (partner tokens and keys). */
  partnerId?: string;
  /** E.g. "learning-card:read". */
  scopes: string[];
  /** Why the data is processed (partners must state it; PIPA Art. 15/17). */
  purpose?: string;
  via: "jwt" | "api-key" | "none";
}

export function anonymousCaller(): Caller {
  return { audience: "anonymous", subject: null, scopes: [], via: "none" };
}

/** The scope that lets a caller read one program's data (`@requiresScopes` on the program's Person field): `<name>:read`. */
export const PROGRAM_SCOPES = Object.fromEntries(PROGRAM_SUBGRAPHS.map((s) => [s.name, `${s.name}:read`])) as {
  readonly [S in ProgramSubgraph]: `${S}:read`;
};

export type { ProgramSubgraph };

/**
 * The scopes a caller holds. A partner holds exactly the scopes of its token or key (only the
 * programs it was granted). Everyone else holds every program's read scope: which persons they may
 * read is decided by the row rules (row-rules.ts); an anonymous caller reaches only simulated persons.
 */
export function scopesOf(caller: Caller): Set<string> {
  if (caller.audience === "partner") return new Set(caller.scopes);
  return new Set([...caller.scopes, ...Object.values(PROGRAM_SCOPES)]);
}

/**
 * Policies (`@policy`) and who satisfies them.
 * - `identified`: may see what identifies a person or exact amounts (name, exact birth date, exact
 *   income, assets and wage). Everyone but the analyst, whose view is pseudonymised (PIPA Art. 28-2:
 *   pseudonymised data for statistics and research).
 */
/** The directive on every field outside the analyst's view (exact amounts, names, birth dates). */
export const IDENTIFIED_ONLY = `@policy(policies: [["identified"]])`;

export const POLICIES: Record<string, (caller: Caller) => boolean> = {
  identified: (caller) => caller.audience !== "analyst",
  /** `population`: may read population statistics (analysts: everyone; counsellors: their centers). */
  population: (caller) => caller.audience === "analyst" || caller.audience === "counsellor",
};

export function policiesOf(caller: Caller): Set<string> {
  return new Set(Object.entries(POLICIES).filter(([, holds]) => holds(caller)).map(([name]) => name));
}
