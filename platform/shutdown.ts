/**
 * Graceful shutdown for a process entry point: on SIGTERM or Ctrl-C, run `stop` (drain in-flight
 * requests, close pools) once, then exit; exit anyway after `graceMs` if something hangs.
 */
export function exitGracefully(name: string, stop: () => Promise<void>, graceMs = 10_000): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const timer = setTimeout(() => {
        console.error(`[${name}] did not stop within ${graceMs} ms; exiting`);
        process.exit(1);
      }, graceMs);
      timer.unref();
      stop().then(
        () => process.exit(0),
        (error) => {
          console.error(`[${name}] error while stopping: ${(error as Error).message}`);
          process.exit(1);
        },
      );
    });
  }
}
