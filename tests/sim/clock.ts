/**
 * The simulation's clock. While it is installed, globalThis.Date is a subclass of the real Date whose
 * "now" is the simulation's, so that the fake and dist/Code.js (loaded after it) both read simulated
 * time. Not vi.useFakeTimers: its Date defines a property on every instance and answers instanceof
 * through a function, and a year of hourly reads makes tens of millions of dates (a fifth of the run).
 * Every Date made while the clock is installed is one of these, so `instanceof Date` holds everywhere.
 */
export interface SimClock {
  now(): number;
  set(ms: number): void;
  restore(): void;
}

export function installClock(start: number): SimClock {
  const RealDate = globalThis.Date;
  let now = start;
  class SimDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now);
      else super(...(args as [number]));
    }

    static override now(): number {
      return now;
    }
  }
  globalThis.Date = SimDate as DateConstructor;
  return {
    now: () => now,
    set: (ms) => {
      now = ms;
    },
    restore: () => {
      globalThis.Date = RealDate;
    },
  };
}
