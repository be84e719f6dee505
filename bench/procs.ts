/**
 * Processes and their memory, from /proc (Linux): find a process by what it runs and its environment
 * (startStack does not expose its children's pids), and sample resident memory while a load runs.
 */
import { readdirSync, readFileSync } from "node:fs";

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}

/** Pids whose command line contains `argv` and whose environment holds every `env` entry exactly. */
export function findPids(argv: string, env: Record<string, string> = {}): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    const cmdline = readProc(pid, "cmdline");
    if (!cmdline || !cmdline.split("\0").some((arg) => arg.includes(argv))) continue;
    const environ = readProc(pid, "environ");
    if (!environ) continue;
    const vars = new Set(environ.split("\0"));
    if (Object.entries(env).every(([k, v]) => vars.has(`${k}=${v}`))) pids.push(pid);
  }
  return pids;
}

/** Resident set size in bytes (VmRSS), or 0 when the process is gone. */
export function rssBytes(pid: number): number {
  const status = readProc(pid, "status");
  const match = status?.match(/^VmRSS:\s+(\d+) kB/m);
  return match ? Number(match[1]) * 1024 : 0;
}

/** CPU time (user + system) the process has used so far, in ms (from /proc/<pid>/stat, clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const stat = readProc(pid, "stat");
  if (!stat) return 0;
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Samples the summed RSS of `pids` every `everyMs` until stopped; returns the peak. */
export function sampleRss(pids: number[], everyMs = 250): { stop(): number } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, pids.reduce((sum, pid) => sum + rssBytes(pid), 0));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
