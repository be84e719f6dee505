/**
 * CORS for browser apps on other origins: an allowlist (`CORS_ORIGINS`, comma-separated exact
 * origins such as `https://portal.example.go.kr`), none by default. With none, no CORS header is
 * ever sent and browsers keep other origins out. Credentials travel in the Authorization or
 * X-Api-Key header, never in cookies, so `Access-Control-Allow-Credentials` is not sent.
 */
import cors from "cors";
import type { RequestHandler } from "express";

/** Request headers a browser client may send. */
const ALLOWED_HEADERS = ["content-type", "authorization", "x-api-key", "x-request-id", "apollo-require-preflight", "x-apollo-operation-name"];
/** Response headers a browser client may read. */
const EXPOSED_HEADERS = ["x-request-id", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "retry-after"];

/** Exact origins (scheme://host[:port]); throws on anything else, so a typo fails at start instead of silently allowing nothing. */
export function corsOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const origins = (env.CORS_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const origin of origins) {
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new Error(`CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port])`);
    }
    if (!/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) throw new Error(`CORS_ORIGINS: "${origin}" is not an origin (scheme://host[:port], no path or trailing slash)`);
  }
  return origins;
}

/** The CORS middleware for the allowlist, or null when it is empty. */
export function corsMiddleware(origins: string[]): RequestHandler | null {
  if (origins.length === 0) return null;
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ["GET", "POST"],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
}
