import v8 from "node:v8";

/**
 * How far V8 lets the JavaScript heap grow past what was live at the last full collection: to twice it.
 * Left to itself, under a steady stream of requests it chooses up to four times, and the process grows by
 * that much and keeps the pages (record 074).
 */
export const heapGrowingPercent = 100;

/** The flag to set, unless whoever started Node chose a growth of their own (command line or NODE_OPTIONS). */
export function heapGrowthFlag(execArgv: readonly string[]): string | undefined {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return undefined;
  return `--heap-growing-percent=${heapGrowingPercent}`;
}

/**
 * Sets the heap's growth for the server. A full collection then comes sooner with less to go through;
 * measured under load, the process stayed about 100 MB smaller and served no fewer pages (record 074).
 * V8 reads the setting each time it sizes the heap, so setting it once the process runs takes effect.
 */
export function limitHeapGrowth(): void {
  // Flags from NODE_OPTIONS are not in execArgv.
  const flag = heapGrowthFlag([...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)]);
  if (flag) v8.setFlagsFromString(flag);
}
