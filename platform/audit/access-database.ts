/** Where the access store is for tools run beside a stack (audit:verify): the same choice the stack makes. */
export const DEFAULT_PGLITE_PORT = 5433;

/** ACCESS_DATABASE_URL, else DATABASE_URL, else the embedded store of `npm start` on PGLITE_PORT (default 5433). */
export function accessDatabaseUrl(env: NodeJS.ProcessEnv): string {
  if (env.ACCESS_DATABASE_URL) return env.ACCESS_DATABASE_URL;
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const text = env.PGLITE_PORT?.trim();
  const port = text ? Number(text) : DEFAULT_PGLITE_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PGLITE_PORT must be a port number (1-65535), got ${JSON.stringify(env.PGLITE_PORT)}`);
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}
