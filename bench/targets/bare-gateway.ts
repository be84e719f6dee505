/**
 * "bare": @apollo/gateway + @apollo/server's standalone server on the same supergraph, with none of
 * our plugins, middleware or data source. Its subgraph fetches carry bench/auth.ts directHeaders()
 * for the client's bearer token (no authentication of its own), signed per fetch in its fetcher. Run as a child by child.ts.
 */
import { readFileSync } from "node:fs";
import { AsyncLocalStorage } from "node:async_hooks";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import type { Fetcher } from "@apollo/utils.fetcher";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { directHeaders } from "../auth";
import { withoutUnsupportedSecurity } from "../supergraph";
import { childPort, announceReady } from "./ready";

interface BareContext {
  authorization: string | null;
}

/** The client's Authorization header during a subgraph fetch: the token is signed where the body is final. */
const fetchOf = new AsyncLocalStorage<{ subgraph: string; authorization: string | null }>();

class BareDataSource extends RemoteGraphQLDataSource<BareContext> {
  constructor(private readonly subgraph: string, url: string) {
    super({ url });
    const inner = this.fetcher; // Apollo Gateway's own default fetcher, wrapped
    this.fetcher = (async (target: string, init: { headers?: Record<string, string>; body?: string }) => {
      const current = fetchOf.getStore();
      const headers = current ? { ...init.headers, ...(await directHeaders(current.authorization, current.subgraph, init.body ?? "")) } : init.headers;
      return inner(target, { ...init, headers } as Parameters<Fetcher>[1]);
    }) as unknown as Fetcher;
  }

  override process(options: Parameters<RemoteGraphQLDataSource<BareContext>["process"]>[0]) {
    const authorization = (options.context as BareContext | undefined)?.authorization ?? null;
    return fetchOf.run({ subgraph: this.subgraph, authorization }, () => super.process(options));
  }
}

export async function serveBare(): Promise<void> {
  const gateway = new ApolloGateway({
    supergraphSdl: withoutUnsupportedSecurity(readFileSync(process.env.BENCH_SUPERGRAPH_PATH!, "utf8")),
    buildService: ({ name, url }) => new BareDataSource(name, url ?? ""),
  });
  const server = new ApolloServer<BareContext>({ gateway });
  await startStandaloneServer(server, {
    listen: { port: childPort(), host: "127.0.0.1" },
    context: async ({ req }) => ({ authorization: req.headers.authorization ?? null }),
  });
  announceReady(() => server.stop());
}

