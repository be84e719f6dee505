/**
 * OpenTelemetry tracing across the gateway and the subgraphs, off by default: set
 * OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) to export spans over OTLP/HTTP.
 *   - each service's HTTP server span continues the caller's trace (W3C traceparent);
 *   - the gateway's own spans (@apollo/gateway: request, plan, execution, fetch) nest inside;
 *   - the gateway's fetches to subgraphs carry traceparent (injected by gateway/subgraph-fetch.ts, which
 *     sends them over node:http), so a subgraph's span joins the same trace; the undici instrumentation
 *     below covers what still goes through the global fetch (a JWKS URL).
 * Spans carry methods, paths, status codes and operation names, never variables or answers.
 * The server span is made by a middleware rather than the http auto-instrumentation, which cannot
 * patch `node:http` for ES modules without a loader hook.
 */
import type { NextFunction, Request, Response } from "express";
import { SpanKind, SpanStatusCode, context, propagation, trace } from "@opentelemetry/api";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";

export interface Tracing {
  middleware(req: Request, res: Response, next: NextFunction): void;
  shutdown(): Promise<void>;
}

export function tracingEnabled(env = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

let provider: NodeTracerProvider | null = null;

/** Starts exporting this process's spans (once per process); null when tracing is off. */
export function startTracing(service: string, env = process.env): Tracing | null {
  if (!tracingEnabled(env)) return null;
  if (!provider) {
    provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ "service.name": `naeil-${service}` }),
      spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
    });
    provider.register(); // global provider, W3C trace context propagation, AsyncLocalStorage context
    new UndiciInstrumentation().setTracerProvider(provider);
  }
  const tracer = trace.getTracer("naeil-graph");
  const current = provider;
  return {
    // Mount after the body parser: its stream callbacks would lose the span's async context.
    middleware(req, res, next) {
      const parent = propagation.extract(context.active(), req.headers);
      const span = tracer.startSpan(`${req.method} ${req.baseUrl || req.path}`, {
        kind: SpanKind.SERVER,
        attributes: { "http.request.method": req.method, "url.path": req.baseUrl || req.path, "service.component": service },
      }, parent);
      res.on("finish", () => {
        span.setAttribute("http.response.status_code", res.statusCode);
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      });
      context.with(trace.setSpan(parent, span), next);
    },
    shutdown: () => current.shutdown(),
  };
}
