/** `--timings`: where one run's wall time went, phase by phase. */

/** Milliseconds from an arbitrary start; `performance.now()` would load perf_hooks (~2 ms of an up-to-date run). */
const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export class RunTimings {
  private readonly phases: Array<[string, number]> = [];
  private last: number;
  readonly started: number;

  constructor(started = now()) {
    this.started = started;
    this.last = started;
  }

  /** Close the current phase under `name`. */
  lap(name: string): void {
    const at = now();
    this.phases.push([name, at - this.last]);
    this.last = at;
  }

  elapsed(): number {
    return now() - this.started;
  }

  format(): string {
    const parts = this.phases.map(([name, ms]) => `${name} ${Math.round(ms)} ms`);
    return `timings: ${parts.join(", ")}; total ${Math.round(this.elapsed())} ms\n`;
  }
}
