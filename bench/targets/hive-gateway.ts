/**
 * "hive": Hive Gateway's runtime (@graphql-hive/gateway-runtime, what the `hive-gateway` CLI of
 * @graphql-hive/gateway runs) on the same supergraph, served by node:http in one process like ours.
 * The CLI runs on Node 20 too, but forks workers in production; the runtime keeps one process and
 * lets us add bench/auth.ts directHeaders() (for the client's bearer token) to subgraph fetches in an
 * onFetch plugin; it does no authentication of its own.
 */
import http from "node:http";
import { readFileSync } from "node:fs";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { directHeaders } from "../auth";
import { childPort, announceReady } from "./ready";

export async function serveHive(): Promise<void> {
  // Each internal token names its subgraph: the supergraph says which subgraph a URL is.
  const subgraphAt = new Map(
    [...readFileSync(process.env.BENCH_SUPERGRAPH_PATH!, "utf8").matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map(([, name, url]) => [new URL(url).href, name]),
  );
  const gateway = createGatewayRuntime({
    supergraph: process.env.BENCH_SUPERGRAPH_PATH!,
    logging: "error",
    plugins: () => [
      {
        async onFetch({ url, context, options, setOptions }) {
          const request = (context as { request?: Request } | undefined)?.request;
          const subgraph = subgraphAt.get(new URL(url).href) ?? "";
          const extra = await directHeaders(request?.headers.get("authorization"), subgraph, String(options.body ?? ""));
          setOptions({ ...options, headers: { ...options.headers, ...extra } });
        },
      },
    ],
  });
  const server = http.createServer(gateway);
  await new Promise<void>((resolve) => server.listen(childPort(), "127.0.0.1", resolve));
  // Load the supergraph before the first measured request.
  const warm = await fetch(`http://127.0.0.1:${childPort()}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  if (!warm.ok) throw new Error(`hive gateway answered HTTP ${warm.status}: ${await warm.text()}`);
  announceReady(async () => {
    await gateway.dispose();
    server.close();
  });
}
