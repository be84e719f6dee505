/**
 * The personal cache: an answer holding a person's data, reused only by the same caller (citizen,
 * counsellor, analyst: the same account with the same rights), for at most the subgraphs' hint
 * (`PERSONAL_DATA`, 30 s) and never for a partner agency, whose every access must be checked against
 * the citizen's consent (PIPA Art. 17).
 *
 * No audit record, no data, also for a reuse: the subgraphs tell the gateway whose data each answer
 * recorded as read (subgraphs/kit/audit/plugin.ts), the entry keeps it, and every hit appends its own
 * access record (writer `gateway-cache`) before the data leaves; if that write fails the caller gets
 * AUDIT_UNAVAILABLE, as from the subgraphs. The citizen's data tracker lists the reuse like any access.
 *
 * Entries are sealed (sealed-value.ts) and keyed by sha256 of (caller, document, operation,
 * variables). Invalidation: every successful mutation changes the cache generation, and an entry
 * of another generation is a miss, on every replica at once. Consents and the access log carry no
 * hint and are never cached, so a revoked consent and a new access show at once. Clients get
 * `Cache-Control: no-store` on a person's data, cache on or off (no-store.ts).
 */
import { randomUUID } from "node:crypto";
import { canonicalJson, sha256Hex as sha256 } from "../../platform/digest";
import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { DocumentNode, OperationDefinitionNode } from "graphql";
import type { GatewayContext } from "../context";
import { accessRecord } from "../../platform/audit/record";
import { auditUnavailable } from "../../platform/security/errors";
import type { Audience } from "../../platform/security/caller";
import { loadSealer, type Sealer } from "./sealed-value";
import type { GatewayConfig } from "../config";
import { openStore } from "../../platform/store";
import { AuditChain as Chain } from "../../platform/audit/chain";
import { checkpointSigner } from "../../platform/audit/checkpoint";

/** Who may reuse their own answers. Partners never: consent is checked on every access. */
export const PERSONAL_CACHE_AUDIENCES: ReadonlySet<Audience> = new Set(["citizen", "counsellor", "analyst"]);
/** The access log's writer for reuses (its chains are `gateway-cache:<uuid>`). */
export const CACHE_WRITER = "gateway-cache";
const GENERATION_KEY = "pc:generation";

interface Entry {
  generation: string;
  data: Record<string, unknown>;
  personIds: string[];
  fields: string[];
  storedAt: number;
  ttl: number;
}

export interface PersonalCacheOptions {
  cache: KeyValueCache<string>;
  sealer: Sealer;
  /** The gateway's own chain of the access log. */
  chain: Chain;
  /** Upper bound of an entry's life, whatever the hints say. */
  maxAgeSeconds: number;
  /** Whether an operation reads a person's data (a protected root field). */
  isPersonal(document: DocumentNode, operation: OperationDefinitionNode): boolean;
  count(result: "hit" | "miss"): void;
  log(message: string): void;
}


