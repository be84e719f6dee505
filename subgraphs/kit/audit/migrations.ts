/**
 * The `audit` schema shared by every subgraph: `audit.access_log`, one row per access record,
 * hash-chained per writer process (chain.ts).
 *
 * Tampering is answered twice:
 *   - the table is append-only for everyone who cannot disable its triggers: UPDATE, DELETE and
 *     TRUNCATE raise an error (an accidental or application-level change never happens silently);
 *   - whoever can get past that (the table owner, a superuser, someone with the data files) is
 *     caught by the hash chain: `npm run audit:verify` names the first changed, relinked or missing row.
 *
 * Retention (>= 2 years) is by construction: nothing here deletes. A purge of rows older than the
 * retention period would have to remove whole chains from their first row (see verify.ts).
 */
import type { Store } from "../store";

/** Every subgraph runs this at start; the advisory lock keeps concurrent starts from racing. */
const AUDIT_SCHEMA_SQL = `
select pg_advisory_xact_lock(hashtext('naeil-graph audit schema'));
create schema if not exists audit;
create table if not exists audit.access_log (
  chain_id  text   not null,
  seq       bigint not null check (seq >= 1),
  prev_hash text   not null,
  hash      text   not null,
  record    jsonb  not null,
  primary key (chain_id, seq)
);
-- A citizen's access log (Person.accessLog) reads the records that name them.
create index if not exists access_log_person_ids on audit.access_log using gin ((record->'personIds'));
comment on table audit.access_log is
  'Access records (PIPA safety-measures standard Art. 8), append-only, hash-chained per writer: hash = sha256 of prev_hash, a newline and the canonical JSON of record. Check with npm run audit:verify.';
create or replace function audit.forbid_change() returns trigger language plpgsql as $audit$
begin
  raise exception 'audit.access_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end
$audit$;
do $audit$
begin
  if not exists (select 1 from pg_trigger where tgrelid = 'audit.access_log'::regclass and tgname = 'access_log_append_only') then
    create trigger access_log_append_only before update or delete on audit.access_log
      for each row execute function audit.forbid_change();
  end if;
  if not exists (select 1 from pg_trigger where tgrelid = 'audit.access_log'::regclass and tgname = 'access_log_no_truncate') then
    create trigger access_log_no_truncate before truncate on audit.access_log
      for each statement execute function audit.forbid_change();
  end if;
end
$audit$;
`;

/**
 * Creates the `audit` schema, `audit.access_log` and its append-only triggers if they do not exist.
 * Idempotent. One simple-protocol message, so one implicit transaction on one connection: the
 * advisory lock is held until every statement of it has run.
 */
export async function ensureAuditSchema(store: Store): Promise<void> {
  await store.query(AUDIT_SCHEMA_SQL);
}
