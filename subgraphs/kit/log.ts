/** Structured JSON logs (pino). Lines carry ids, names, codes and timings, never variables or answers. */
import { pino, type Logger } from "pino";

export function createLogger(name: string): Logger {
  return pino({ name, level: process.env.LOG_LEVEL ?? "info", base: { service: name } });
}
export type { Logger };
