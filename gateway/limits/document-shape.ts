/**
 * The shape of an operation as it will execute, read from the parsed document alone (no schema, no
 * validation): root fields, fields, aliases, depth and directives, with every fragment (named or
 * inline) expanded where it is spread. It runs before graphql-js validation, whose overlapping-fields
 * rule is quadratic in the fields of a selection set (900 sibling fields: about a second of CPU), so a
 * document too large for its caller is refused before that cost is paid.
 *
 * Each fragment's shape is computed once and reused at every spread, so a document whose fragments
 * spread each other many times is measured in time linear in its size, and measured as the large
 * operation it expands to. A fragment cycle is measured as empty here; validation refuses it.
 * Introspection (`__schema`, `__type`) is exempt from depth: the standard introspection query is deep.
 */
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

export interface DocumentShape {
  /** Fields at the operation's root, fragments expanded. */
  rootFields: number;
  /** Every field the operation selects, fragments expanded. */
  fields: number;
  aliases: number;
  /** Levels of nested selection sets below the root (a root field with no selection: 1). */
  depth: number;
  directives: number;
  /**
   * Most fields answering to one response name in one selection set (fragments expanded): validation
   * compares every pair of them, with their arguments and sub-selections.
   */
  repeats: number;
}

interface SetShape {
  /** Fields directly in this selection set (through fragments), for the root count. */
  direct: number;
  fields: number;
  aliases: number;
  depth: number;
  directives: number;
  /** Response names of the fields directly in this selection set (through fragments), with how many answer to each. */
  names: Map<string, number>;
  /** Most fields under one response name in this selection set or any below it. */
  repeats: number;
}

const EMPTY: SetShape = { direct: 0, fields: 0, aliases: 0, depth: 0, directives: 0, names: new Map(), repeats: 0 };
const INTROSPECTION = new Set(["__schema", "__type"]);

export function documentShapes(document: DocumentNode): Map<OperationDefinitionNode, DocumentShape> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measured = new Map<string, SetShape>();
  const measuring = new Set<string>();

  const fragmentShape = (name: string): SetShape => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || measuring.has(name)) return EMPTY; // unknown or a cycle: validation's to refuse
    measuring.add(name);
    const shape = setShape(fragment.selectionSet);
    measuring.delete(name);
    measured.set(name, shape);
    return shape;
  };

  const setShape = (selectionSet: SelectionSetNode): SetShape => {
    const shape: SetShape = { ...EMPTY, names: new Map() };
    const name = (responseName: string, count: number) => {
      const total = (shape.names.get(responseName) ?? 0) + count;
      shape.names.set(responseName, total);
      shape.repeats = Math.max(shape.repeats, total);
    };
    for (const selection of selectionSet.selections) {
      shape.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        shape.direct += 1;
        shape.fields += 1;
        if (selection.alias) shape.aliases += 1;
        name(selection.alias?.value ?? selection.name.value, 1);
        const below = selection.selectionSet ? setShape(selection.selectionSet) : EMPTY;
        const depth = INTROSPECTION.has(selection.name.value) ? 1 : 1 + below.depth;
        shape.fields += below.fields;
        shape.aliases += below.aliases;
        shape.directives += below.directives;
        shape.depth = Math.max(shape.depth, depth);
        shape.repeats = Math.max(shape.repeats, below.repeats);
        continue;
      }
      const inner = selection.kind === Kind.FRAGMENT_SPREAD ? fragmentShape(selection.name.value) : setShape(selection.selectionSet);
      shape.direct += inner.direct;
      shape.fields += inner.fields;
      shape.aliases += inner.aliases;
      shape.directives += inner.directives;
      shape.depth = Math.max(shape.depth, inner.depth);
      shape.repeats = Math.max(shape.repeats, inner.repeats);
      for (const [responseName, count] of inner.names) name(responseName, count);
    }
    return shape;
  };

  const shapes = new Map<OperationDefinitionNode, DocumentShape>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const { direct, fields, aliases, depth, directives, repeats } = setShape(definition.selectionSet);
    shapes.set(definition, { rootFields: direct, fields, aliases, depth, directives: directives + (definition.directives?.length ?? 0), repeats });
  }
  return shapes;
}
