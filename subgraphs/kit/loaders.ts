/**
 * Per-request DataLoaders. A loader is declared once (`rowByKey` / `rowsByKey`) with the one SQL
 * statement its batch runs (`... where key = any($1)`); each request gets its own instance, so a
 * 100-person list costs one statement per table, and nothing is cached across callers.
 */
import DataLoader from "dataloader";
import type { Store } from "../../platform/store";

export interface LoaderDefinition<Key, Value> {
  readonly name: string;
  batch(store: Store, keys: readonly Key[]): Promise<Value[]>;
}

/** The loaders of one request, created on first use. */
export class RequestLoaders {
  private readonly loaders = new Map<LoaderDefinition<any, any>, DataLoader<any, any>>();
  constructor(private readonly store: Store) {}

  get<Key, Value>(definition: LoaderDefinition<Key, Value>): DataLoader<Key, Value> {
    let loader = this.loaders.get(definition);
    if (!loader) {
      loader = new DataLoader<Key, Value>((keys) => definition.batch(this.store, keys), { maxBatchSize: 1000 });
      this.loaders.set(definition, loader);
    }
    return loader;
  }
}

/** One row (or null) per key: `sql` must select rows whose `keyColumn` is in `$1`. */
export function rowByKey<Row extends Record<string, any>>(
  name: string,
  sql: string,
  keyColumn: keyof Row & string,
): LoaderDefinition<string, Row | null> {
  return {
    name,
    async batch(store, keys) {
      const rows = await store.query<Row>(sql, [keys]);
      const byKey = new Map(rows.map((row) => [String(row[keyColumn]), row]));
      return keys.map((key) => byKey.get(key) ?? null);
    },
  };
}

/** Every row for each key (a per-person list), in the order the SQL returns them. */
export function rowsByKey<Row extends Record<string, any>>(
  name: string,
  sql: string,
  keyColumn: keyof Row & string,
): LoaderDefinition<string, Row[]> {
  return {
    name,
    async batch(store, keys) {
      const rows = await store.query<Row>(sql, [keys]);
      const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
      for (const row of rows) groups.get(String(row[keyColumn]))?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    },
  };
}
