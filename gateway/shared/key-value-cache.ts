/**
 * Apollo's KeyValueCache (what APQ and the response cache store into) over ioredis, so every
 * replica shares one. Apollo ships the interface and adapters for Keyv, not for ioredis: this is the
 * 20 lines between them. Wrapped by `sharedCache` in ErrorsAreMissesCache: with Redis away a read
 * is a miss and a write is dropped, and the request goes on.
 */
import { ErrorsAreMissesCache, InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import type { SharedRedis } from "./redis";

export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: SharedRedis,
    private readonly prefix = "naeil:",
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = options?.ttl;
    if (typeof ttl === "number" && ttl > 0) await this.redis.set(this.prefix + key, value, "EX", Math.ceil(ttl));
    else await this.redis.set(this.prefix + key, value);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(this.prefix + key)) > 0;
  }
}

/** The cache replicas share: Redis when configured (errors are misses), else this replica's memory. */
export function sharedCache(redis: SharedRedis | null, prefix: string): KeyValueCache<string> {
  if (!redis) return new InMemoryLRUCache<string>({ maxSize: 64 * 1024 * 1024 });
  return new ErrorsAreMissesCache(new RedisKeyValueCache(redis, prefix));
}
