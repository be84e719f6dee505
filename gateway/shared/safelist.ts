/**
 * Registered operations (a persisted-query safelist). Front-end teams and partner agencies ship
 * manifests in Apollo's persisted query manifest format
 *   { "format": "apollo-persisted-query-manifest", "version": 1,
 *     "operations": [{ "id": "<sha256 of body>", "name": "...", "type": "query", "body": "..." }] }
 * `npm run persisted:publish -- <manifest.json>...` registers them in Redis, where every replica
 * finds them: the body under the APQ key (so a client may send the hash alone) and the hash in the
 * safelist set. Manifests in persisted-queries/ are read at start too, so the safelist holds even
 * while Redis is away. Partner agencies may run registered operations only.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { GraphQLError } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { Caller } from "../../platform/security/caller";
import type { SharedRedis } from "./redis";
import { sha256Hex as sha256 } from "../../platform/digest";

export interface ManifestOperation {
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  body: string;
}

/** An operation's id: the sha256 of its body, as hex. */
export { sha256 };

export function readManifest(path: string): ManifestOperation[] {
  const manifest = JSON.parse(readFileSync(path, "utf8")) as { format?: string; version?: number; operations?: ManifestOperation[] };
  if (manifest.format !== "apollo-persisted-query-manifest" || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new Error(`${path} is not an Apollo persisted query manifest (format "apollo-persisted-query-manifest", version 1).`);
  }
  for (const operation of manifest.operations) {
    if (sha256(operation.body) !== operation.id) throw new Error(`${path}: operation ${operation.name} has an id that is not the sha256 of its body.`);
  }
  return manifest.operations;
}

export function readManifestDir(dir: string): ManifestOperation[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  return files.flatMap((file) => readManifest(join(dir, file)));
}

export const SAFELIST_KEY = "safelist";

export class Safelist {
  private readonly local: Set<string>;
  constructor(
    operations: ManifestOperation[],
    private readonly redis: SharedRedis | null,
    private readonly prefix: string,
  ) {
    this.local = new Set(operations.map((o) => o.id));
  }

  async has(hash: string): Promise<boolean> {
    if (this.local.has(hash)) return true;
    if (!this.redis) return false;
    try {
      return (await this.redis.sismember(this.prefix + SAFELIST_KEY, hash)) === 1;
    } catch {
      return false; // Redis away: only the manifests read at start count
    }
  }
}

/** Registers operations in Redis: the safelist set, and each body under its APQ key. */
export async function publishOperations(redis: SharedRedis, cache: KeyValueCache<string>, prefix: string, operations: ManifestOperation[]): Promise<void> {
  if (operations.length === 0) return;
  await redis.sadd(prefix + SAFELIST_KEY, ...operations.map((o) => o.id));
  for (const operation of operations) await cache.set(`apq:${operation.id}`, operation.body);
}

export const NOT_REGISTERED_MESSAGE =
  "Partner agencies may run registered operations only, and this one is not registered. Register it with your integration contact (npm run persisted:publish), then send it again.";

const notRegistered = () =>
  new GraphQLError(NOT_REGISTERED_MESSAGE, { extensions: { code: "PERSISTED_QUERY_NOT_ALLOWED", http: { status: 400 } as never } });

/**
 * A partner's unregistered operation gets one answer, PERSISTED_QUERY_NOT_ALLOWED, whatever it
 * holds. Apollo parses and validates every document against the whole graph before any plugin sees
 * the operation, and its errors would tell a field that exists internally from one that does not
 * (or name internal types). So the safelist is checked on the source, before parsing
 * (didResolveSource, after APQ has resolved a hash to its body), and the refusal replaces whatever
 * parsing or validation said. Errors thrown from didResolveSource itself are not request errors in
 * Apollo Server 5 (the pipeline does not catch them: HTTP 500, "Internal server error"), so the
 * refusal is given where errors are: didResolveOperation, or in place of the parse or validation errors.
 */
export function safelistPlugin<Context extends object>(safelist: Safelist, callerOf: (context: Context) => Caller): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      if (callerOf(contextValue).audience !== "partner") return;
      let refused = false;
      return {
        async didResolveSource({ queryHash }) {
          refused = !(await safelist.has(queryHash));
        },
        async didResolveOperation() {
          if (refused) throw notRegistered();
        },
        async didEncounterErrors({ errors }) {
          // Synchronously, before the errors are formatted (and before the later plugins read them):
          // the array is the one Apollo answers with.
          if (!refused || (errors.length === 1 && errors[0].extensions?.code === "PERSISTED_QUERY_NOT_ALLOWED" && errors[0].message === NOT_REGISTERED_MESSAGE)) return;
          (errors as GraphQLError[]).splice(0, errors.length, notRegistered());
        },
        async willSendResponse({ response }) {
          // The same refusal, should a future Apollo Server format a copy of the errors.
          if (!refused || response.body.kind !== "single") return;
          const { singleResult } = response.body;
          const answered = singleResult.data === undefined && singleResult.errors?.length === 1 && singleResult.errors[0].message === NOT_REGISTERED_MESSAGE;
          if (answered) return;
          response.body.singleResult = { errors: [{ message: NOT_REGISTERED_MESSAGE, extensions: { code: "PERSISTED_QUERY_NOT_ALLOWED" } }] };
          response.http.status = 400;
        },
      };
    },
  };
}
