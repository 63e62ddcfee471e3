/**
 * The simulated year in CI: two months of it, under a fresh seed each run (printed when it fails).
 * `npm run soak` runs the whole year (8,760 ticks) and says how far it has come as it goes;
 * `SEED=… npm run soak` replays one; `HOURS=…` sets another length.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleCode } from '../support/bundle';
import { simulateYear } from './year';

const SOAK = process.env.SOAK !== undefined;
const HOURS = process.env.HOURS ? Number(process.env.HOURS) : SOAK ? 8760 : 24 * 60;
const SEED = process.env.SEED ? Number(process.env.SEED) : Math.floor(Math.random() * 2 ** 31);

let code = '';
beforeAll(() => {
  code = bundleCode();
});

describe('a simulated year of a busy network, with faults', () => {
  it(
    `sends nothing twice, loses no row and keeps the Log true (seed ${SEED}, ${HOURS} hours)`,
    { timeout: SOAK ? 3_600_000 : 60_000 },
    () => {
      const started = performance.now();
      const seconds = () => Math.round((performance.now() - started) / 1000);
      const progress = SOAK
        ? (line: string) => process.stderr.write(`soak seed ${SEED}, ${seconds()} s: ${line}\n`)
        : undefined;
      progress?.(`starting, ${HOURS} hours (replay with SEED=${SEED} npm run soak)`);
      const result = simulateYear(code, { seed: SEED, hours: HOURS, progress });
      console.info(`seed ${SEED}, ${HOURS} hours in ${seconds()} s: ${JSON.stringify(result.stats)}`);
      expect(result.violations, `replay with SEED=${SEED} npm run soak`).toEqual([]);
      expect(result.stats.mails).toBeGreaterThan(0);
      expect(result.stats.killed).toBeGreaterThan(0);
    },
  );

  it('catches a planted double send: the invariants are not vacuous', { timeout: 60_000 }, () => {
    const result = simulateYear(code, { seed: 1, hours: 24 * 21, plantDoubleSend: true });
    expect(result.violations.join('\n')).toMatch(/went out with no Sending row|went out 2 times/);
  });
});
