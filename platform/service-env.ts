/** How a service of the graph is named in the environment: the gateway finds it, the launcher starts it. */

/** Environment variable prefix of a subgraph: "learning-card" -> "LEARNING_CARD". */
export function envPrefix(name: string): string {
  return name.toUpperCase().replace(/-/g, "_");
}

/** A subgraph's port: <NAME>_PORT when set, else the given default. */
export function subgraphPort(name: string, defaultPort: number, env = process.env): number {
  return Number(env[`${envPrefix(name)}_PORT`] ?? defaultPort);
}
