/**
 * The gateway's HTTP client for subgraph fetches: node:http(s) with keep-alive agents, returning the
 * small part of a fetch Response that RemoteGraphQLDataSource reads (ok, status, statusText, url,
 * headers.get, text, json).
 *
 * Why not the global fetch: undici's fetch wraps every body in WHATWG streams, and under the
 * counsellor's load it was the gateway's largest cost (17% of its CPU in fetch, 4% more in web
 * streams: `npm run bench:profile`); a subgraph answer is a small JSON document read whole, which
 * needs none of that. W3C trace context is injected here (a no-op while tracing is off), since the
 * undici instrumentation no longer sees these requests.
 */
import http from "node:http";
import https from "node:https";
import { context, propagation } from "@opentelemetry/api";

/** Free sockets close before the subgraphs' own keep-alive timeout (Node's default 5 s), so a reused socket is never one the server is closing. */
const AGENT_OPTIONS = { keepAlive: true, timeout: 4_000, scheduling: "lifo" as const };
const agents = { "http:": new http.Agent(AGENT_OPTIONS), "https:": new https.Agent(AGENT_OPTIONS) };

export interface SubgraphRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

class SubgraphResponse {
  readonly headers: { get(name: string): string | null };

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    headers: http.IncomingHttpHeaders,
    private readonly body: Buffer,
  ) {
    this.headers = {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    };
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  async text(): Promise<string> {
    return this.body.toString("utf8");
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body.toString("utf8"));
  }
}

export function subgraphFetch(url: string, init: SubgraphRequestInit = {}): Promise<SubgraphResponse> {
  const target = new URL(url);
  const transport = target.protocol === "https:" ? https : http;
  const agent = agents[target.protocol as keyof typeof agents];
  if (!agent) return Promise.reject(new TypeError(`subgraph URL must be http or https: ${target.protocol}`));
  const headers: Record<string, string> = { ...init.headers };
  propagation.inject(context.active(), headers);
  if (init.body !== undefined) headers["content-length"] = String(Buffer.byteLength(init.body));
  return new Promise((resolve, reject) => {
    const request = transport.request(target, { method: init.method ?? "GET", headers, agent, signal: init.signal }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve(new SubgraphResponse(url, response.statusCode ?? 0, response.statusMessage ?? "", response.headers, Buffer.concat(chunks))));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(init.body);
  });
}
