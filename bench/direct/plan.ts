/**
 * The direct floor's fixed plan for one client document, worked out once from the supergraph: which
 * root fields go to which subgraph, and where in the people result a Person gets fields from other
 * subgraphs (the programs', then journey's, which @requires the programs'). Enough for this graph,
 * whose entity hops are people -> programs -> journey; fragments are not split (send fields inline).
 */
import { Kind, parse, print, visit, type DocumentNode, type FieldNode, type OperationDefinitionNode, type SelectionNode, type SelectionSetNode } from "graphql";
import { ownedFields, selectionSet, topLevelFields, type OwnedField } from "./requires";

/** A place in the root result holding Persons (lists are walked through), and what they still need. */
export interface PersonSite {
  /** Response keys from the root data down to the Person objects. */
  path: string[];
  /** Program fields: subgraph, the selection inside `... on Person { }`, the representation's required fields. */
  programs: { field: string; subgraph: string; selection: string; requires: SelectionSetNode | undefined }[];
  /** Journey's fields (eligibilitySummary, timeline, ...) with what journey requires, or null. */
  journey: { subgraph: string; selection: string; requires: SelectionSetNode } | null;
  /** Top-level fields fetched only for representations, removed from the answer (e.g. circumstances). */
  helperKeys: string[];
}

export interface DirectPlan {
  roots: { subgraph: string; query: string }[];
  sites: PersonSite[];
}

export interface SchemaFacts {
  person: Map<string, OwnedField>;
  query: Map<string, OwnedField>;
  home: string;
}

export function schemaFacts(supergraphSdl: string): SchemaFacts {
  return { person: ownedFields(supergraphSdl, "Person"), query: ownedFields(supergraphSdl, "Query"), home: "people" };
}

const fieldsOf = (text: string): readonly SelectionNode[] => selectionSet(text).selections;

/** Keeps only the variable definitions the operation uses (a subgraph refuses unused ones). */
function pruneVariables(op: OperationDefinitionNode): OperationDefinitionNode {
  const used = new Set<string>();
  visit(op.selectionSet, { Variable: (node) => void used.add(node.name.value) });
  return { ...op, variableDefinitions: op.variableDefinitions?.filter((v) => used.has(v.variable.name.value)) };
}

function splitPersons(set: SelectionSetNode, path: string[], facts: SchemaFacts, sites: PersonSite[]): SelectionSetNode {
  const remote = (sel: SelectionNode): sel is FieldNode => sel.kind === Kind.FIELD && (facts.person.get(sel.name.value)?.subgraph ?? facts.home) !== facts.home && facts.person.has(sel.name.value);
  const isPerson = set.selections.some(remote);
  const kept: SelectionNode[] = [];
  const remoteFields: FieldNode[] = [];
  for (const sel of set.selections) {
    if (isPerson && remote(sel)) remoteFields.push(sel);
    else if (sel.kind === Kind.FIELD && sel.selectionSet) kept.push({ ...sel, selectionSet: splitPersons(sel.selectionSet, [...path, (sel.alias ?? sel.name).value], facts, sites) });
    else kept.push(sel);
  }
  if (!isPerson) return { ...set, selections: kept };

  const journeyFields = remoteFields.filter((f) => facts.person.get(f.name.value)!.subgraph === "journey");
  const journeyRequires = journeyFields.map((f) => facts.person.get(f.name.value)!.requires).join(" ");
  const journeyParts = journeyRequires ? topLevelFields(journeyRequires) : new Map<string, string>();
  const programNames = new Set([...remoteFields.filter((f) => !journeyFields.includes(f)).map((f) => f.name.value), ...journeyParts.keys()]);
  const programs = [...programNames].map((field) => {
    const owned = facts.person.get(field)!;
    const client = remoteFields.filter((f) => f.name.value === field).map((f) => print(f));
    return { field, subgraph: owned.subgraph, selection: [...client, journeyParts.get(field) ?? ""].join(" "), requires: owned.requires ? selectionSet(owned.requires) : undefined };
  });
  const peopleRequires = [...new Set(programs.map((p) => facts.person.get(p.field)!.requires).filter(Boolean))].join(" ");
  const clientKeys = new Set(kept.map((s) => (s.kind === Kind.FIELD ? (s.alias ?? s.name).value : "")));
  const helperKeys = peopleRequires ? [...topLevelFields(peopleRequires).keys()].filter((k) => !clientKeys.has(k)) : [];
  kept.push(...fieldsOf(`id ${peopleRequires}`));
  sites.push({
    path,
    programs,
    journey: journeyFields.length ? { subgraph: "journey", selection: journeyFields.map((f) => print(f)).join(" "), requires: selectionSet(journeyRequires) } : null,
    helperKeys,
  });
  return { ...set, selections: kept };
}

export function planDirect(query: string, facts: SchemaFacts): DirectPlan {
  const doc: DocumentNode = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!op) throw new Error("no operation in the document");
  const bySubgraph = new Map<string, SelectionNode[]>();
  for (const sel of op.selectionSet.selections) {
    const subgraph = sel.kind === Kind.FIELD ? (facts.query.get(sel.name.value)?.subgraph ?? facts.home) : facts.home;
    bySubgraph.set(subgraph, [...(bySubgraph.get(subgraph) ?? []), sel]);
  }
  const sites: PersonSite[] = [];
  const roots = [...bySubgraph].map(([subgraph, selections]) => {
    let set: SelectionSetNode = { kind: Kind.SELECTION_SET, selections };
    if (subgraph === facts.home) set = splitPersons(set, [], facts, sites);
    return { subgraph, query: print(pruneVariables({ ...op, selectionSet: set })) };
  });
  return { roots, sites };
}
