/**
 * Redis for a test or benchmark run: whether one answers, and deleting the run's keys (everything
 * under its key prefix) when the run ends. Shared by tests/setup/stack.ts and bench/stack.ts.
 */
import { Redis } from "ioredis";

/** Null if Redis at `url` answers PING within a second, else why not. */
export async function redisProblem(url: string): Promise<Error | null> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000, retryStrategy: () => null });
  try {
    await probe.connect();
    await probe.ping();
    return null;
  } catch (error) {
    return error as Error;
  } finally {
    probe.disconnect();
  }
}

/** Deletes every key under `prefix` (SCAN, so a large Redis is not blocked). */
export async function dropKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
