/**
 * The documented operations, one `.graphql` file each under operations/<audience>/. A file opens with
 * comment lines: what it does, then
 *   # token: <npm run token arguments> | none     the caller it needs
 *   # variables: { ... }                          its variables (JSON), if any
 *   # consent: { ... }                            partner operations: the consent (ConsentInput) the person must have given
 * and then the operation exactly as a client sends it. The README's examples, the explorer's tabs,
 * the typed client (codegen) and the partner manifest (persisted-queries/) are all made from these files.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { splitArgs, tokenArgs } from "../gateway/auth/token-args";
import { sha256, type ManifestOperation } from "../gateway/shared/safelist";

export const OPERATIONS_DIR = fileURLToPath(new URL(".", import.meta.url));
export const AUDIENCES = ["public", "citizen", "counsellor", "analyst", "partner"] as const;
export type CatalogueAudience = (typeof AUDIENCES)[number];

export interface CatalogueOperation {
  /** The operation's name (also the file's name). */
  name: string;
  audience: CatalogueAudience;
  /** Path from the repository root, e.g. operations/counsellor/CounsellorView.graphql. */
  path: string;
  /** What it does, from the file's first comment lines. */
  description: string;
  /** `npm run token` arguments, or null for no token. */
  token: string | null;
  /** JWT claims of that token, or null. */
  claims: Record<string, unknown> | null;
  variables: Record<string, unknown> | undefined;
  /** The consent a partner operation needs (ConsentInput), given by the person it reads. */
  consent: Record<string, unknown> | undefined;
  type: "query" | "mutation";
  /** The operation exactly as sent: the file without its leading comment lines. */
  body: string;
}

export type DocumentedOperation = Omit<CatalogueOperation, "audience" | "path">;

/** An operation with its comment header, as in a file of operations/ or a README code block (`where` names it in errors). */
export function parseOperationText(text: string, where: string): DocumentedOperation {
  const path = where;
  const lines = text.split("\n");
  const header: string[] = [];
  while (lines.length && lines[0].startsWith("#")) header.push(lines.shift()!.replace(/^#\s?/, ""));
  const body = lines.join("\n").trim();
  const meta = new Map<string, string>();
  const description: string[] = [];
  for (const line of header) {
    const match = /^(token|variables|consent):\s*(.*)$/.exec(line);
    if (match) meta.set(match[1], match[2].trim());
    else description.push(line);
  }
  const json = (key: string) => {
    const value = meta.get(key);
    if (value === undefined) return undefined;
    try {
      return JSON.parse(value) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${path}: "# ${key}:" is not JSON (${(error as Error).message})`);
    }
  };
  const token = meta.get("token");
  if (token === undefined) throw new Error(`${path}: says no "# token:" (the npm run token arguments, or none)`);
  const operations = parse(body).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || !operations[0].name) throw new Error(`${path}: must hold one named operation`);
  const type = operations[0].operation;
  if (type === "subscription") throw new Error(`${path}: subscriptions are not served`);
  return {
    name: operations[0].name.value,
    description: description.join(" ").trim(),
    token: token === "none" ? null : token,
    claims: token === "none" ? null : tokenArgs(splitArgs(token)).claims,
    variables: json("variables"),
    consent: json("consent"),
    type,
    body,
  };
}

function readOperation(audience: CatalogueAudience, file: string): CatalogueOperation {
  const path = `operations/${audience}/${file}`;
  const operation = parseOperationText(readFileSync(join(OPERATIONS_DIR, audience, file), "utf8"), path);
  if (operation.name !== file.replace(/\.graphql$/, "")) throw new Error(`${path}: the operation must be named as the file`);
  return { ...operation, audience, path };
}

/** Every documented operation, by audience then name. */
export function readCatalogue(dir = OPERATIONS_DIR): CatalogueOperation[] {
  return AUDIENCES.flatMap((audience) => {
    let files: string[];
    try {
      files = readdirSync(join(dir, audience)).filter((f) => f.endsWith(".graphql")).sort();
    } catch {
      return [];
    }
    return files.map((file) => readOperation(audience, file));
  });
}

/**
 * The partner agencies' manifest (persisted-queries/partner-agencies.json): the partner operations
 * as written, and the standard introspection query (partners introspect the contract with it).
 */
export function partnerManifest(catalogue: CatalogueOperation[], introspectionQuery: string): string {
  const operations: ManifestOperation[] = [
    ...catalogue.filter((o) => o.audience === "partner").map((o) => ({ id: sha256(o.body), name: o.name, type: o.type, body: o.body })),
    { id: sha256(introspectionQuery), name: "IntrospectionQuery", type: "query", body: introspectionQuery },
  ];
  return JSON.stringify({ format: "apollo-persisted-query-manifest", version: 1, operations }, null, 2) + "\n";
}
