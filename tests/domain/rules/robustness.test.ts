import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/domain/cells';
import { headerRow } from '../../../src/domain/codec';
import { addDays } from '../../../src/domain/dates';
import { decodeNetwork } from '../../../src/domain/network';
import { checkNetwork } from '../../../src/domain/rules';
import { settingColumns } from '../../../src/domain/settings';
import { TABLES } from '../../../src/domain/tables';

const words = [
  'IOM',
  'UNRC',
  'undp',
  'Held',
  'Regular',
  'Annual',
  'Adopted',
  'Open',
  'Primary',
  'Yes',
  'No',
  'uzbekistan',
  'azerbaijan',
  'unanimous',
  'M-2026-01',
  'D-2026-01',
  '3',
  '2026',
];

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>('', ...words),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 3000 }),
  fc.boolean(),
  fc.date({ min: new Date(2018, 0, 1), max: new Date(2028, 11, 31), noInvalidDate: false }),
  fc.array(fc.constantFrom(...words), { maxLength: 4 }).map((ws) => ws.join(', ')),
);

const tabs = fc.record(
  Object.fromEntries(
    TABLES.filter((t) => t.name !== 'Settings' && t.name !== 'Compliance').map((t) => [
      t.name,
      fc
        .array(fc.array(cell, { minLength: headerRow(t).length, maxLength: headerRow(t).length }), { maxLength: 6 })
        .map((rows) => [headerRow(t), ...rows]),
    ]),
  ),
);

const settings = fc.array(fc.tuple(fc.constantFrom(...Object.values(settingColumns()).map((c) => c.header)), cell), {
  maxLength: 10,
});

describe('the check on arbitrary workbooks', () => {
  it('always completes, with findings of the right shape and no rule failing', () => {
    fc.assert(
      fc.property(tabs, settings, fc.integer({ min: 0, max: 3650 }), (grids, rows, offset) => {
        const network = decodeNetwork({ ...grids, Settings: [['Setting', 'Value'], ...rows] });
        const findings = checkNetwork(network, addDays('2019-01-01', offset));
        for (const f of findings) {
          expect(f.message).not.toContain('stopped on something');
          expect(['error', 'warning', 'info']).toContain(f.severity);
          expect(TABLES.map((t) => t.name)).toContain(f.sheet);
          expect(f.row === null || Number.isInteger(f.row)).toBe(true);
          expect(f.message.length).toBeGreaterThan(0);
          expect(f.fix.length).toBeGreaterThan(0);
          expect(f.clause.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
