/** `--timings`: where one run's wall time went, phase by phase. */
import { performance } from "node:perf_hooks";

export class RunTimings {
  private readonly phases: Array<[string, number]> = [];
  private last: number;
  readonly started: number;

  constructor(started = performance.now()) {
    this.started = started;
    this.last = started;
  }

  /** Close the current phase under `name`. */
  lap(name: string): void {
    const now = performance.now();
    this.phases.push([name, now - this.last]);
    this.last = now;
  }

  elapsed(): number {
    return performance.now() - this.started;
  }

  format(): string {
    const parts = this.phases.map(([name, ms]) => `${name} ${Math.round(ms)} ms`);
    return `timings: ${parts.join(", ")}; total ${Math.round(this.elapsed())} ms\n`;
  }
}
