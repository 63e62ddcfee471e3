/**
 * The simulated year in CI: a few weeks of it, under a fresh seed each run (printed when it fails).
 * `npm run soak` runs the whole year (8,760 ticks); `SEED=… npm run soak` replays one.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundleCode } from '../support/bundle';
import { simulateYear } from './year';

const HOURS = process.env.SOAK ? 8760 : 24 * 21;
const SEED = process.env.SEED ? Number(process.env.SEED) : Math.floor(Math.random() * 2 ** 31);

let code = '';
beforeAll(() => {
  code = bundleCode();
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a simulated year of a busy network, with faults', () => {
  it(`sends nothing twice, loses no row and keeps the Log true (seed ${SEED}, ${HOURS} hours)`, { timeout: process.env.SOAK ? 3_600_000 : 60_000 }, () => {
    const result = simulateYear(code, { seed: SEED, hours: HOURS });
    console.info(`seed ${SEED}: ${JSON.stringify(result.stats)}`);
    expect(result.violations, `replay with SEED=${SEED} npm run soak`).toEqual([]);
    expect(result.stats.mails).toBeGreaterThan(0);
    expect(result.stats.killed).toBeGreaterThan(0);
  });

  it('catches a planted double send: the invariants are not vacuous', { timeout: 60_000 }, () => {
    const result = simulateYear(code, { seed: 1, hours: 24 * 21, plantDoubleSend: true });
    expect(result.violations.join('\n')).toMatch(/went out with no Sending row|went out 2 times/);
  });
});
