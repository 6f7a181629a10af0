/**
 * The workflow's clock. Timers, due dates and job polling read it; tests move it
 * forward (`travel`) instead of sleeping.
 */
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves this clock forward by ms (tests: "60 days later"). */
  travel(ms: number): void {
    this.offsetMs += ms;
  }
}

export const DAY_MS = 86_400_000;
