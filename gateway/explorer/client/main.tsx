/// <reference lib="dom" />
/**
 * The browser side of the explorer: GraphiQL (docs, history, the explorer plugin, a header editor
 * for the token) against this gateway, with the documented operations as tabs. Built by esbuild
 * (../build.ts) into files the gateway serves itself; nothing is loaded from elsewhere.
 */
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { explorerPlugin } from "@graphiql/plugin-explorer";
import "graphiql/style.css";
import "@graphiql/plugin-explorer/style.css";
import "./page.css";

interface ExplorerOperation {
  name: string;
  audience: string;
  description: string;
  token: string | null;
  query: string;
  variables?: Record<string, unknown>;
}
interface ExplorerConfig {
  endpoint: string;
  workers: Record<"editor" | "json" | "graphql", string>;
  operations: ExplorerOperation[];
}

const config = JSON.parse(document.getElementById("explorer-config")!.textContent!) as ExplorerConfig;

// Monaco's language workers, from this gateway.
(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return new Worker(label === "json" ? config.workers.json : label === "graphql" ? config.workers.graphql : config.workers.editor);
  },
};

async function fetcher(params: unknown, options?: { headers?: Record<string, unknown> }) {
  const response = await fetch(config.endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...(options?.headers as Record<string, string>) },
    body: JSON.stringify(params),
    credentials: "omit",
  });
  return response.json();
}

const audience = new URLSearchParams(location.search).get("audience");
const shown = config.operations.filter((o) => !audience || o.audience === audience);
const defaultTabs = shown.map((o) => ({
  query: `# ${o.audience}: ${o.description}\n${
    o.token ? `# Token: TOKEN=$(npm run -s token -- ${o.token}), then in Headers: { "authorization": "Bearer <TOKEN>" }` : "# No token needed."
  }\n${o.query}\n`,
  variables: o.variables ? JSON.stringify(o.variables, null, 2) : undefined,
}));

// GraphiQL opens the first default tab without its variables unless they are also given as initialVariables
// (only on a first visit: afterwards the tabs come from the browser's storage).
const firstVisit = localStorage.getItem("graphiql:tabState") === null;

createRoot(document.getElementById("explorer")!).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={[explorerPlugin()]}
    defaultTabs={defaultTabs.length ? defaultTabs : undefined}
    initialVariables={firstVisit ? defaultTabs[0]?.variables : undefined}
    defaultEditorToolsVisibility="headers"
    shouldPersistHeaders={false}
    isHeadersEditorEnabled
  />,
);
