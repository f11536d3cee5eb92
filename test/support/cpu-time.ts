// Time a piece of work spent computing, not waiting: the process's CPU time (user and system)
// across the call. On a loaded machine the wall-clock time of the same work grows with every
// other process wanting the cores, its CPU time hardly at all, so a bound on it keeps a test about
// the algorithm ("linear, not the 23.7 s it once took") and not about the machine.
import { readFileSync } from "node:fs";

/** The work's result and the CPU milliseconds this process spent while it ran. */
export function cpuTimed<T>(work: () => T): { result: T; cpuMs: number } {
  const before = process.cpuUsage();
  const result = work();
  const spent = process.cpuUsage(before);
  return { result, cpuMs: (spent.user + spent.system) / 1000 };
}

/**
 * CPU milliseconds another process has spent so far (Linux: /proc), all its threads or only its
 * main thread: a service's event loop. Work that blocks the loop shows in the main thread's time,
 * work in its worker threads only in the whole process's.
 */
export function processCpuMs(pid: number, mainThreadOnly = false): number {
  const stat = readFileSync(mainThreadOnly ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, "utf8");
  // after "(command name)": state is field 3, utime field 14 and stime field 15, in ticks of 10 ms (USER_HZ)
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export const mainThreadCpuMs = (pid: number) => processCpuMs(pid, true);
