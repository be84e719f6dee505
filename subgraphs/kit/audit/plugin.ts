/**
 * The access log, written by every subgraph: one record per request that touched a person's data
 * (never one per field), appended to the hash chain before the answer leaves. No audit record, no
 * data: if the write fails, the answer's data is withheld and AUDIT_UNAVAILABLE returned instead.
 *
 * What was read is collected as the fields resolve: every field of a Person (its id tells whose).
 * The answer tells the gateway what was recorded (extension `ACCESS_EXTENSION`, never passed on to
 * the client), so that the gateway's personal cache can record a reuse of it alike.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { SubgraphContext } from "../context";
import { PERSON_ID } from "../synthetic/person";
import { auditUnavailable } from "../security/errors";
import type { AuditChain } from "./chain";
import { ACCESS_EXTENSION, accessRecord, type AccessOutcome, type AccessRecord } from "./record";

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
              if (typeof id === "string" && PERSON_ID.test(id)) contextValue.access.read(id, `Person.${info.fieldName}`);
            },
          };
        },
        async willSendResponse({ contextValue: ctx, response }) {
          if (!ctx.access.touched) return;
          const records: AccessRecord[] = [];
          if (ctx.access.personIds.size || ctx.access.aggregate) records.push(recordOf(ctx, ctx.access.personIds, ctx.access.fields, "ALLOWED"));
          if (ctx.access.denied.size) records.push(recordOf(ctx, ctx.access.denied, ctx.access.fields, "DENIED"));
          try {
            for (const record of records) await chain.append(record);
            // What was recorded, for the gateway: a reuse of this answer from its cache must record the same.
            if (response.body.kind === "single" && ctx.access.personIds.size) {
              const result = response.body.singleResult;
              result.extensions = { ...result.extensions, [ACCESS_EXTENSION]: { personIds: records[0].personIds, fields: records[0].fields } };
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
