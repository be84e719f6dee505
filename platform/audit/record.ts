/**
 * One access record (PIPA safety-measures standard Art. 8: account, time, address, whose data,
 * action): one per subgraph request, covering every person that request touched, never one per field.
 * Records are hash-chained by `AuditChain` (chain.ts) and checked by `verifyAuditLog` (verify.ts).
 */

import type { Caller } from "../security/caller";
import type { RequestFacts } from "../security/internal-token";
import { organisationOf } from "../security/organisation";

export type AccessOutcome = "ALLOWED" | "DENIED" | "ERROR";

export interface AccessRecord {
  /** When the request was served: ISO 8601 timestamp (e.g. `new Date().toISOString()`). */
  at: string;
  /** The caller's account id (never a name or other personal data). */
  caller: string;
  /** The kind of caller: citizen, counsellor, analyst, partner (or anonymous). */
  audience: string;
  /** The caller's organisation as the person's access log names it (never a person's name). */
  organisation: string;
  /** The account the caller acts for, if any (e.g. a counsellor acting for a citizen). */
  onBehalfOf: string | null;
  /** The declared purpose of the access, if given. */
  purpose: string | null;
  /** Pseudonymous ids of every person whose data the request read (whose data). */
  personIds: string[];
  /** The personal-data fields read, as `Type.field` (e.g. `Person.learningCard`). */
  fields: string[];
  operationName: string | null;
  /** sha256 of the GraphQL document (the query text itself is not kept). */
  documentHash: string;
  /** The client's address as the gateway saw it (address). */
  clientAddress: string | null;
  subgraph: string;
  outcome: AccessOutcome;
  /** The gateway's own id of the request, shared by every subgraph of it (random; never the client's). */
  requestId: string;
  /** The `x-request-id` the client sent, if any: what the client says, untrusted, never a key. */
  clientRequestId?: string | null;
}

/** The response extension in which a subgraph tells the gateway whose data it recorded as read (internal, sealed). */
export const ACCESS_EXTENSION = "naeilAccessRecorded";

/** What a subgraph recorded as read in one answer. */
export interface RecordedAccess {
  personIds: string[];
  fields: string[];
}

/** The content of the `ACCESS_EXTENSION` of a response, sealed to the gateway (security/seal.ts) for one request. */
export interface SealedRecordedAccess extends RecordedAccess {
  requestId: string;
}

/** The gateway opens the extension as the answer arrives. */
export const RECORDED_ACCESS_SEAL_SECONDS = 60;

/** The record of one request by `caller`, written by `writer` (a subgraph, or the gateway's cache). */
export function accessRecord(caller: Caller, request: RequestFacts, writer: string, personIds: Iterable<string>, fields: Iterable<string>, outcome: AccessOutcome): AccessRecord {
  return {
    at: new Date().toISOString(),
    caller: caller.subject ?? "anonymous",
    audience: caller.audience,
    organisation: organisationOf(caller),
    onBehalfOf: caller.audience === "partner" ? (caller.partnerId ?? null) : null,
    purpose: caller.purpose ?? null,
    personIds: [...personIds].sort(),
    fields: [...fields].sort(),
    operationName: request.operationName,
    documentHash: request.documentHash,
    clientAddress: request.clientAddress,
    subgraph: writer,
    outcome,
    requestId: request.requestId,
    clientRequestId: request.clientRequestId ?? null,
  };
}

const OUTCOMES: ReadonlySet<string> = new Set<AccessOutcome>(["ALLOWED", "DENIED", "ERROR"]);
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A copy of the record holding exactly the fields of `AccessRecord`, checked: whatever else the
 * caller's object carries (variables, results...) never reaches the log, and a missing field fails
 * loudly instead of silently vanishing from the JSON. Throws a TypeError naming the field.
 */
export function toStoredRecord(record: AccessRecord): AccessRecord {
  const r = record as unknown as Record<string, unknown>;
  const text = (name: string): string => {
    const value = r[name];
    if (typeof value !== "string" || value.length === 0) throw new TypeError(`AccessRecord.${name} must be a non-empty string`);
    return value;
  };
  const optionalText = (name: string): string | null => {
    const value = r[name];
    if (value === null) return null;
    if (typeof value !== "string") throw new TypeError(`AccessRecord.${name} must be a string or null`);
    return value;
  };
  const texts = (name: string): string[] => {
    const value = r[name];
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw new TypeError(`AccessRecord.${name} must be an array of strings`);
    return [...value];
  };
  const at = text("at");
  if (!ISO_TIMESTAMP.test(at) || Number.isNaN(Date.parse(at))) throw new TypeError(`AccessRecord.at must be an ISO 8601 timestamp, got ${JSON.stringify(at)}`);
  const outcome = text("outcome");
  if (!OUTCOMES.has(outcome)) throw new TypeError(`AccessRecord.outcome must be ALLOWED, DENIED or ERROR, got ${JSON.stringify(outcome)}`);
  return {
    at,
    caller: text("caller"),
    audience: text("audience"),
    organisation: text("organisation"),
    onBehalfOf: optionalText("onBehalfOf"),
    purpose: optionalText("purpose"),
    personIds: texts("personIds"),
    fields: texts("fields"),
    operationName: optionalText("operationName"),
    documentHash: text("documentHash"),
    clientAddress: optionalText("clientAddress"),
    subgraph: text("subgraph"),
    outcome: outcome as AccessOutcome,
    requestId: text("requestId"),
    // Only when the client sent one (undefined is left out of the canonical JSON).
    clientRequestId: (r.clientRequestId === undefined ? null : optionalText("clientRequestId")) ?? undefined,
  };
}

/** The form that is hashed (platform/digest.ts). */
export { canonicalJson } from "../digest";
