/**
 * The child side of child.ts, kept free of imports so that a target's process loads nothing but the
 * target: the port to listen on, and the line that tells the bench it is ready.
 */
import { READY_LINE } from "./types";

/** In a target's own process: the port to listen on and a way to say it is ready. */
export function childPort(): number {
  const port = Number(process.env.BENCH_TARGET_PORT);
  if (!port) throw new Error("BENCH_TARGET_PORT is not set: start targets through bench/targets/child.ts");
  return port;
}

export function announceReady(stop: () => Promise<void>): void {
  console.log(READY_LINE);
  const shutdown = () => {
    stop().finally(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
