/**
 * Bad input everywhere: malformed cells typed into every tab of the network, then every command of the
 * table (as the menu runs it, through dist/Code.js) and both triggers. Nothing may throw out to the
 * person, and no malformed cell may be written over.
 */
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_IDS } from '../../src/app/commands';
import { createGasFake, type Value } from '../fakes/gas';
import { gridsOf } from '../domain/rules/support';
import { bundleCode, loadBundle } from '../support/bundle';
import { SECRETARIAT, emailNetwork } from './network';

const TABS = Object.keys(gridsOf(emailNetwork()));

const junk: fc.Arbitrary<Value> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('=1/0', '#REF!', 'N/A', '  ', 'IOM, , ,UNDP', '2026-13-45', 'TRUE', '-1', '1e308', '<script>alert(1)</script>', 'x'.repeat(50_000)),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.date({ min: new Date(-1e13), max: new Date(1e13), noInvalidDate: true }),
);

/** One malformed cell: a tab, a data row (below the header) and a column. */
const cell = fc.record({ tab: fc.constantFrom(...TABS), row: fc.integer({ min: 2, max: 8 }), column: fc.integer({ min: 1, max: 20 }), value: junk });

let code = '';
beforeAll(() => {
  code = bundleCode();
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 5, 15, 10, 0, 0));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('malformed cells in every tab', () => {
  it('no command or trigger throws out to the person, and no malformed cell is written over', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 12 }), (cells) => {
        const fake = createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, sheets: gridsOf(emailNetwork()), htmlFiles: (name) => `<p>${name}</p>` });
        for (const c of cells) fake.setSheetValues(c.tab, [[c.value]], c.row, c.column);
        const typed = new Map(cells.filter((c) => c.value !== '').map((c) => [`${c.tab}!${c.row},${c.column}`, c]));
        const script = loadBundle(code, fake);
        const thrown: string[] = [];
        const run = (name: string, fn: () => unknown) => {
          fake.nextExecution();
          fake.ui.answer({ button: 'OK', text: '2026' });
          try {
            fn();
          } catch (error) {
            thrown.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
          }
        };
        run('hourlyTick', () => script.hourlyTick!());
        run('onEditInstalled', () => script.onEditInstalled!({ range: fake.globals.SpreadsheetApp.getActive().getSheetByName('Meetings')!.getRange(2, 1, 3, 12) }));
        for (const id of COMMAND_IDS) run(id, () => script[id]!());
        expect(thrown).toEqual([]);
        for (const [at, c] of typed) {
          const now = fake.sheetValues(c.tab)[c.row - 1]?.[c.column - 1] ?? '';
          const same = c.value instanceof Date ? now instanceof Date && now.getTime() === c.value.getTime() : Object.is(now, c.value);
          expect(same, `${at} was ${String(c.value).slice(0, 40)}, is ${String(now).slice(0, 40)}`).toBe(true);
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 12), ...(process.env.SEED ? { seed: Number(process.env.SEED) } : {}) },
    );
  });
});
