/**
 * The partner contract schema, derived from the API schema and the `@tag`s of the supergraph (as
 * Apollo's contracts do): a field is in it when it, or its type, is tagged `partner`, and it is not
 * tagged `internal`; types nothing reaches any more are pruned. Partners are validated and
 * introspected against it, so the rest of the graph is not even discoverable to them.
 */
import { Kind, parse, type ConstDirectiveNode, type GraphQLSchema } from "graphql";
import { MapperKind, mapSchema, pruneSchema } from "@graphql-tools/utils";
import { INTERNAL_TAG, PARTNER_TAG } from "../../platform/security/contract";

function tagsOf(directives: readonly ConstDirectiveNode[] | undefined): Set<string> {
  const tags = new Set<string>();
  for (const directive of directives ?? []) {
    if (directive.name.value !== "tag") continue;
    const name = directive.arguments?.find((a) => a.name.value === "name")?.value;
    if (name?.kind === Kind.STRING) tags.add(name.value);
  }
  return tags;
}

/** Tags by type name and by `Type.field` coordinate. */
export function readTags(supergraphSdl: string): { types: Map<string, Set<string>>; fields: Map<string, Set<string>> } {
  const types = new Map<string, Set<string>>();
  const fields = new Map<string, Set<string>>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    types.set(definition.name.value, tagsOf(definition.directives));
    for (const field of definition.fields ?? []) fields.set(`${definition.name.value}.${field.name.value}`, tagsOf(field.directives));
  }
  return { types, fields };
}

export function contractSchema(apiSchema: GraphQLSchema, supergraphSdl: string, tag = PARTNER_TAG): GraphQLSchema {
  const { types, fields } = readTags(supergraphSdl);
  const included = (typeName: string, fieldName: string) => {
    const fieldTags = fields.get(`${typeName}.${fieldName}`) ?? new Set();
    if (fieldTags.has(INTERNAL_TAG)) return false;
    return fieldTags.has(tag) || (types.get(typeName)?.has(tag) ?? false);
  };
  const filtered = mapSchema(apiSchema, {
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => (included(typeName, fieldName) ? config : null),
    [MapperKind.INTERFACE_FIELD]: (config, fieldName, typeName) => (included(typeName, fieldName) ? config : null),
  });
  return pruneSchema(filtered);
}
