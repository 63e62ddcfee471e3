/**
 * Properties of the codec over every tab: whatever a sheet holds, decoding returns records and
 * problems and never throws, and what it returns is well-formed; a valid record survives
 * encode → decode unchanged, wherever its columns stand and whatever columns the user added.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEmail, type Cell, type Column } from '../../src/domain/cells';
import { decodeTable, encodeRow, headerRow, mapHeader, TableDecoder } from '../../src/domain/codec';
import { FIRST_YEAR, LAST_YEAR } from '../../src/domain/dates';
import { effectiveSettings } from '../../src/domain/profiles';
import { settingColumns, settingsRows, type Settings } from '../../src/domain/settings';
import { SettingsTable, TABLES, type AnyTable } from '../../src/domain/tables';

const RUNS = { numRuns: 200 };

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    '',
    ' ',
    '  \t',
    '\n',
    'Yes',
    'no',
    'TRUE',
    '2026-02-30',
    '2026-11-23',
    '1,2,3',
    '=SUM(A1)',
    'IOM, UNDP',
  ),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.constantFrom<Cell>(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 2026, 23.5),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(new Date(Number.NaN)),
);

function shuffledHeaders(def: AnyTable): fc.Arbitrary<Cell[]> {
  const real = headerRow(def);
  return fc
    .tuple(
      fc.subarray(real),
      fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(' ID ', 'id', 'STATUS', 'Notes ')), {
        maxLength: 3,
      }),
      fc.array(fc.boolean(), { minLength: 1, maxLength: real.length }),
    )
    .chain(([some, extra, casing]) =>
      fc.shuffledSubarray([...some.map((h, i) => (casing[i % casing.length] ? h.toUpperCase() : ` ${h} `)), ...extra], {
        minLength: some.length + extra.length,
      }),
    );
}

function anyGrid(def: AnyTable): fc.Arbitrary<Cell[][]> {
  const header = fc.oneof(shuffledHeaders(def), fc.array(anyCell, { maxLength: 8 }), fc.constant(headerRow(def)));
  return fc
    .tuple(header, fc.array(fc.array(anyCell, { maxLength: 20 }), { maxLength: 8 }))
    .map(([h, rows]) => [h, ...rows]);
}

/** The fields a decoded record is compared on: its columns, without the row and invalid it carries. */
function comparable(def: AnyTable, record: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(def.columns).map((k) => [k, (record as Record<string, unknown>)[k]]));
}

describe('decoding any grid', () => {
  it.each(TABLES.map((def) => [def.name, def] as const))(
    '%s: never throws, and every record and problem is well-formed',
    (_name, def) => {
      fc.assert(
        fc.property(fc.oneof(anyGrid(def), fc.constant([] as Cell[][])), (grid) => {
          const table = decodeTable(def, grid);
          for (const record of table.records) {
            expect(record.row).toBeGreaterThanOrEqual(2);
            expect(record.row).toBeLessThanOrEqual(grid.length);
            expect(Object.keys(record).sort()).toEqual(
              [...new Set([...Object.keys(def.columns), 'row', 'invalid'])].sort(),
            );
            expect(def.schema.safeParse(record).success).toBe(true);
          }
          for (const problem of table.problems) {
            expect(problem.sheet).toBe(def.name);
            expect(problem.message).not.toBe('');
            if (problem.row !== null) expect(problem.row).toBeGreaterThanOrEqual(1);
          }
          expect(table.lastRow).toBe(grid.length);
        }),
        RUNS,
      );
    },
  );

  it.each(TABLES.map((def) => [def.name, def] as const))(
    '%s: rows given one at a time, blanks as holes and blank rows left out, decode as their grid does',
    (_name, def) => {
      const titled = fc
        .tuple(fc.nat(3), anyGrid(def))
        .map(([lines, grid]) => [...Array.from({ length: lines }, () => ['']), ...grid]);
      // A reader may make a row longer than its last value: room it kept for the cells it expected.
      const room = fc.array(fc.nat(3), { maxLength: 16 });
      fc.assert(
        fc.property(titled, room, (grid, extra) => {
          // As a reader of a file gives them: '' is a hole, and a row with nothing is not given.
          const rows = grid.map((cells) => {
            const sparse: (Cell | undefined)[] = [];
            cells.forEach((cell, c) => {
              if (cell !== '') sparse[c] = cell;
            });
            return sparse;
          });
          const height = rows.reduce((last, cells, r) => (cells.length > 0 ? r + 1 : last), 0);
          const width = Math.max(0, ...rows.map((cells) => cells.length));
          const rectangle = rows
            .slice(0, height)
            .map((cells) => Array.from({ length: width }, (_, c) => cells[c] ?? ''));
          const decoder = new TableDecoder(def);
          rows.forEach((cells, r) => {
            if (cells.length === 0) return;
            const given = [...cells];
            given.length += extra[r] ?? 0;
            decoder.row(r + 1, given);
          });
          expect(decoder.end(height)).toEqual(decodeTable(def, rectangle));
        }),
        RUNS,
      );
    },
  );

  it('Settings: never throws, and the effective settings always have every setting', () => {
    fc.assert(
      fc.property(fc.oneof(anyGrid(SettingsTable), fc.constant(null)), (grid) => {
        const read = effectiveSettings(grid);
        expect(Object.keys(read.settings).sort()).toEqual(Object.keys(settingColumns()).sort());
        for (const problem of read.problems) expect(problem.sheet).toBe('Settings');
      }),
      RUNS,
    );
  });
});

