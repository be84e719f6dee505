/**
 * The Redis the gateway replicas share (REDIS_URL), through ioredis:
 *   redis://[:password@]host:port[/db]  or rediss:// (TLS)           a single server
 *   redis+sentinel://[:password@]host:port,host:port/<master name>   Sentinel (ioredis `sentinels` + `name`)
 *   redis+cluster://[:password@]host:port,host:port                  Redis Cluster (ioredis Cluster)
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

export interface RedisHost {
  host: string;
  port: number;
}

/** What REDIS_URL names: one server (the URL goes to ioredis as is), a Sentinel group, or a Cluster. */
export type RedisTarget =
  | { kind: "single"; url: string }
  | { kind: "sentinel"; hosts: RedisHost[]; name: string; password?: string }
  | { kind: "cluster"; hosts: RedisHost[]; password?: string };

const FORMS =
  "redis://[:password@]host:port[/db], rediss://[:password@]host:port[/db] (TLS), " +
  "redis+sentinel://[:password@]host:port,host:port[/master name], redis+cluster://[:password@]host:port,host:port";

/** A REDIS_URL refusal. Never quotes the URL: it may hold a password. */
function malformed(problem: string): Error {
  return new Error(`REDIS_URL ${problem}; expected one of: ${FORMS}.`);
}

/** `host[:port]` or `[IPv6][:port]`; ioredis wants IPv6 hosts without the brackets. */
function hostOf(entry: string, position: number, defaultPort: number): RedisHost {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+))(?::(\d{1,5}))?$/.exec(entry);
  const port = match?.[3] === undefined ? defaultPort : Number(match[3]);
  if (!match || port < 1 || port > 65535) throw malformed(`host ${position} of the list is not host:port`);
  return { host: match[1] ?? match[2], port };
}

/**
 * The `[:password@]host:port,host:port` part of a Sentinel or Cluster URL, split by hand: WHATWG
 * `new URL` allows one host only and throws "Invalid URL" on a list.
 */
function serversOf(authority: string, defaultPort: number): { hosts: RedisHost[]; password?: string } {
  const at = authority.lastIndexOf("@");
  const userinfo = at < 0 ? "" : authority.slice(0, at);
  const list = authority.slice(at + 1);
  if (!list) throw malformed("names no host");
  const hosts = list.split(",").map((entry, i) => hostOf(entry, i + 1, defaultPort));
  const colon = userinfo.indexOf(":");
  const password = colon < 0 ? "" : decoded(userinfo.slice(colon + 1), "password");
  return password ? { hosts, password } : { hosts };
}

function decoded(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw malformed(`has a badly percent-encoded ${what}`);
  }
}

/**
 * Parses REDIS_URL (the forms at the top of this file) without connecting. A host without a port
 * gets 6379, or 26379 in a Sentinel list (the Sentinel port); a Sentinel URL without a master name
 * means "mymaster". In these two forms a user name before the password is ignored, as it always was.
 * Throws an error naming the expected forms.
 */
export function parseRedisUrl(url: string): RedisTarget {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/.exec(url);
  if (!match) throw malformed("is not a URL (scheme://...)");
  const [, scheme, authority, path] = match;
  switch (scheme.toLowerCase()) {
    case "redis":
    case "rediss":
      if (!URL.canParse(url)) throw malformed("is not a valid single-server URL (a list of hosts needs redis+sentinel:// or redis+cluster://)");
      return { kind: "single", url };
    case "redis+sentinel": {
      const name = decoded(path.split("/")[1] ?? "", "master name");
      return { kind: "sentinel", ...serversOf(authority, 26379), name: name || "mymaster" };
    }
    case "redis+cluster":
      return { kind: "cluster", ...serversOf(authority, 6379) };
    default:
      throw malformed(`has the unsupported scheme "${scheme}:"`);
  }
}

/** The target as the log names it: the servers, never the password. */
export function describeRedis(target: RedisTarget): string {
  const list = (hosts: RedisHost[]) => hosts.map(({ host, port }) => `${host.includes(":") ? `[${host}]` : host}:${port}`).join(",");
  switch (target.kind) {
    case "single": {
      const { protocol, host } = new URL(target.url);
      return `${protocol}//${host}`;
    }
    case "sentinel":
      return `redis+sentinel://${list(target.hosts)}/${target.name}`;
    case "cluster":
      return `redis+cluster://${list(target.hosts)}`;
  }
}

function clientFor(target: RedisTarget): SharedRedis {
  switch (target.kind) {
    case "single":
      return new Redis(target.url, COMMON);
    case "sentinel":
      return new Redis({ ...COMMON, sentinels: target.hosts, name: target.name, password: target.password });
    case "cluster":
      return new Cluster(target.hosts, { enableOfflineQueue: false, redisOptions: { ...COMMON, password: target.password } });
  }
}

export function connectRedis(url: string, log: (line: string) => void): SharedRedis {
  const target = parseRedisUrl(url);
  const client = clientFor(target);
  let up = false;
  client.on("ready", () => {
    if (!up) log(`redis: connected (${describeRedis(target)})`);
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
