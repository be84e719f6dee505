/**
 * Who may introspect what (`INTROSPECTION`):
 *   on (default)   signed-in citizens, counsellors and analysts: the API schema (schema/api.graphql);
 *                  partners: their contract (schema/partner.graphql, introspection.ts);
 *                  anonymous callers: the public part, the fields they may use without a token.
 *   signed-in      as on, but anonymous callers may not introspect at all.
 *   off            nobody (the default when NODE_ENV=production); the checked-in schema files remain.
 * What a caller can introspect is what it can use: the public part is the API schema less every
 * field whose @authenticated, @requiresScopes or @policy requirement an anonymous caller does not
 * meet (the same test the gateway enforces), pruned of what nothing reaches any more.
 */
import { GraphQLError, execute, type GraphQLSchema } from "graphql";
import { MapperKind, mapSchema, pruneSchema } from "@graphql-tools/utils";
import type { GatewayExecutor } from "@apollo/server-gateway-interface";
import { anonymousCaller, type Caller } from "../../platform/security/caller";
import { grantsOf, refusal } from "../authorization/grants";
import type { Requirements } from "../authorization/requirements";
import { rootSelection } from "./introspection";

export type IntrospectionPolicy = "on" | "signed-in" | "off";

export function introspectionPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): IntrospectionPolicy {
  const value = env.INTROSPECTION ?? (env.NODE_ENV === "production" ? "off" : "on");
  if (value !== "on" && value !== "signed-in" && value !== "off") throw new Error(`INTROSPECTION must be on, signed-in or off (got "${value}")`);
  return value;
}

/** The API schema less every field an anonymous caller may not use (the authorizing executor's own test). */
export function publicSchema(apiSchema: GraphQLSchema, requirements: Requirements): GraphQLSchema {
  const anonymous = grantsOf(anonymousCaller());
  const open = (typeName: string, fieldName: string) => {
    const requirement = requirements.get(`${typeName}.${fieldName}`);
    return !requirement || refusal(requirement, anonymous) === null;
  };
  return pruneSchema(
    mapSchema(apiSchema, {
      [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => (open(typeName, fieldName) ? config : null),
      [MapperKind.INTERFACE_FIELD]: (config, fieldName, typeName) => (open(typeName, fieldName) ? config : null),
    }),
  );
}

const refused = (message: string) => new GraphQLError(message, { extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } as never } });

export const ANONYMOUS_INTROSPECTION_REFUSED = "Introspection needs a token here: sign in (or read schema/api.graphql).";
export const MIXED_INTROSPECTION =
  "Without a token, __schema and __type are answered from the public part of the schema, in an operation of their own: introspect in one operation and ask for data in another.";

/**
 * Anonymous introspection answered from the public part (or refused under `signed-in`); signed-in
 * callers go on to the API schema, partners to their contract (the executor this one wraps).
 */
export function anonymousIntrospection(execute_: GatewayExecutor, policy: IntrospectionPolicy, schema: () => GraphQLSchema, callerOf: (context: unknown) => Caller): GatewayExecutor {
  return async (requestContext) => {
    const { operation, document } = requestContext;
    if (callerOf(requestContext.context).audience !== "anonymous" || !operation || !document) return execute_(requestContext);
    const { introspects, data } = rootSelection(operation, document);
    if (!introspects) return execute_(requestContext);
    if (policy !== "on") return { errors: [refused(ANONYMOUS_INTROSPECTION_REFUSED)] };
    if (data) return { errors: [refused(MIXED_INTROSPECTION)] };
    const result = await execute({ schema: schema(), document, operationName: requestContext.request.operationName, variableValues: requestContext.request.variables });
    return { data: result.data as Record<string, unknown> | null | undefined, errors: result.errors };
  };
}