/** Text as a person types it into one cell: trimmed, and without the separators of a list. */
const word = fc
  .string({ minLength: 1, maxLength: 12 })
  .map((s) => s.replace(/[,;\n]/g, ' ').trim())
  .filter((s) => s !== '');
const text = fc.string({ maxLength: 30 }).map((s) => s.trim());
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/),
    fc.stringMatching(/^[a-z0-9]{1,8}(\.[a-z0-9]{1,8}){0,2}\.[a-z]{2,6}$/),
  )
  .map(([local, domain]) => `${local}@${domain}`)
  .filter(isEmail);
const day = fc
  .date({ min: new Date(Date.UTC(FIRST_YEAR, 0, 1)), max: new Date(Date.UTC(LAST_YEAR, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const timestamp = fc
  .tuple(day, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
  .map(
    ([d, h, m, s]) => `${d}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`,
  );

/** A number column's bounds, read from the words it expects ("a whole number from 0 to 100"). */
function numberValue(column: Column): fc.Arbitrary<number> {
  const oneOf = /^one of ([\d, ]+) or (\d+)$/.exec(column.expected);
  if (oneOf) return fc.constantFrom(...[...oneOf[1]!.split(', '), oneOf[2]!].map(Number));
  const range = /from (-?\d+) to (-?\d+)/.exec(column.expected);
  const atLeast = /at least (-?\d+)/.exec(column.expected);
  const min = Number(range?.[1] ?? atLeast?.[1] ?? -1e9);
  const max = Number(range?.[2] ?? 1e9);
  return column.expected.startsWith('a whole number')
    ? fc.integer({ min, max })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
}

function valueOf(column: Column): fc.Arbitrary<unknown> {
  const blank = <T>(arb: fc.Arbitrary<T>) => (column.required ? arb : fc.option(arb, { nil: null }));
  switch (column.kind) {
    case 'text':
      if (column.expected.startsWith('a time of day'))
        return fc
          .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
          .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
      return column.required ? word : text;
    case 'date':
      return blank(day);
    case 'timestamp':
      return blank(timestamp);
    case 'number':
      return blank(numberValue(column));
    case 'yesno':
      return fc.option(fc.boolean(), { nil: null });
    case 'choice':
      return blank(fc.constantFrom(...column.choices));
    case 'choices':
      return fc.uniqueArray(fc.constantFrom(...column.choices));
    case 'list':
      return fc.array(word, { maxLength: 4 });
    case 'email':
      return column.required ? email : fc.oneof(email, fc.constant(''));
    case 'emails':
      return fc.array(email, { maxLength: 3 });
    case 'gcm':
      return fc.uniqueArray(fc.integer({ min: 1, max: 23 }), { maxLength: 5 });
  }
}

function recordOf(def: AnyTable): fc.Arbitrary<Record<string, unknown>> {
  const columns = def.columns as Record<string, Column>;
  return fc.record(Object.fromEntries(Object.entries(columns).map(([key, column]) => [key, valueOf(column)])));
}

describe('a valid record through encode → decode', () => {
  it.each(TABLES.map((def) => [def.name, def] as const))(
    '%s: comes back unchanged, between the user’s columns',
    (_name, def) => {
      fc.assert(
        fc.property(
          recordOf(def),
          fc.shuffledSubarray([...headerRow(def), 'My notes', 'Follow-up'], { minLength: headerRow(def).length + 2 }),
          fc.array(anyCell, { minLength: 2, maxLength: 2 }),
          (record, headers, extras) => {
            expect(def.schema.safeParse(record).success).toBe(true);
            const { header } = mapHeader(def, headers);
            const base = headers.map((h) =>
              h === 'My notes' ? extras[0] : h === 'Follow-up' ? extras[1] : '',
            ) as Cell[];
            const row = encodeRow(def, header, record as never, base);
            const contract = [...header.index.values()];
            fc.pre(contract.some((at) => row[at] !== ''));
            const table = decodeTable(def, [headers, row]);
            expect(table.problems).toEqual([]);
            expect(table.records).toHaveLength(1);
            expect(comparable(def, table.records[0] as object)).toEqual(comparable(def, record));
            expect(row[headers.indexOf('My notes')]).toBe(extras[0]);
            expect(row[headers.indexOf('Follow-up')]).toBe(extras[1]);
          },
        ),
        RUNS,
      );
    },
  );

  it('Settings: any valid settings written as rows read back as the effective settings', () => {
    const settings = fc.record(
      Object.fromEntries(Object.entries(settingColumns()).map(([key, column]) => [key, valueOf(column as Column)])),
    ) as fc.Arbitrary<Settings>;
    fc.assert(
      fc.property(settings, fc.constantFrom('azerbaijan', 'uzbekistan', 'custom' as const), (values, profile) => {
        const written = { ...values, torProfile: profile };
        const read = effectiveSettings([['Setting', 'Value'], ...settingsRows(written)]);
        expect(read.problems).toEqual([]);
        expect(read.settings).toEqual(written);
      }),
      RUNS,
    );
  });
});
