import v8 from "node:v8";
import vm from "node:vm";

/**
 * One full garbage collection once Haven is ready. Start-up leaves a lot behind: the embedded database's
 * first-run copy of itself, module sources, the articles' and pages' Markdown as it was parsed. An idle
 * process allocates nothing, so V8 would never collect it, and the memory would stay with the process until
 * the first busy moment (record 063). A full collection takes tens of milliseconds, and runs before the first
 * request is likely. `gc` is exposed only to a throw-away context, never to Haven's own code.
 */
export function releaseStartupGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as (() => void) | undefined;
  gc?.();
}
