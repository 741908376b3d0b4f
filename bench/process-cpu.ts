// CPU time a server has used, read from /proc (Linux): the process and every process under it (tsx's
// wrapper starts the real Node process as its child; nginx's master starts its worker). Per request, this is
// the figure other work on the shared cores moves least: a neighbour steals time from a server, which lowers
// its requests/s, but adds little to the CPU each request takes.
import fs from "node:fs";

/** User and system CPU time of one process in ms (100 clock ticks a second), 0 if it is gone. */
function ownCpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The pids whose parent is `pid`, from /proc/<pid>/task/<pid>/children. */
function childrenOf(pid: number): number[] {
  try {
    const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return text ? text.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

/** CPU time in ms of `pid` and all its descendants still running. */
export function treeCpuMs(pid: number): number {
  return ownCpuMs(pid) + childrenOf(pid).reduce((sum, child) => sum + treeCpuMs(child), 0);
}
