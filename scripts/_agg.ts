import { readFileSync, readdirSync } from "node:fs";
const [dir, pid] = process.argv.slice(2);
const file = readdirSync(dir).find((f) => f.includes(`.${pid}.`))!;
const p = JSON.parse(readFileSync(`${dir}/${file}`, "utf8"));
const byId = new Map(p.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const groupOf = (url: string) => url ? url.replace(/^file:\/\/.*\/main\//, "").replace(/^.*node_modules\/(@[^/]+\/[^/]+|[^/]+)\/.*$/, "$1").replace(/^(gateway|subgraphs)\/(.*)$/, "$1/$2") : "(native)";
const self = new Map<string, number>(); const incl = new Map<string, number>(); let busy = 0;
p.samples.forEach((id: number, i: number) => {
  const n: any = byId.get(id); const fn = n.callFrame.functionName;
  if (fn === "(idle)" || fn === "(program)") return;
  const dt = p.timeDeltas[i] ?? 0; busy += dt;
  const g = groupOf(n.callFrame.url); self.set(g, (self.get(g) ?? 0) + dt);
  const seen = new Set<string>(); let cur: any = n;
  while (cur) { const gg = groupOf(cur.callFrame.url); if (cur.callFrame.url.includes("/main/gateway/") && !seen.has(gg)) { seen.add(gg); incl.set(gg, (incl.get(gg) ?? 0) + dt); } cur = byId.get(parent.get(cur.id)!); }
});
console.log("busy ms", (busy/1000).toFixed(0));
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log("self", (v / busy * 100).toFixed(1).padStart(5), k);
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log("incl", (v / busy * 100).toFixed(1).padStart(5), k);
const callers = new Map<string, number>();
p.samples.forEach((id: number, i: number) => {
  let cur: any = byId.get(id);
  if (!cur.callFrame.url.includes("undici")) return;
  const dt = p.timeDeltas[i] ?? 0;
  while (cur && (cur.callFrame.url.startsWith("node:") || cur.callFrame.url === "")) cur = byId.get(parent.get(cur.id)!);
  const k = cur ? `${cur.callFrame.functionName} ${cur.callFrame.url.replace(/^.*node_modules\//, "")}:${cur.callFrame.lineNumber + 1}` : "(root)";
  callers.set(k, (callers.get(k) ?? 0) + dt);
});
for (const [k, v] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log("undici from", (v / busy * 100).toFixed(1).padStart(5), k);
