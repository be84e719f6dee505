/**
 * The breaking-change check: the API schema and the partner contract of this tree against a base
 * (the previous commit or the last release tag), with @graphql-inspector/core. A breaking change
 * fails unless it is declared in schema/breaking-changes.yaml (schema, path, reason, date), or it
 * removes something whose @deprecated reason named a removal date that has passed.
 * Deprecations must name that date: `@deprecated(reason: "Use x instead. Removal on 2027-06-30.")`.
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from "graphql";
import { CriticalityLevel, diff, type Change } from "@graphql-inspector/core";

export type SchemaName = "api" | "partner";

export interface DeclaredBreakingChange {
  schema: SchemaName;
  /** The change's path as the check prints it (a schema coordinate: Type.field, Type.field.argument, Enum.VALUE). */
  path: string;
  reason: string;
  date: string;
}

export interface SchemaChange {
  schema: SchemaName;
  level: "BREAKING" | "DANGEROUS" | "NON_BREAKING";
  message: string;
  path: string;
  /** For a breaking change: why it may ship (declared, or a deprecation that ran its course); null: it may not. */
  allowedBecause: string | null;
}

export function readDeclared(path: string): DeclaredBreakingChange[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return [];
  }
  const entries = (parseYaml(text) ?? []) as DeclaredBreakingChange[];
  if (!Array.isArray(entries)) throw new Error(`${path}: must be a list of { schema, path, reason, date }`);
  for (const [i, entry] of entries.entries()) {
    if (!["api", "partner"].includes(entry?.schema) || typeof entry.path !== "string" || typeof entry.reason !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(String(entry.date))) {
      throw new Error(`${path}: entry ${i + 1} needs schema (api or partner), path, reason and date (YYYY-MM-DD)`);
    }
  }
  return entries;
}

const REMOVAL_DATE = /\b(\d{4}-\d{2}-\d{2})\b/;

/** Every deprecated element's coordinate and the removal date its reason names (null when none). */
export function deprecations(schema: GraphQLSchema): { path: string; removal: string | null; reason: string }[] {
  const found: { path: string; removal: string | null; reason: string }[] = [];
  const add = (path: string, reason: string | null | undefined) => {
    if (reason != null) found.push({ path, reason, removal: REMOVAL_DATE.exec(reason)?.[1] ?? null });
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        add(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of field.args) add(`${type.name}.${field.name}.${arg.name}`, arg.deprecationReason);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) add(`${type.name}.${field.name}`, field.deprecationReason);
    if (isEnumType(type)) for (const value of type.getValues()) add(`${type.name}.${value.name}`, value.deprecationReason);
  }
  return found;
}

export async function compareSchemas(schema: SchemaName, before: string, after: string, declared: DeclaredBreakingChange[], today: string): Promise<SchemaChange[]> {
  const old = buildSchema(before);
  const expired = new Map(deprecations(old).filter((d) => d.removal && d.removal <= today).map((d) => [d.path, d.removal!]));
  const changes: Change[] = await diff(old, buildSchema(after));
  return changes.map((change) => {
    const path = change.path ?? "";
    const level = change.criticality.level === CriticalityLevel.Breaking ? "BREAKING" : change.criticality.level === CriticalityLevel.Dangerous ? "DANGEROUS" : "NON_BREAKING";
    let allowedBecause: string | null = null;
    if (level === "BREAKING") {
      const declaration = declared.find((d) => d.schema === schema && d.path === path);
      if (declaration) allowedBecause = `declared ${declaration.date}: ${declaration.reason}`;
      else if (expired.has(path)) allowedBecause = `deprecated with removal on ${expired.get(path)}`;
    }
    return { schema, level, message: change.message, path, allowedBecause };
  });
}

/** A CHANGELOG.md entry: what changed for clients, breaking changes first, each with why it may ship. */
export function changelogEntry(title: string, changes: SchemaChange[]): string {
  const lines = [`## ${title}`, ""];
  if (changes.length === 0) return [...lines, "No change to the API schema or the partner contract.", ""].join("\n");
  const sections: [SchemaChange["level"], string][] = [["BREAKING", "Breaking"], ["DANGEROUS", "Dangerous (may change what clients get)"], ["NON_BREAKING", "Added or documented"]];
  for (const schema of ["api", "partner"] as const) {
    const ofSchema = changes.filter((c) => c.schema === schema);
    if (!ofSchema.length) continue;
    lines.push(`### ${schema === "api" ? "API schema (schema/api.graphql)" : "Partner contract (schema/partner.graphql)"}`, "");
    for (const [level, heading] of sections) {
      const all = ofSchema.filter((c) => c.level === level);
      // Descriptions changed: named, not quoted (the schema has the text).
      const documented = all.filter((c) => c.level === "NON_BREAKING" && /description/i.test(c.message)).map((c) => c.path);
      const items = all.filter((c) => !(c.level === "NON_BREAKING" && /description/i.test(c.message)));
      if (!items.length && !documented.length) continue;
      lines.push(`${heading}:`, "");
      for (const item of items) lines.push(`- ${item.message}${item.allowedBecause ? ` (${item.allowedBecause})` : ""}`);
      if (documented.length) lines.push(`- Descriptions written or changed: ${[...new Set(documented)].map((p) => `\`${p}\``).join(", ")}`);
      lines.push("");
    }
  }
  return lines.join("\n");
}
