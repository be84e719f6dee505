/** Structured JSON logs (pino). Lines carry ids, names, codes and timings, never variables or answers. */
import { pino, type Logger } from "pino";

/**
 * Buffered asynchronous writes (a profile of the gateway under load showed 10% of its time in
 * synchronous stdout writes of one line per request); flushed at exit.
 */
export function createLogger(name: string): Logger {
  const destination = pino.destination({ sync: false, minLength: 4096 });
  process.once("exit", () => destination.flushSync());
  return pino({ name, level: process.env.LOG_LEVEL ?? "info", base: { service: name } }, destination);
}
export type { Logger };
