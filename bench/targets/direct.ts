/**
 * "direct": the subgraphs called directly for the same data, the floor. A tiny node:http handler
 * takes the same GraphQL request as the gateways (so autocannon drives every target alike), plans it
 * once per document (bench/direct/plan.ts) and runs the plan (bench/direct/execute.ts).
 */
import http from "node:http";
import { readFileSync } from "node:fs";
import { schemaFacts, planDirect, type DirectPlan } from "../direct/plan";
import { executeDirect } from "../direct/execute";
import { directHeaders } from "../auth";
import { childPort, announceReady } from "./ready";

export async function serveDirect(): Promise<void> {
  const facts = schemaFacts(readFileSync(process.env.BENCH_SUPERGRAPH_PATH!, "utf8"));
  const urls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS!) as Record<string, string>;
  const plans = new Map<string, DirectPlan>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const { query, variables } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { query: string; variables?: Record<string, unknown> };
        let plan = plans.get(query);
        if (!plan) plans.set(query, (plan = planDirect(query, facts)));
        const answer = await executeDirect(plan, variables, urls, (subgraph, body) => directHeaders(req.headers.authorization, subgraph, body));
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
      } catch (error) {
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(childPort(), "127.0.0.1", resolve));
  announceReady(() => new Promise<void>((resolve) => server.close(() => resolve())));
}
