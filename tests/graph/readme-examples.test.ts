/**
 * The README's examples, run as written on the default data: every `graphql` block (each carries
 * its token and variables in its first lines, as the files of operations/ do, and one marked with
 * the file it shows must be that file, word for word), and every shell example that mints a token
 * and posts a query with curl.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { graphql, skipReason } from "../setup/graphql";
import { parseOperationText } from "../../operations/catalogue";
import { splitArgs, tokenArgs } from "../../gateway/auth/token-args";
import { callerFromClaims } from "../../gateway/auth/claims";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

interface Block {
  language: string;
  text: string;
  /** The file an `<!-- operations/... -->` line just above the block says it shows. */
  shows: string | null;
  line: number;
}

function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const pattern = /(?:<!-- (\S+) -->\n)?```(\w*)\n([\s\S]*?)```/g;
  for (const match of markdown.matchAll(pattern)) {
    blocks.push({ shows: match[1] ?? null, language: match[2], text: match[3], line: markdown.slice(0, match.index).split("\n").length });
  }
  return blocks;
}

const blocks = codeBlocks(README);
const operations = blocks.filter((b) => b.language === "graphql");

/** `TOKEN=$(npm run -s token -- ARGS)` followed by a curl posting `-d '{...}'` with that token. */
function curlExamples(): { line: number; args: string; body: string }[] {
  const examples: { line: number; args: string; body: string }[] = [];
  for (const block of blocks.filter((b) => b.language === "sh")) {
    const token = /TOKEN=\$\(npm run -s token -- ([^)]*)\)/.exec(block.text);
    const body = /curl [\s\S]*?-d '([^']*)'/.exec(block.text);
    if (token && body) examples.push({ line: block.line, args: token[1], body: body[1] });
  }
  return examples;
}

describe.skipIf(skipReason())("the README's examples, as written", () => {
  it("has examples to run", () => {
    expect(operations.length).toBeGreaterThanOrEqual(6);
    expect(curlExamples().length).toBeGreaterThanOrEqual(1);
  });

  it.each(operations.filter((b) => b.shows).map((b) => [b.shows!, b] as const))("the block showing %s is that file", (path, block) => {
    expect(block.text.trim()).toBe(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8").trim());
  });

  it.each(operations.map((b) => [b.line, b] as const))("the graphql block at line %i answers with the token it names", async (line, block) => {
    const operation = parseOperationText(block.text, `README.md:${line}`);
    if (operation.consent) {
      await graphql(`mutation ($c: ConsentInput!) { grantConsent(consent: $c) { id } }`, { c: operation.consent }, { as: { role: "citizen", sub: operation.variables?.id } });
    }
    const { errors, data } = await graphql(operation.body, operation.variables, { as: operation.claims ?? "anonymous" });
    expect(errors).toBeUndefined();
    expect(data).toBeTruthy();
  });

  it.each(curlExamples().map((e) => [e.line, e] as const))("the curl example at line %i answers with the token it mints", async (_line, example) => {
    const { claims } = tokenArgs(splitArgs(example.args));
    const { query, variables } = JSON.parse(example.body) as { query: string; variables?: Record<string, unknown> };
    const { errors, data } = await graphql(query, variables, { as: claims });
    expect(errors).toBeUndefined();
    expect(Object.values(data as object).every((v) => v !== null)).toBe(true);
  });

  it("every token command of the README is one the gateway accepts", () => {
    // The usage line (--role ROLE [--sub ID] ...) aside.
    const commands = [...README.matchAll(/npm run -s token -- ([^)\n#`|]*)/g)].map((m) => m[1].trim()).filter((args) => !args.includes("["));
    expect(commands.length).toBeGreaterThan(3);
    for (const args of commands) expect(() => callerFromClaims(tokenArgs(splitArgs(args)).claims), args).not.toThrow();
  });
});
