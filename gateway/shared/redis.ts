/**
 * The Redis the gateway replicas share (REDIS_URL), through ioredis:
 *   redis://[:password@]host:port[/db]  or rediss:// (TLS)       a single server
 *   redis+sentinel://host:port,host:port/<master name>            Sentinel (ioredis `sentinels` + `name`)
 *   redis+cluster://host:port,host:port                           Redis Cluster (ioredis Cluster)
 * Commands fail fast while Redis is away (no offline queue, one try): every user of it treats a
 * failure as "not shared right now" and carries on (caches miss, rate limits fall back to the
 * replica's own memory), so a Redis outage never stops requests.
 */
import { Redis, Cluster, type RedisOptions } from "ioredis";

export type SharedRedis = Redis | Cluster;

const COMMON: RedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2_000,
  commandTimeout: 500,
  // Keep trying to come back, at most every 2 s.
  retryStrategy: (times) => Math.min(times * 200, 2_000),
};

function hosts(list: string): { host: string; port: number }[] {
  return list.split(",").map((entry) => {
    const [host, port] = entry.split(":");
    return { host, port: Number(port || 6379) };
  });
}

export function connectRedis(url: string, log: (line: string) => void): SharedRedis {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  let client: SharedRedis;
  if (parsed.protocol === "redis+sentinel:") {
    const [, name] = parsed.pathname.split("/");
    client = new Redis({ ...COMMON, sentinels: hosts(parsed.host), name: name || "mymaster", password });
  } else if (parsed.protocol === "redis+cluster:") {
    client = new Cluster(hosts(parsed.host), { enableOfflineQueue: false, redisOptions: { ...COMMON, password } });
  } else {
    client = new Redis(url, COMMON);
  }
  let up = false;
  client.on("ready", () => {
    if (!up) log(`redis: connected (${parsed.protocol}//${parsed.host})`);
    up = true;
  });
  client.on("error", (error) => {
    if (up) log(`redis: unavailable (${error.message}); caches bypassed, rate limits per replica until it returns`);
    up = false;
  });
  return client;
}

export function isRedisUp(client: SharedRedis | null): boolean {
  return client?.status === "ready";
}