export function personalCachePlugin(options: PersonalCacheOptions): ApolloServerPlugin<GatewayContext> {
  const { cache, sealer, chain } = options;
  return {
    async requestDidStart() {
      let key: string | null = null;
      let generation = "0";
      let hit = false;
      return {
        async responseForOperation({ operation, document, contextValue, request: { variables }, queryHash, operationName, overallCachePolicy, metrics }) {
          const caller = contextValue.caller;
          if (operation.operation !== "query" || !PERSONAL_CACHE_AUDIENCES.has(caller.audience) || !options.isPersonal(document, operation)) return null;
          key = `pc:${sha256([canonicalJson(caller), queryHash, operationName ?? "", canonicalJson(variables ?? {})].join("\n"))}`;
          const [sealed, current] = await Promise.all([cache.get(key), cache.get(GENERATION_KEY)]);
          generation = current ?? "0";
          const text = sealed === undefined ? null : sealer.open(sealed);
          const entry = text ? (JSON.parse(text) as Entry) : null;
          if (!entry || entry.generation !== generation) return null;
          hit = true;
          metrics.responseCacheHit = true;
          const age = Math.max(0, Math.floor((Date.now() - entry.storedAt) / 1000));
          overallCachePolicy.replace({ maxAge: Math.max(1, entry.ttl - age), scope: "PRIVATE" });
          const http = { status: undefined, headers: new HeaderMap([["age", String(age)]]) };
          try {
            // The operation name as resolved from the document, as the subgraphs record it.
            const request = { ...contextValue.facts, operationName: operationName ?? contextValue.facts.operationName };
            await chain.append(accessRecord(caller, request, CACHE_WRITER, entry.personIds, entry.fields, "ALLOWED"));
          } catch (error) {
            options.log(`request ${contextValue.requestId}: access record of a cache reuse not written (${(error as Error).message}); personal data withheld`);
            return { http, body: { kind: "single", singleResult: { data: null, errors: [auditUnavailable().toJSON()] } } };
          }
          options.count("hit");
          return { http, body: { kind: "single", singleResult: { data: entry.data } } };
        },

        async willSendResponse({ operation, response, overallCachePolicy, contextValue }) {
          if (response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          // Clients are told not to keep it (no-store.ts).
          const policy = overallCachePolicy.policyIfCacheable();
          if (operation?.operation === "mutation" && data && !errors) {
            await cache.set(GENERATION_KEY, randomUUID()).catch((error: Error) => options.log(`cache generation not changed after a mutation (${error.message}): entries expire within ${options.maxAgeSeconds} s`));
            return;
          }
          if (!key || hit) return;
          options.count("miss");
          if (errors || !data || policy?.scope !== "PRIVATE") return;
          const ttl = Math.min(policy.maxAge, options.maxAgeSeconds);
          const entry: Entry = { generation, data, personIds: [...contextValue.accessed.personIds].sort(), fields: [...contextValue.accessed.fields].sort(), storedAt: Date.now(), ttl };
          await cache.set(key, sealer.seal(JSON.stringify(entry)), { ttl }).catch(() => undefined); // Redis away: not kept, nothing lost
        },
      };
    },
  };
}

/**
 * The personal cache as configured: off without an access store to record reuses in, with
 * PERSONAL_CACHE_SECONDS=0, or with security off (nothing is recorded then, so nothing may be reused).
 */
export async function startPersonalCache(
  config: GatewayConfig,
  insecure: boolean,
  cache: KeyValueCache<string>,
  log: { info(message: string): void; warn(message: string): void },
  hooks: Pick<PersonalCacheOptions, "isPersonal" | "count">,
): Promise<{ plugin: ApolloServerPlugin<GatewayContext>; close(): Promise<void> } | null> {
  if (insecure || config.personalCacheSeconds <= 0 || !config.accessDatabaseUrl) {
    log.info(`personal cache off (${insecure ? "security off" : config.personalCacheSeconds <= 0 ? "PERSONAL_CACHE_SECONDS=0" : "no ACCESS_DATABASE_URL or DATABASE_URL to record reuses in"}): every request for a person's data reaches the subgraphs`);
    return null;
  }
  // Its own small pool: the access log's writes must not wait behind anything else.
  const store = openStore({ connectionString: config.accessDatabaseUrl, applicationName: "naeil-gateway-access", maxConnections: 4 });
  const chain = new Chain(store, CACHE_WRITER, await checkpointSigner());
  const plugin = personalCachePlugin({ cache, sealer: await loadSealer(), chain, maxAgeSeconds: config.personalCacheSeconds, log: (message) => log.warn(message), ...hooks });
  log.info(`personal cache on: a caller's own answers reused for up to ${config.personalCacheSeconds} s, each reuse recorded in the access log`);
  return {
    plugin,
    async close() {
      await chain.flush();
      await store.close();
    },
  };
}
