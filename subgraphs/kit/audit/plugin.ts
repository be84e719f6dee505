/**
 * The access log, written by every subgraph: one record per request that touched a person's data
 * (never one per field), appended to the hash chain before the answer leaves. No audit record, no
 * data: if the write fails, the answer's data is withheld and AUDIT_UNAVAILABLE returned instead.
 *
 * What was read is collected as the fields resolve: every field of a Person (its id tells whose),
 * counted once its resolver has succeeded, so a field a row rule refused is recorded as DENIED
 * only, never as read. `id` and `__typename` are not counted here: people records `Person.id` for
 * every person it hands out (person, me, persons, entity references), so an answer naming nobody
 * but ids still leaves a record, and a read that only learns that a person exists is refused
 * like any other when the access log cannot be written.
 * The answer tells the gateway what was recorded (extension `ACCESS_EXTENSION`, never passed on to
 * the client), so that the gateway's personal cache can record a reuse of it alike. It is sealed to
 * the gateway (RECORDED_ACCESS_KEY, with the request id): whoever else reads the answer, such as a
 * caller holding an internal token at a subgraph's port, reads no person id from it.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { SubgraphContext } from "../context";
import { PERSON_ID } from "../../../platform/reference/person-id";
import { auditUnavailable } from "../../../platform/security/errors";
import type { AuditChain } from "../../../platform/audit/chain";
import { ACCESS_EXTENSION, RECORDED_ACCESS_SEAL_SECONDS, accessRecord, type AccessOutcome, type AccessRecord, type SealedRecordedAccess } from "../../../platform/audit/record";

function recordOf(ctx: SubgraphContext, personIds: Iterable<string>, fields: Iterable<string>, outcome: AccessOutcome): AccessRecord {
  return accessRecord(ctx.caller, ctx.request, ctx.subgraph, personIds, fields, outcome);
}

export function accessLogPlugin(chain: AuditChain, log: (line: string) => void): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ source, info, contextValue }) {
              if (info.parentType.name !== "Person" || info.fieldName === "id" || info.fieldName === "__typename") return;
              const id = (source as { id?: unknown } | null)?.id;
              if (typeof id !== "string" || !PERSON_ID.test(id)) return;
              const field = `Person.${info.fieldName}`;
              return (error: Error | null) => {
                if (!error) contextValue.access.read(id, field);
                else if (contextValue.access.denied.has(id)) contextValue.access.deny(id, field);
              };
            },
          };
        },
        async willSendResponse({ contextValue: ctx, response }) {
          if (!ctx.access.touched) return;
          const records: AccessRecord[] = [];
          if (ctx.access.personIds.size || ctx.access.aggregate) records.push(recordOf(ctx, ctx.access.personIds, ctx.access.fields, "ALLOWED"));
          if (ctx.access.denied.size) records.push(recordOf(ctx, ctx.access.denied, ctx.access.deniedFields, "DENIED"));
          try {
            for (const record of records) await chain.append(record);
            // What was recorded, for the gateway: a reuse of this answer from its cache must record the same.
            if (response.body.kind === "single" && ctx.access.personIds.size) {
              const result = response.body.singleResult;
              const recorded: SealedRecordedAccess = { requestId: ctx.requestId, personIds: records[0].personIds, fields: records[0].fields };
              result.extensions = { ...result.extensions, [ACCESS_EXTENSION]: ctx.security.recordedAccess.seal(recorded, RECORDED_ACCESS_SEAL_SECONDS) };
            }
          } catch (error) {
            log(`request ${ctx.requestId}: access record not written (${(error as Error).message}); personal data withheld`);
            if (response.body.kind === "single") {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [auditUnavailable()];
            }
          }
        },
      };
    },
  };
}
