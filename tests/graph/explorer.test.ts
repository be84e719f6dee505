/**
 * The explorer, served by the gateway itself. Over HTTP: the page, its security headers and that it
 * names no file but the gateway's own. In a real browser (Debian's headless Chromium, through
 * puppeteer-core) with every request to anything but the gateway refused: the IDE loads with the
 * schema's docs, a counsellor's documented operation runs with a token typed in the header editor,
 * and the answer read from the page is the person's as generated.
 * EXPLORER_SCREENSHOT=docs/explorer.png also saves a screenshot of the IDE with that answer.
 */
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import { skipReason, authHeaders } from "../setup/graphql";
import { syntheticPerson } from "../../subgraphs/kit/synthetic/person";
import { freePort } from "../../scripts/stack";
import { startGateway } from "../../gateway/server";
import { gatewayConfigFromEnv } from "../../gateway/config";

const pageUrl = () => inject("gatewayUrl");
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

describe.skipIf(skipReason())("the explorer over HTTP", () => {
  it("answers a browser's GET /graphql with the page: no inline script, a strict CSP, files from the gateway only", async () => {
    const response = await fetch(pageUrl(), { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      // Either a file of the gateway's own, or a JSON data block (never run).
      if (/type="application\/json"/.test(attributes)) continue;
      expect(content.trim()).toBe("");
      expect(attributes).toMatch(/src="\/explorer\/assets\//);
    }
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((r) => r !== "data:,");
    for (const reference of references) {
      expect(reference.startsWith("/explorer/assets/")).toBe(true);
      const asset = await fetch(new URL(reference, pageUrl()));
      expect(asset.status, reference).toBe(200);
    }
    expect(html).not.toMatch(/https?:\/\//);
  }, 600_000);

  it("leaves GET /graphql to the API for everything that is not a browser asking for a page", async () => {
    const json = await fetch(`${pageUrl()}?query=${encodeURIComponent("{ employmentCenters { id } }")}`, { headers: { accept: BROWSER_ACCEPT, "apollo-require-preflight": "1" } });
    expect(json.headers.get("content-type")).toMatch(/json/);
    expect((await json.json()).data.employmentCenters.length).toBeGreaterThan(0);
    const client = await fetch(pageUrl(), { headers: { accept: "application/json" } });
    expect(client.headers.get("content-type")).toMatch(/json/);
    // Apollo's own landing page (a CDN's explorer) is gone.
    expect(await client.text()).not.toContain("apollo-server-landing-page");
  });

  it("serves no file but the build's own", async () => {
    const html = await (await fetch(pageUrl(), { headers: { accept: BROWSER_ACCEPT } })).text();
    const assets = /src="(\/explorer\/assets\/[^/]+)\//.exec(html)![1];
    for (const probe of ["../package.json", "..%2Fpackage.json", "%2e%2e%2f%2e%2e%2fpackage.json", "nothing.js"]) {
      const response = await fetch(`${new URL(pageUrl()).origin}${assets}/${probe}`);
      expect(response.status, probe).toBe(404);
    }
  });

  it("is off with EXPLORER=off: a browser's GET is the API's like any other", async () => {
    process.env.EXPLORER = "off";
    const gateway = await startGateway({ ...gatewayConfigFromEnv([], {}), port: await freePort(), subgraphUrls: inject("subgraphUrls") });
    delete process.env.EXPLORER;
    try {
      const response = await fetch(gateway.url, { headers: { accept: BROWSER_ACCEPT } });
      expect(response.headers.get("content-type")).not.toMatch(/html/);
      expect((await fetch(`${new URL(gateway.url).origin}/explorer/assets/x/main.js`)).status).toBe(404);
    } finally {
      await gateway.stop();
    }
  });
});

describe.skipIf(skipReason())("the explorer in a browser, offline", () => {
  it("loads with the docs, runs a counsellor's documented operation with a token, and shows the answer", async (context) => {
    const executablePath = chromiumPath();
    const { default: puppeteer } = await import("puppeteer-core");
    let browser: Awaited<ReturnType<typeof puppeteer.launch>>;
    try {
      if (!executablePath) throw new Error("no chromium, chromium-browser or google-chrome found (apt-get install chromium, or set CHROMIUM_PATH)");
      browser = await puppeteer.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"] });
    } catch (error) {
      const reason = `SKIPPED the explorer's browser test: Chromium cannot start (${(error as Error).message.split("\n")[0]})`;
      if (process.env.CI) throw new Error(reason);
      console.log(reason);
      context.skip();
      return;
    }
    const origin = new URL(pageUrl()).origin;
    const refused: string[] = [];
    const failures: string[] = [];
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1440, height: 900 });
      await page.setRequestInterception(true);
      page.on("request", (request) => {
        const url = request.url();
        if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) void request.continue();
        else if (url === `${origin}/favicon.ico`) void request.abort();
        else {
          refused.push(url);
          void request.abort("internetdisconnected");
        }
      });
      page.on("pageerror", (error) => failures.push(String(error)));
      page.on("console", (message) => {
        if (message.type() === "error" && !/Failed to load resource/.test(message.text())) failures.push(message.text());
      });

      await page.goto(`${pageUrl()}?audience=counsellor`, { waitUntil: "load", timeout: 600_000 });
      await page.waitForSelector(".graphiql-container", { timeout: 120_000 });
      await page.waitForSelector(".graphiql-query-editor .monaco-editor", { timeout: 120_000 });

      // The documented operation is the first tab.
      const query = await page.$eval(".graphiql-query-editor", (element) => (element as HTMLElement).innerText.replace(/\u00a0/g, " "));
      expect(query).toContain("query CounsellorView");

      // The token, typed into the header editor as a person would.
      const token = (await authHeaders({ role: "counsellor", centers: ["chuncheon"] })).authorization;
      await page.click("button[data-name='headers']");
      await page.click(".graphiql-editor-tool .graphiql-editor:not(.hidden) .view-lines");
      await page.keyboard.down("Control");
      await page.keyboard.press("KeyA");
      await page.keyboard.up("Control");
      await page.keyboard.press("Backspace");
      await page.keyboard.sendCharacter(JSON.stringify({ authorization: token }));

      // The schema again, with the token: the API schema instead of the public part.
      await page.click("button[aria-label='Re-fetch GraphQL schema (Shift-Ctrl-R)']");
      await page.click("button[data-name='variables']");
      await page.click(".graphiql-execute-button");
      const person = syntheticPerson(968);
      await page.waitForFunction((name) => document.querySelector(".result-window")?.textContent?.includes(name), { timeout: 120_000 }, person.name);
      const answer = await page.$eval(".result-window", (element) => (element as HTMLElement).innerText.replace(/\u00a0/g, " "));
      expect(answer).toContain(`"name": "${person.name}"`);
      expect(answer).toContain(`"name": "Chuncheon Employment Center"`);
      expect(answer).not.toContain("UNAUTHENTICATED");

      // The schema's docs, from introspection with that token.
      await page.click("button[aria-label='Show Documentation Explorer']");
      await page.waitForFunction(() => document.querySelector(".graphiql-doc-explorer")?.textContent?.includes("Query"), { timeout: 60_000 });

      if (process.env.EXPLORER_SCREENSHOT) {
        await page.click("button[aria-label='Hide Documentation Explorer']").catch(() => undefined);
        await page.screenshot({ path: process.env.EXPLORER_SCREENSHOT });
      }
      expect(refused).toEqual([]);
      expect(failures).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 900_000);
});
