import { performance } from "node:perf_hooks";

/**
 * How long each part of start-up took, for the "ready in" line and the benchmark. Times only: a phase's name
 * says what ran, never whose data. `performance.now()` counts from the process's start, so the first phase
 * ("modules": loading and transpiling the code before start() runs) needs no mark of its own.
 */
export class StartupPhases {
  readonly phases: Record<string, number> = {};
  private readonly now: () => number;
  private last: number;

  constructor(now: () => number = () => performance.now()) {
    this.now = now;
    this.last = now();
    this.phases.modules = Math.round(this.last);
  }

  /** Ends the phase running since the last mark, naming it. */
  mark(name: string): void {
    const at = this.now();
    this.phases[name] = Math.round((this.phases[name] ?? 0) + at - this.last);
    this.last = at;
  }

  /** Milliseconds since the process started. */
  totalMs(): number {
    return Math.round(this.now());
  }
}
