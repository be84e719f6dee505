/**
 * Database access for one subgraph: a `pg` pool against PostgreSQL, whether that is a real server
 * (DATABASE_URL) or the embedded PGlite served over the wire protocol by `npm start`. Same SQL either way.
 *
 * Every statement is parameterised. When NAEIL_DEBUG_STATEMENTS=1 the store also keeps a log of the
 * statements it ran (and the tables each touched) so tests can check batching through the store itself.
 */
import pg from "pg";
import { createRequire } from "node:module";

// pg's own conversion of a JavaScript value to its text form (arrays to array literals, dates...).
const { prepareValue } = createRequire(import.meta.url)("pg/lib/utils") as { prepareValue(value: unknown): string | null };

// DATE columns stay ISO strings (YYYY-MM-DD): no time zone can shift a birth date.
pg.types.setTypeParser(1082, (value: string) => value);
// BIGINT and NUMERIC as numbers: every amount here is whole KRW, well inside 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));
pg.types.setTypeParser(1700, (value: string) => Number(value));

export interface StatementRecord {
  sql: string;
  tables: string[];
}

export interface Store {
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `fn` with one connection of its own (session-level state: advisory locks). */
  session<T>(fn: (query: <Row = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<Row[]>) => Promise<T>): Promise<T>;
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;
  /** Statements run since the last reset (only when statement logging is on). */
  readonly statements: StatementLog | null;
  close(): Promise<void>;
}

const TABLE_REFERENCE = /\b(?:from|join|into|update)\s+([a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*)/gi;

/** The schema-qualified tables a statement reads or writes (all our SQL names its schema). */
export function tablesOf(sql: string): string[] {
  const tables = new Set<string>();
  for (const match of sql.matchAll(TABLE_REFERENCE)) tables.add(match[1].toLowerCase());
  return [...tables].sort();
}

export class StatementLog {
  private records: StatementRecord[] = [];
  constructor(private readonly limit = 10_000) {}
  add(sql: string): void {
    if (this.records.length >= this.limit) this.records.shift();
    this.records.push({ sql, tables: tablesOf(sql) });
  }
  list(): StatementRecord[] {
    return [...this.records];
  }
  reset(): void {
    this.records = [];
  }
}

export interface StoreOptions {
  connectionString: string;
  applicationName: string;
  maxConnections?: number;
  logStatements?: boolean;
}

/**
 * The same statement with its parameters written in as escaped literals, to be sent as one
 * simple-protocol message. Used only against the embedded PGlite: its socket multiplexer queues
 * every wire message on its own, so the Parse/Bind/Execute of one client can interleave with
 * another's and clobber the shared unnamed statement. A single message cannot be interleaved.
 * Parameters are still never concatenated unescaped: each becomes a quoted literal (or NULL).
 */
export function inlineParameters(sql: string, params: unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = prepareValue(params[Number(n) - 1]);
    return value === null ? "NULL" : pg.escapeLiteral(value);
  });
}

/** The embedded PGlite says so in its version string. */
async function isEmbedded(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ version: string }>("select version()");
  return rows[0].version.includes("PGlite");
}

export function openStore(options: StoreOptions): Store {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    application_name: options.applicationName,
    max: options.maxConnections ?? 8,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  const statements = options.logStatements ? new StatementLog() : null;
  let embedded: Promise<boolean> | null = null;
  const run = async <Row>(target: pg.Pool | pg.PoolClient, sql: string, params: unknown[]): Promise<Row[]> => {
    statements?.add(sql);
    embedded ??= isEmbedded(pool).catch((error) => {
      embedded = null;
      throw error;
    });
    const result = (await embedded) && params.length ? await target.query(inlineParameters(sql, params)) : await target.query(sql, params);
    return result.rows as Row[];
  };
  return {
    statements,
    query: <Row>(sql: string, params: unknown[] = []) => run<Row>(pool, sql, params),
    async session(fn) {
      const client = await pool.connect();
      try {
        return await fn((sql, params = []) => run(client, sql, params));
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query("select 1");
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * Inserts many rows with one `INSERT ... SELECT FROM unnest(...)` per chunk: one round trip for
 * tens of thousands of rows, on PGlite and on a real server alike. `columns` maps each column to
 * its SQL type; array columns (e.g. `text[]`) take JavaScript arrays.
 */
export async function insertRows(
  store: Store,
  table: string,
  columns: Record<string, string>,
  rows: Record<string, unknown>[],
  chunkSize = 25_000,
): Promise<void> {
  const names = Object.keys(columns);
  const isArray = (name: string) => columns[name].endsWith("[]");
  // unnest cannot take ragged nested arrays: array values travel as array literals and are cast back.
  const params = names.map((name, i) => `$${i + 1}::${isArray(name) ? "text" : columns[name]}[]`).join(", ");
  const selects = names.map((name, i) => (isArray(name) ? `c${i}::${columns[name]}` : `c${i}`)).join(", ");
  const aliases = names.map((_, i) => `c${i}`).join(", ");
  const sql = `insert into ${table} (${names.join(", ")}) select ${selects} from unnest(${params}) as u(${aliases})`;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    await store.query(
      sql,
      names.map((name) => chunk.map((row) => (isArray(name) ? prepareValue(row[name] ?? null) : (row[name] ?? null)))),
    );
  }
}
