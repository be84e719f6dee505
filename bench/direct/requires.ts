/**
 * What the supergraph says about Person, so the direct floor sends what the gateway would without
 * hard-coding a schema that changes: for each Person field, the subgraph that resolves it and the
 * fields it @requires (e.g. program fields require `circumstances { ... }` from people; journey's
 * eligibilitySummary requires each program's currentEligibility and events).
 */
import { Kind, parse, print, type DirectiveNode, type FieldNode, type SelectionSetNode } from "graphql";

export interface OwnedField {
  subgraph: string;
  /** The @requires selection, "" when none. */
  requires: string;
}

const stringArg = (directive: DirectiveNode, name: string): string | undefined => {
  const arg = directive.arguments?.find((a) => a.name.value === name);
  return arg?.value.kind === Kind.STRING ? arg.value.value : undefined;
};

const enumArg = (directive: DirectiveNode, name: string): string | undefined => {
  const arg = directive.arguments?.find((a) => a.name.value === name);
  return arg?.value.kind === Kind.ENUM ? arg.value.value : undefined;
};

/** Fields of `typeName` (Person, Query) by name: who resolves them (not as @external) and what they require. */
export function ownedFields(supergraphSdl: string, typeName: string): Map<string, OwnedField> {
  const doc = parse(supergraphSdl);
  const graphs = new Map<string, string>();
  const fields = new Map<string, OwnedField>();
  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.name.value === "join__Graph") {
      for (const value of def.values ?? []) {
        const join = value.directives?.find((d) => d.name.value === "join__graph");
        if (join) graphs.set(value.name.value, stringArg(join, "name")!);
      }
    }
  }
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || def.name.value !== typeName) continue;
    for (const field of def.fields ?? []) {
      for (const join of field.directives?.filter((d) => d.name.value === "join__field") ?? []) {
        const external = join.arguments?.some((a) => a.name.value === "external" && a.value.kind === Kind.BOOLEAN && a.value.value);
        const graph = enumArg(join, "graph");
        if (external || !graph) continue;
        fields.set(field.name.value, { subgraph: graphs.get(graph) ?? graph, requires: stringArg(join, "requires") ?? "" });
      }
    }
  }
  return fields;
}

/** The selection set of a field set string such as `a { b } c`. */
export function selectionSet(fieldSet: string): SelectionSetNode {
  const op = parse(`{ ${fieldSet} }`).definitions[0];
  if (op.kind !== Kind.OPERATION_DEFINITION) throw new Error(`not a field set: ${fieldSet}`);
  return op.selectionSet;
}

/** Top-level fields of a field set, each printed on its own: `a { b } c` -> { a: "a { b }", c: "c" }. */
export function topLevelFields(fieldSet: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const sel of selectionSet(fieldSet).selections) {
    if (sel.kind === Kind.FIELD) out.set(sel.name.value, print(sel));
  }
  return out;
}

/** Keeps only the fields of `value` named in `set` (by response key, recursively, through lists). */
export function project(value: unknown, set: SelectionSetNode | undefined): unknown {
  if (!set || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => project(v, set));
  const out: Record<string, unknown> = {};
  for (const sel of set.selections) {
    if (sel.kind !== Kind.FIELD) continue;
    const field = sel as FieldNode;
    const key = (field.alias ?? field.name).value;
    if (key in (value as Record<string, unknown>)) out[key] = project((value as Record<string, unknown>)[key], field.selectionSet);
  }
  return out;
}
