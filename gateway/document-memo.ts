/**
 * What depends only on a parsed document (and a short key such as the audience): computed once.
 * Apollo Server keeps each distinct query's parsed and validated DocumentNode in its document store
 * and hands the same object to every request that sends that query, so a WeakMap on the document
 * turns per-request work (validation passes, authorization walks) into per-document work, and lets
 * the entries go when the store evicts the document.
 */
import type { DocumentNode } from "graphql";

/** At most this many keys per document (audiences x grants are few; a bound all the same). */
const MAX_KEYS_PER_DOCUMENT = 64;

export function documentMemo<T>(): (document: DocumentNode, key: string, compute: () => T) => T {
  const byDocument = new WeakMap<DocumentNode, Map<string, T>>();
  return (document, key, compute) => {
    let byKey = byDocument.get(document);
    if (!byKey) byDocument.set(document, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key)!;
    const value = compute();
    if (byKey.size >= MAX_KEYS_PER_DOCUMENT) byKey.clear();
    byKey.set(key, value);
    return value;
  };
}
