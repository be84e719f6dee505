/**
 * The explorer: `GET /graphql` from a browser (Accept: text/html) answers a GraphiQL page whose
 * every file comes from this gateway (built by build.ts), so it works with no internet. The page
 * runs no inline script: its settings travel in a JSON data block, and its Content-Security-Policy
 * allows scripts and workers from this origin only. `EXPLORER=off` turns it off (the default when
 * NODE_ENV=production); then such a GET is answered by the API like any other.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import express, { type Request, type Response, type NextFunction, type Router } from "express";
import { buildExplorer, explorerBuildKey, EXPLORER_FILES } from "./build";
import type { CatalogueOperation } from "../../operations/catalogue";

export function explorerEnabledFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.EXPLORER ?? (env.NODE_ENV === "production" ? "off" : "on");
  if (value !== "on" && value !== "off") throw new Error(`EXPLORER must be on or off (got "${value}")`);
  return value === "on";
}

export const EXPLORER_ASSETS_PATH = "/explorer/assets";

/** The page's own rules: scripts, workers, fonts and calls to this origin only; styles inline too (the editor sets them). */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

function securityHeaders(res: Response): void {
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
  res.setHeader("x-frame-options", "DENY");
}

/** A JSON data block may not close its own script element. */
const jsonForHtml = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");

function page(endpoint: string, assets: string, operations: CatalogueOperation[]): string {
  const config = {
    endpoint,
    workers: { editor: `${assets}/${EXPLORER_FILES.editor}`, json: `${assets}/${EXPLORER_FILES.json}`, graphql: `${assets}/${EXPLORER_FILES.graphql}` },
    operations: operations.map((o) => ({ name: o.name, audience: o.audience, description: o.description, token: o.token, query: o.body, variables: o.variables })),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>naeil-graph explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets}/${EXPLORER_FILES.style}">
<script type="application/json" id="explorer-config">${jsonForHtml(config)}</script>
<script type="module" src="${assets}/${EXPLORER_FILES.script}"></script>
</head>
<body>
<div id="explorer"></div>
</body>
</html>
`;
}

/** A browser asking for a page, not a client asking for data (`GET /graphql?query=...` stays the API's). */
function wantsPage(req: Request): boolean {
  return req.method === "GET" && req.query.query === undefined && req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
}

/**
 * Mount before the API at the app's root. The build starts at once (in the background) unless it
 * is already there, and the first page waits for it.
 */
export function explorerRoutes(options: { endpoint: string; operations: CatalogueOperation[]; onError(error: unknown): void }): Router {
  const router = express.Router();
  const key = explorerBuildKey();
  const assets = `${EXPLORER_ASSETS_PATH}/${key}`;
  let built: Promise<string> | null = null;
  const ensureBuilt = () => {
    built ??= buildExplorer().catch((error) => {
      built = null;
      throw error;
    });
    return built;
  };
  void ensureBuilt().catch(options.onError);

  router.get(options.endpoint, async (req: Request, res: Response, next: NextFunction) => {
    if (!wantsPage(req)) return next();
    try {
      await ensureBuilt();
    } catch (error) {
      options.onError(error);
      res.status(503).type("text/plain").send("The explorer could not be built: see the gateway's log (npm run build:explorer).");
      return;
    }
    securityHeaders(res);
    res.setHeader("content-security-policy", EXPLORER_CSP);
    res.setHeader("cache-control", "no-store");
    res.setHeader("vary", "accept");
    res.type("html").send(page(options.endpoint, assets, options.operations));
  });

  router.get(`${assets}/:file`, async (req: Request, res: Response) => {
    let dir: string;
    try {
      dir = await ensureBuilt();
    } catch {
      res.status(503).end();
      return;
    }
    const file = req.params.file as string;
    // Only the build's own files, by exact name.
    if (!readdirSync(dir).includes(file) || !existsSync(join(dir, file))) {
      res.status(404).end();
      return;
    }
    securityHeaders(res);
    res.setHeader("cache-control", "public, max-age=31536000, immutable");
    res.sendFile(join(dir, file), { dotfiles: "allow" });
  });
  return router;
}
