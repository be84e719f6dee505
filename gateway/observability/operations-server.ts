/**
 * The gateway's operations endpoints on a port of their own (OPERATIONS_PORT; 9464 in deploy/, the
 * Prometheus exporters' convention; unset, any free port, logged at start): GET /metrics, /health
 * and /ready. The public port serves
 * /graphql (and /health, /ready for probes through it) but not /metrics, so the metrics can be kept
 * inside the cluster: expose only the public port through the ingress, and let the monitoring
 * namespace reach this one (deploy/network-policy.yaml).
 */
import http from "node:http";
import express from "express";
import type { GatewayMetrics } from "./metrics";

export interface Readiness {
  status: number;
  body: unknown;
}

export interface OperationsServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startOperationsServer(options: {
  port: number;
  host: string;
  metrics: GatewayMetrics;
  readiness(): Promise<Readiness>;
}): Promise<OperationsServer> {
  const app = express();
  app.disable("x-powered-by");
  app.get("/health", (_req, res) => {
    res.json({ status: "alive" });
  });
  app.get("/ready", async (_req, res) => {
    const { status, body } = await options.readiness();
    res.status(status).json(body);
  });
  app.get("/metrics", async (_req, res) => {
    res.setHeader("content-type", options.metrics.registry.contentType);
    res.send(await options.metrics.registry.metrics());
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${options.host}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
