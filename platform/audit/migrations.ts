/**
 * The `audit` schema shared by every subgraph: `audit.access_log`, one row per access record,
 * hash-chained per writer process (chain.ts).
 *
 * Tampering is answered three times:
 *   - the writers append as `naeil_audit_writer`, a role that may INSERT into the log and SELECT it,
 *     and nothing else (no UPDATE, DELETE or TRUNCATE: PostgreSQL refuses them with "permission
 *     denied"); the tables stay owned by whoever runs this migration;
 *   - the table is append-only for everyone who cannot disable its triggers: UPDATE, DELETE and
 *     TRUNCATE raise an error (an accidental or application-level change never happens silently);
 *   - whoever can get past both (the table owner, a superuser, someone with the data files) is
 *     caught by the hash chain and the signed chain heads (`audit.chain_head`, checkpoint.ts):
 *     `npm run audit:verify` names the first changed, relinked or missing row, and a chain cut short
 *     or rewritten against its signed head.
 *
 * What is still possible, and for whom:
 *   - with the writer role (a subgraph's own access): append records, true or false, to its own
 *     chain; nothing it wrote can be taken back, and it cannot move a head backwards (trigger);
 *   - with write access to the log (the owner, or triggers off): any change to a row, a deleted row
 *     or a cut tail is reported, since the heads are signed with a key the database never holds;
 *   - as the database superuser (both tables): delete whole chains together with their heads, or cut
 *     a chain back to an older head the attacker saved earlier (a signed head is valid forever);
 *     only the copy of the heads kept outside the database shows that (anchor.ts, `npm run
 *     audit:anchor`, checked by audit:verify), for chains anchored before the cut;
 *   - with the signing key as well: rewrite anything and sign new heads. The key must live apart
 *     from the database's credentials (a secret store, mounted into the writers only).
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
-- The signed head of every chain (checkpoint.ts): written with each row, in the same statement.
create table if not exists audit.chain_head (
  chain_id  text        primary key,
  seq       bigint      not null check (seq >= 1),
  hash      text        not null,
  signature text        not null,
  at        timestamptz not null default now()
);
comment on table audit.chain_head is
  'Signed head of every access_log chain: Ed25519 over (chain_id, seq, hash) with the writers'' key; audit:verify reports a chain that ends before its head or differs from it.';
create or replace function audit.forbid_change() returns trigger language plpgsql as $audit$
begin
  raise exception 'audit.access_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end
$audit$;
create or replace function audit.head_forward_only() returns trigger language plpgsql as $audit$
begin
  if new.chain_id <> old.chain_id or new.seq <= old.seq then
    raise exception 'audit.chain_head only moves forward (chain %, seq % to %)', old.chain_id, old.seq, new.seq using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$audit$;
do $audit$
begin
  if not exists (select 1 from pg_trigger where tgrelid = 'audit.access_log'::regclass and tgname = 'access_log_append_only') then
    create trigger access_log_append_only before update or delete on audit.access_log
      for each row execute function audit.forbid_change();
  end if;
  if not exists (select 1 from pg_trigger where tgrelid = 'audit.chain_head'::regclass and tgname = 'chain_head_forward_only') then
    create trigger chain_head_forward_only before update on audit.chain_head
      for each row execute function audit.head_forward_only();
  end if;
  if not exists (select 1 from pg_trigger where tgrelid = 'audit.chain_head'::regclass and tgname = 'chain_head_kept') then
    create trigger chain_head_kept before delete or truncate on audit.chain_head
      for each statement execute function audit.forbid_change();
  end if;
  if not exists (select 1 from pg_trigger where tgrelid = 'audit.access_log'::regclass and tgname = 'access_log_no_truncate') then
    create trigger access_log_no_truncate before truncate on audit.access_log
      for each statement execute function audit.forbid_change();
  end if;
end
$audit$;
-- The writers' role: INSERT and SELECT, nothing else. Roles belong to the whole server, so two
-- databases migrated at once may race to create it: the loser finds it made.
do $audit$
begin
  if not exists (select 1 from pg_roles where rolname = 'naeil_audit_writer') then
    begin
      create role naeil_audit_writer nologin;
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
  if not pg_has_role(current_user, 'naeil_audit_writer', 'member') then
    execute format('grant naeil_audit_writer to %I', current_user);
  end if;
end
$audit$;
revoke all on audit.access_log, audit.chain_head from public, naeil_audit_writer;
grant usage on schema audit to naeil_audit_writer;
grant select, insert on audit.access_log to naeil_audit_writer;
grant select, insert, update (seq, hash, signature, at) on audit.chain_head to naeil_audit_writer;
`;

/** The role every writer appends as (chain.ts). */
export const AUDIT_WRITER_ROLE = "naeil_audit_writer";

/**
 * Creates the `audit` schema, `audit.access_log`, `audit.chain_head`, their triggers and the
 * writer role with its grants, if they do not exist.
 * Idempotent. One simple-protocol message, so one implicit transaction on one connection: the
 * advisory lock is held until every statement of it has run.
 */
export async function ensureAuditSchema(store: Store): Promise<void> {
  await store.query(AUDIT_SCHEMA_SQL);
}
