/**
 * The claims of a development token from `npm run token`'s arguments
 * (`--role ROLE [--sub ID] [--centers ID,ID] [--partner ID] [--scopes a,b] [--purpose TEXT] [--ttl S]`),
 * shared by the script and by the operations catalogue, whose files name the token they need in
 * the same words.
 */
import { parseArgs } from "node:util";
import { STAFF_ROLES } from "./claims";

export interface TokenArgs {
  claims: Record<string, unknown>;
  ttlSeconds: number;
}

const list = (text: string | undefined) => (text ?? "").split(",").map((s) => s.trim()).filter(Boolean);

/** Throws with a message naming the problem; the caller adds the usage line. */
export function tokenArgs(args: string[]): TokenArgs {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: "string" },
      sub: { type: "string" },
      centers: { type: "string" },
      partner: { type: "string" },
      scopes: { type: "string" },
      purpose: { type: "string" },
      ttl: { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  const ttlSeconds = Number(values.ttl ?? 3600);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new Error("--ttl must be a positive number of seconds");
  const claims: Record<string, unknown> = { role: values.role };
  if (values.sub) claims.sub = values.sub;
  // Staff tokens must name an account (the access log records it): a development account unless --sub says otherwise.
  else if (typeof values.role === "string" && (STAFF_ROLES as readonly string[]).includes(values.role)) claims.sub = `dev-${values.role}`;
  if (values.centers) claims.centers = list(values.centers);
  if (values.partner) claims.partner = values.partner;
  if (values.scopes) claims.scope = list(values.scopes).join(" ");
  if (values.purpose) claims.purpose = values.purpose;
  return { claims, ttlSeconds };
}

/** Splits a command line as a POSIX shell would for plain words and double- or single-quoted ones. */
export function splitArgs(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}
