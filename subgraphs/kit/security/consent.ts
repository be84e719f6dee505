/**
 * Consents (PIPA Art. 17: a third party receives personal data only with the person's consent, given
 * for a stated recipient, purpose, items and period). A citizen grants a partner agency access to
 * some programs' data for one purpose until a date, and may revoke it at any time; every subgraph
 * checks it on every partner access (no cache: a revocation takes effect at once).
 *
 * Kept in the access store (ACCESS_DATABASE_URL, default DATABASE_URL) beside the access log: the
 * consents concern every program, so no single program owns them.
 */
import { randomUUID } from "node:crypto";
import type { Store } from "../../../platform/store";
import { rowsByKey } from "../loaders";
import { todayInKorea } from "../../../platform/dates";

const CONSENT_SCHEMA_SQL = `
select pg_advisory_xact_lock(hashtext('naeil-graph consent schema'));
create schema if not exists consent;
create table if not exists consent.grants (
  id          text        primary key,
  person_id   text        not null,
  partner_id  text        not null,
  purpose     text        not null,
  scopes      text[]      not null,
  granted_at  timestamptz not null default now(),
  expires_on  date        not null,
  revoked_at  timestamptz
);
create index if not exists grants_person on consent.grants (person_id);
comment on table consent.grants is 'Consents of citizens to partner agencies (PIPA Art. 17): recipient, purpose, scopes (programs) and period.';
`;

export async function ensureConsentSchema(store: Store): Promise<void> {
  await store.query(CONSENT_SCHEMA_SQL);
}

export interface ConsentRow {
  id: string;
  person_id: string;
  partner_id: string;
  purpose: string;
  scopes: string[];
  granted_at: Date;
  expires_on: string;
  revoked_at: Date | null;
}

export const isActive = (row: ConsentRow, today = todayInKorea()) => row.revoked_at === null && row.expires_on >= today;

/** Every consent a person ever gave, newest first (active, expired and revoked). */
export function consentsOf(store: Store, personId: string): Promise<ConsentRow[]> {
  return store.query<ConsentRow>("select * from consent.grants where person_id = $1 order by granted_at desc, id", [personId]);
}

export async function grantConsent(
  store: Store,
  personId: string,
  consent: { partnerId: string; purpose: string; scopes: string[]; expiresOn: string },
): Promise<ConsentRow> {
  const [row] = await store.query<ConsentRow>(
    "insert into consent.grants (id, person_id, partner_id, purpose, scopes, expires_on) values ($1, $2, $3, $4, $5, $6) returning *",
    [`C-${randomUUID()}`, personId, consent.partnerId, consent.purpose, consent.scopes, consent.expiresOn],
  );
  return row;
}

/** Revokes one of the person's consents; null when the person has no consent with that id. */
export async function revokeConsent(store: Store, personId: string, id: string): Promise<ConsentRow | null> {
  const [row] = await store.query<ConsentRow>(
    "update consent.grants set revoked_at = coalesce(revoked_at, now()) where id = $1 and person_id = $2 returning *",
    [id, personId],
  );
  return row ?? null;
}

/** Per request: the active consents of each person (one statement per batch). */
export const activeConsentsByPerson = rowsByKey<ConsentRow>(
  "activeConsentsByPerson",
  "select * from consent.grants where person_id = any($1) and revoked_at is null and expires_on >= (now() at time zone 'Asia/Seoul')::date",
  "person_id",
);
