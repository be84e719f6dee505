/**
 * `npm run persisted:publish -- [manifest.json ...]`: registers operations (Apollo persisted query
 * manifests; default: every manifest in persisted-queries/) in the Redis every gateway replica
 * shares (REDIS_URL, REDIS_KEY_PREFIX): partner agencies may then run them, and any client may send
 * them by hash alone. Prints what it registered; exit 1 on a bad manifest, 2 without Redis.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { DEFAULT_PERSISTED_QUERIES_DIR } from "../gateway/config";
import { publishOperations, readManifest } from "../gateway/shared/safelist";
import { RedisKeyValueCache } from "../gateway/shared/key-value-cache";

const url = process.env.REDIS_URL;
if (!url) {
  console.error("persisted:publish needs REDIS_URL (the Redis the gateway replicas share). Without Redis, put the manifest in persisted-queries/ and restart the gateway.");
  process.exit(2);
}
const prefix = process.env.REDIS_KEY_PREFIX ?? "naeil:";
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(DEFAULT_PERSISTED_QUERIES_DIR).filter((f) => f.endsWith(".json")).map((f) => join(DEFAULT_PERSISTED_QUERIES_DIR, f));

let operations;
try {
  operations = files.flatMap((file) => readManifest(file));
} catch (error) {
  console.error(`persisted:publish: ${(error as Error).message}`);
  process.exit(1);
}
const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 3000 });
try {
  await publishOperations(redis, new RedisKeyValueCache(redis, prefix), prefix, operations);
  for (const operation of operations) console.log(`registered ${operation.name} ${operation.id}`);
  console.log(`${operations.length} operations from ${files.length} manifest(s) registered in ${new URL(url).host} under ${prefix}`);
} catch (error) {
  console.error(`persisted:publish could not write to Redis: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  redis.disconnect();
}
