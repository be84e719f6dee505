/**
 * REDIS_URL parsing (gateway/shared/redis.ts): the four documented forms, including the
 * comma-separated host lists WHATWG `new URL` rejects. Pure: nothing connects to a Redis.
 */
import { describe, expect, it } from "vitest";
import { describeRedis, parseRedisUrl } from "../../gateway/shared/redis";

/** The error parseRedisUrl throws for `url` (fails the test when it does not throw). */
function refusal(url: string): Error {
  try {
    parseRedisUrl(url);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`parseRedisUrl accepted ${url}`);
}

describe("parseRedisUrl: a single server", () => {
  it("redis:// with a password and a db is passed through to ioredis as is", () => {
    const url = "redis://:s3cret@cache.internal:6380/2";
    expect(parseRedisUrl(url)).toEqual({ kind: "single", url });
  });

  it("rediss:// (TLS)", () => {
    const url = "rediss://cache.example.com:6380";
    expect(parseRedisUrl(url)).toEqual({ kind: "single", url });
  });
});

describe("parseRedisUrl: Sentinel", () => {
  it("hosts and master name, no password", () => {
    expect(parseRedisUrl("redis+sentinel://s1.internal:26379,s2.internal:26380,10.0.0.3:26381/orders")).toStrictEqual({
      kind: "sentinel",
      hosts: [
        { host: "s1.internal", port: 26379 },
        { host: "s2.internal", port: 26380 },
        { host: "10.0.0.3", port: 26381 },
      ],
      name: "orders",
    });
  });

  it("a percent-encoded password", () => {
    expect(parseRedisUrl("redis+sentinel://:p%40ss%2Fw0rd@s1:26379,s2:26379/orders")).toStrictEqual({
      kind: "sentinel",
      hosts: [
        { host: "s1", port: 26379 },
        { host: "s2", port: 26379 },
      ],
      name: "orders",
      password: "p@ss/w0rd",
    });
  });

  it('no master name: "mymaster"; no port: the Sentinel port 26379; IPv6 in brackets', () => {
    for (const url of ["redis+sentinel://s1,[::1]:26380", "redis+sentinel://s1,[::1]:26380/"]) {
      expect(parseRedisUrl(url)).toStrictEqual({
        kind: "sentinel",
        hosts: [
          { host: "s1", port: 26379 },
          { host: "::1", port: 26380 },
        ],
        name: "mymaster",
      });
    }
  });
});

describe("parseRedisUrl: Cluster", () => {
  it("three hosts", () => {
    expect(parseRedisUrl("redis+cluster://n1:7000,n2:7001,n3:7002")).toStrictEqual({
      kind: "cluster",
      hosts: [
        { host: "n1", port: 7000 },
        { host: "n2", port: 7001 },
        { host: "n3", port: 7002 },
      ],
    });
  });

  it("three hosts with a password; a host without a port gets 6379", () => {
    expect(parseRedisUrl("redis+cluster://:pw@n1:7000,n2,n3:7002")).toStrictEqual({
      kind: "cluster",
      hosts: [
        { host: "n1", port: 7000 },
        { host: "n2", port: 6379 },
        { host: "n3", port: 7002 },
      ],
      password: "pw",
    });
  });
});

describe("parseRedisUrl: malformed", () => {
  it("a clear error naming the expected forms, never echoing the password", () => {
    for (const url of [
      "cache.internal:6379",
      "http://cache.internal:6379",
      "redis://:hunter2@n1:7000,n2:7001",
      "redis+sentinel://",
      "redis+sentinel://:hunter2@/orders",
      "redis+cluster://:hunter2@n1:7000,,n3:7002",
      "redis+cluster://:hunter2@n1:port,n2:7001",
      "redis+cluster://:hunter2@n1:70000",
      "redis+cluster://:hunter2@::1:7000",
      "redis+cluster://:%E0%A4%A@n1:7000",
    ]) {
      const error = refusal(url);
      expect(error.message, url).toMatch(/^REDIS_URL /);
      for (const form of ["redis://", "rediss://", "redis+sentinel://", "redis+cluster://"]) expect(error.message, url).toContain(form);
      expect(error.message, url).not.toContain("hunter2");
    }
  });

  it("a list of hosts under redis:// points to redis+sentinel:// or redis+cluster://", () => {
    expect(refusal("redis://n1:7000,n2:7001").message).toMatch(/list of hosts needs redis\+sentinel:\/\/ or redis\+cluster:\/\//);
  });
});

describe("describeRedis (the log line)", () => {
  it("names the servers, never the password", () => {
    expect(describeRedis(parseRedisUrl("redis://:s3cret@cache.internal:6380/2"))).toBe("redis://cache.internal:6380");
    expect(describeRedis(parseRedisUrl("redis+sentinel://:s3cret@s1:26379,[::1]:26380/orders"))).toBe("redis+sentinel://s1:26379,[::1]:26380/orders");
    expect(describeRedis(parseRedisUrl("redis+cluster://:s3cret@n1:7000,n2:7001,n3:7002"))).toBe("redis+cluster://n1:7000,n2:7001,n3:7002");
  });
});
