/**
 * Removes from an operation every field the caller may not see, before planning, with Apollo
 * Router's semantics: the rest of the query is planned and answered; each removed field comes back
 * null with an error whose path names it (`"@"` stands for every element of a list, as in Router);
 * a removed non-null field nulls its nearest nullable parent, as GraphQL's null propagation would.
 * A field left with nothing selected is removed too.
 */
import {
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  isCompositeType,
} from "graphql";
import type { Requirements } from "./requirements";
import { refusal, type CallerGrants, type Refusal } from "./grants";

export type ResponsePath = (string | "@")[];

export interface RemovedField {
  coordinate: string;
  /** Where the field would have been in the response. */
  path: ResponsePath;
  /** The path set to null in the response (the field, or its nearest nullable ancestor). */
  nullPath: ResponsePath;
  refusal: Refusal | null;
}

export interface FilteredOperation {
  document: DocumentNode;
  removed: RemovedField[];
}

interface Walk {
  schema: GraphQLSchema;
  requirements: Requirements;
  grants: CallerGrants;
  fragments: Map<string, FragmentDefinitionNode>;
  removedNodes: Set<FieldNode>;
  removed: RemovedField[];
}

/** Path of response keys; `nullable[i]` says whether the field ending at segment i may be null. */
interface Trail {
  path: ResponsePath;
  /** For each field along the path: its path and whether it is nullable. */
  fields: { path: ResponsePath; nullable: boolean }[];
}

function nullTarget(trail: Trail, field: { path: ResponsePath; nullable: boolean }): ResponsePath {
  const chain = [...trail.fields, field];
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i].nullable) return chain[i].path;
  return [];
}

/** Walks a selection set; returns true when nothing in it survives. */
function walkSelections(walk: Walk, selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, trail: Trail): boolean {
  let survivors = 0;
  for (const selection of selectionSet.selections) {
    if (walkSelection(walk, selection, parentType, trail)) continue;
    survivors++;
  }
  return survivors === 0;
}

/** Returns true when the selection is removed (or selects nothing that survives). */
function walkSelection(walk: Walk, selection: SelectionNode, parentType: GraphQLCompositeType, trail: Trail): boolean {
  if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection;
    if (!fragment) return false;
    const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : parentType;
    if (!condition || !isCompositeType(condition)) return false;
    walkSelections(walk, fragment.selectionSet, condition, trail);
    return false; // fragments are kept (an emptied one gets __typename), their fields carry the nulls
  }
  const name = selection.name.value;
  if (name.startsWith("__")) return false;
  if (!isObjectType(parentType) && !isInterfaceType(parentType)) return false;
  const definition = parentType.getFields()[name];
  if (!definition) return false;
  const key = selection.alias?.value ?? name;
  const coordinate = `${parentType.name}.${name}`;
  const path = [...trail.path, key];
  const field = { path, nullable: !isNonNullType(definition.type) };
  const requirement = walk.requirements.get(coordinate);
  const refused = requirement ? refusal(requirement, walk.grants) : null;
  if (refused) {
    walk.removedNodes.add(selection);
    walk.removed.push({ coordinate, path, nullPath: nullTarget(trail, field), refusal: refused });
    return true;
  }
  if (selection.selectionSet) {
    let childPath = path;
    for (let type = getNullableType(definition.type); isListType(type); type = getNullableType(type.ofType)) childPath = [...childPath, "@"];
    const named = getNamedType(definition.type);
    if (!isCompositeType(named)) return false;
    const emptied = walkSelections(walk, selection.selectionSet, named, { path: childPath, fields: [...trail.fields, field] });
    if (emptied) {
      walk.removedNodes.add(selection);
      walk.removed.push({ coordinate, path, nullPath: nullTarget(trail, field), refusal: null });
      return true;
    }
  }
  return false;
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } };

export function filterOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  requirements: Requirements,
  grants: CallerGrants,
): FilteredOperation {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const walk: Walk = { schema, requirements, grants, fragments, removedNodes: new Set(), removed: [] };
  const root = schema.getRootType(operation.operation);
  if (!root) return { document, removed: [] };
  walkSelections(walk, operation.selectionSet, root, { path: [], fields: [] });
  if (walk.removed.length === 0) return { document, removed: [] };

  const filtered = visit(document, {
    Field: (node) => (walk.removedNodes.has(node) ? null : undefined),
    SelectionSet: {
      leave: (node) => (node.selections.length === 0 ? { ...node, selections: [TYPENAME] } : undefined),
    },
  });
  return { document: filtered, removed: walk.removed };
}

/** Sets `path` to null in `data` (every element where the path crosses a list). */
function setNull(target: unknown, path: ResponsePath): void {
  if (target === null || typeof target !== "object") return;
  const [head, ...rest] = path;
  if (head === "@") {
    if (Array.isArray(target)) for (const item of target) setNull(item, rest);
    return;
  }
  const object = target as Record<string, unknown>;
  if (rest.length === 0) object[head] = null;
  else setNull(object[head], rest);
}

/** The data as the original operation expects it: removed fields (or their nullable parents) null. */
export function nullRemovedFields(data: Record<string, unknown> | null | undefined, removed: RemovedField[]): Record<string, unknown> | null {
  if (!data) return data ?? null;
  for (const { nullPath } of removed) {
    if (nullPath.length === 0) return null;
    setNull(data, nullPath);
  }
  return data;
}
