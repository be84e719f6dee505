/**
 * The authorization requirements declared in the supergraph with Federation's `@authenticated`,
 * `@requiresScopes(scopes: [[...]])` and `@policy(policies: [[...]])`, by schema coordinate
 * (`Person.learningCard`). The subgraphs declare them next to the fields they protect; composition
 * carries them into schema/supergraph.graphql; @apollo/gateway ignores them, so this gateway reads them.
 *
 * As in Apollo Router: on a field, the directive protects the field; on a type, it protects every
 * field returning that type. The outer list is "any of", each inner list "all of".
 */
import { Kind, parse, type ConstDirectiveNode, type DefinitionNode, type OperationDefinitionNode, type TypeNode } from "graphql";

export interface Requirement {
  authenticated: boolean;
  /** Each entry must hold; an entry holds when the caller has every scope of one of its alternatives. */
  scopes: string[][][];
  policies: string[][][];
}

export type Requirements = Map<string, Requirement>;

const NAMES = { authenticated: "authenticated", requiresScopes: "requiresScopes", policy: "policy" };

function stringLists(directive: ConstDirectiveNode, argument: string): string[][] {
  const value = directive.arguments?.find((a) => a.name.value === argument)?.value;
  if (value?.kind !== Kind.LIST) return [];
  return value.values.map((inner) => (inner.kind === Kind.LIST ? inner.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : []));
}

function requirementOf(directives: readonly ConstDirectiveNode[] | undefined): Requirement | null {
  const requirement: Requirement = { authenticated: false, scopes: [], policies: [] };
  for (const directive of directives ?? []) {
    if (directive.name.value === NAMES.authenticated) requirement.authenticated = true;
    if (directive.name.value === NAMES.requiresScopes) requirement.scopes.push(stringLists(directive, "scopes"));
    if (directive.name.value === NAMES.policy) requirement.policies.push(stringLists(directive, "policies"));
  }
  return requirement.authenticated || requirement.scopes.length || requirement.policies.length ? requirement : null;
}

function merge(a: Requirement | null | undefined, b: Requirement | null | undefined): Requirement | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return { authenticated: a.authenticated || b.authenticated, scopes: [...a.scopes, ...b.scopes], policies: [...a.policies, ...b.policies] };
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

type FieldsDefinition = Extract<DefinitionNode, { kind: Kind.OBJECT_TYPE_DEFINITION | Kind.INTERFACE_TYPE_DEFINITION }>;

/** Requirements by `Type.field` coordinate, from supergraph SDL. */
export function readRequirements(supergraphSdl: string): Requirements {
  const document = parse(supergraphSdl);
  const byType = new Map<string, Requirement>();
  for (const definition of document.definitions) {
    if ("name" in definition && definition.name && "directives" in definition) {
      const requirement = requirementOf(definition.directives as readonly ConstDirectiveNode[]);
      if (requirement) byType.set(definition.name.value, requirement);
    }
  }
  const requirements: Requirements = new Map();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const field of (definition as FieldsDefinition).fields ?? []) {
      const requirement = merge(requirementOf(field.directives), byType.get(namedType(field.type)));
      if (requirement) requirements.set(`${definition.name.value}.${field.name.value}`, requirement);
    }
  }
  return requirements;
}

/**
 * Does the operation select, at its root, a field that needs more than an anonymous caller? Such an
 * answer holds personal data, which is never cached (so there is nothing to look up either).
 */
export function selectsProtectedRootField(operation: OperationDefinitionNode, requirements: Requirements): boolean {
  const root = operation.operation === "query" ? "Query" : operation.operation === "mutation" ? "Mutation" : "Subscription";
  return operation.selectionSet.selections.some((s) => s.kind !== Kind.FIELD || requirements.has(`${root}.${s.name.value}`));
}
