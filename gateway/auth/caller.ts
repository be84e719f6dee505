/**
 * Who is calling the gateway, as established by gateway/auth/verify.ts from a JWT or an API key.
 * Claims read from a JWT: `role` (the audience), `sub`, `centers` (array), `partner`,
 * `scope` (space-separated, OAuth style) and `purpose`.
 */
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
