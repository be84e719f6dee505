/**
 * Entry point of a target's child process: `node --import tsx bench/targets/serve.ts bare|hive|direct`
 * (spawned by child.ts). Imports only the chosen target, so no other target's code adds to its memory.
 */
const servers: Record<string, () => Promise<() => Promise<void>>> = {
  bare: async () => (await import("./bare-gateway")).serveBare,
  hive: async () => (await import("./hive-gateway")).serveHive,
  direct: async () => (await import("./direct")).serveDirect,
};

const target = process.argv[2] ?? "";
const load = servers[target];
if (!load) {
  console.error(`usage: serve.ts ${Object.keys(servers).join("|")}`);
  process.exit(2);
}
await (await load())();

export {};
