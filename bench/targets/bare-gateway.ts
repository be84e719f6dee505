/**
 * "bare": @apollo/gateway + @apollo/server's standalone server on the same supergraph, with none of
 * our plugins, middleware or data source. Its subgraph fetches carry bench/auth.ts directHeaders()
 * for the client's bearer token (no authentication of its own). Run as a child by child.ts.
 */
import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { directHeaders } from "../auth";
import { withoutUnsupportedSecurity } from "../supergraph";
import { childPort, announceReady } from "./ready";

interface BareContext {
  authorization: string | null;
}

export async function serveBare(): Promise<void> {
  const gateway = new ApolloGateway({
    supergraphSdl: withoutUnsupportedSecurity(readFileSync(process.env.BENCH_SUPERGRAPH_PATH!, "utf8")),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({
        url,
        async willSendRequest({ request, context }) {
          const headers = await directHeaders((context as BareContext).authorization);
          for (const [name, value] of Object.entries(headers)) request.http?.headers.set(name, value);
        },
      }),
  });
  const server = new ApolloServer<BareContext>({ gateway });
  await startStandaloneServer(server, {
    listen: { port: childPort(), host: "127.0.0.1" },
    context: async ({ req }) => ({ authorization: req.headers.authorization ?? null }),
  });
  announceReady(() => server.stop());
}

