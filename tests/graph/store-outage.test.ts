/**
 * One program's database going away: that program's fields are null with STORE_UNAVAILABLE (no SQL,
 * no detail), the rest of the answer is complete, the subgraph's /ready says 503 and the gateway's
 * says degraded; when the database is back, so are the answers.
 *
 * The learning-card subgraph runs here on its own (as `npm run start:subgraph` runs it), reaching
 * the suite's database through a TCP relay the test can cut; its access log goes straight to the
 * access store, so only the program's data is lost. A gateway of the test's own sends it the
 * learning-card fields, and every other field to the suite's subgraphs.
 */
import { createServer, connect, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startGateway, type RunningGateway } from "../../gateway/server";
import { gatewayConfigFromEnv } from "../../gateway/config";
import { freePort } from "../../scripts/stack";
import { loadSubgraph, SUBGRAPH_NAMES } from "../../subgraphs";
import { startSubgraph, type RunningSubgraph } from "../../subgraphs/kit/server";
import { graphql, skipReason, type As } from "../setup/graphql";
import { personInAllPrograms } from "../setup/population";

/** A TCP relay to the database that can be cut (every connection dropped, new ones refused) and restored. */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  constructor(readonly port: number, private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(this.port, "127.0.0.1", resolve));
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

const run = Date.now().toString(36);
let relay: Relay;
let learningCard: RunningSubgraph | undefined;
let gateway: RunningGateway | undefined;

describe.skipIf(skipReason())("a program's database down", () => {
  const own = () => personInAllPrograms(inject("testPersons"));
  const counsellor = (): As => ({ role: "counsellor", sub: `outage-${run}`, centers: [own().p.centerId] });
  const query = `query Outage($id: ID!) { person(id: $id) { id name learningCard { card { id } } } }`;
  const ready = async (url: string) => {
    const response = await fetch(url.replace(/\/graphql$/, "/ready"));
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    const database = new URL(inject("databaseUrl"));
    relay = new Relay(await freePort(), { host: database.hostname, port: Number(database.port || 5432) });
    await relay.up();
    const relayed = new URL(database);
    relayed.hostname = "127.0.0.1";
    relayed.port = String(relay.port);
    learningCard = await startSubgraph(await loadSubgraph("learning-card"), {
      databaseUrl: relayed.toString(),
      accessDatabaseUrl: inject("accessDatabaseUrl") || inject("databaseUrl"),
      port: await freePort(),
      seedPersons: 0, // the suite's stack has seeded this database
      log: () => {},
    });
    gateway = await startGateway({
      ...gatewayConfigFromEnv([], { PERSONAL_CACHE_SECONDS: "0" }),
      port: await freePort(),
      subgraphUrls: { ...inject("subgraphUrls"), "learning-card": learningCard.url },
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await learningCard?.stop().catch(() => undefined);
    await relay?.cut();
  });

  it("answers its fields null with STORE_UNAVAILABLE and the rest in full, reports it in /ready, and recovers", async () => {
    const { p, lc } = own();
    const before = await graphql(query, { id: p.id }, { url: gateway!.url, as: counsellor() });
    expect(before.errors).toBeUndefined();
    expect(before.data.person).toEqual({ id: p.id, name: p.name, learningCard: { card: { id: lc.card!.id } } });
    expect(await ready(learningCard!.url)).toEqual({ status: 200, body: { status: "ready", subgraph: "learning-card" } });

    await relay.cut();
    const down = await graphql(query, { id: p.id }, { url: gateway!.url, as: counsellor() });
    expect(down.status).toBe(200);
    expect(down.data.person).toEqual({ id: p.id, name: p.name, learningCard: { card: null } });
    expect(down.errors?.map(({ message, path, extensions }) => ({ message, path, extensions }))).toEqual([
      {
        message: "The program's system of record is not reachable right now; retry in a few seconds.",
        path: ["person", "learningCard", "card"],
        extensions: { code: "STORE_UNAVAILABLE", serviceName: "learning-card" },
      },
    ]);
    expect(await ready(learningCard!.url)).toEqual({ status: 503, body: { status: "store unreachable", subgraph: "learning-card" } });
    const allReady = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, "ready"]));
    expect(await ready(gateway!.url)).toEqual({
      status: 200,
      body: { status: "degraded", subgraphs: { ...allReady, "learning-card": "not ready (HTTP 503)" }, sharedState: "in memory (no REDIS_URL)" },
    });

    await relay.up();
    const back = await graphql(query, { id: p.id }, { url: gateway!.url, as: counsellor() });
    expect(back.errors).toBeUndefined();
    expect(back.data).toEqual(before.data);
    expect((await ready(gateway!.url)).body.status).toBe("ready");
  });
});
