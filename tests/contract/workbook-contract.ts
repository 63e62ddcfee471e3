/**
 * The adapter contract: what every WorkbookPort must do, run against each adapter (Apps Script over
 * the fake, xlsx over a temporary file). `reopen` gives the workbook as a later execution (or a later
 * run of the CLI, after saving) would see it, so each case checks what survives as well as what reads.
 */
import { describe, expect, it } from 'vitest';
import { tabLayout } from '../../src/app/layout';
import { readTable, updateRecords, withLockedTabs } from '../../src/app/repository';
import { dateOfDay, dayOfDate } from '../../src/domain/dates';
import { ActionsTable, FocalPointsTable, MeetingsTable, TABLES, type Action } from '../../src/domain/tables';
import { headerRow } from '../../src/domain/codec';
import type { Cell, WorkbookPort } from '../../src/ports';
import { CountingLock } from '../support/ports';

export interface ContractSubject {
  workbook: WorkbookPort;
  reopen(): Promise<WorkbookPort>;
}

/** Dates as their calendar day, so grids compare by what a person sees. */
function days(grid: Cell[][] | null): unknown[][] | null {
  return grid && grid.map((row) => row.map((c) => (c instanceof Date ? { date: dayOfDate(c) } : c)));
}

export function workbookContract(name: string, makeEmpty: () => Promise<ContractSubject>): void {
  describe(`WorkbookPort contract: ${name}`, () => {
    describe('tabs', () => {
      it('reads a missing tab as null and a new tab as []', async () => {
        const { workbook, reopen } = await makeEmpty();
        expect(workbook.read('Nowhere')).toBeNull();
        workbook.addTab('Empty');
        expect(workbook.read('Empty')).toEqual([]);
        const again = await reopen();
        expect(again.read('Empty')).toEqual([]);
        expect(again.read('Nowhere')).toBeNull();
      });

      it('adds tabs at the end or at a position, and refuses a duplicate name', async () => {
        const { workbook, reopen } = await makeEmpty();
        workbook.addTab('B');
        workbook.addTab('A', 0);
        workbook.addTab('C', 1);
        const ours = (names: string[]) => names.filter((n) => ['A', 'B', 'C'].includes(n));
        expect(ours(workbook.tabNames())).toEqual(['A', 'C', 'B']);
        expect(workbook.tabNames()[0]).toBe('A');
        expect(workbook.tabNames()[1]).toBe('C');
        expect(() => workbook.addTab('B')).toThrow();
        expect(ours((await reopen()).tabNames())).toEqual(['A', 'C', 'B']);
      });

      it('removes an empty tab, and refuses to remove one that holds anything', async () => {
        const { workbook, reopen } = await makeEmpty();
        workbook.addTab('Blank');
        workbook.addTab('Kept');
        workbook.write('Kept', 3, 2, [['a note']]);
        workbook.removeEmptyTab('Blank');
        expect(() => workbook.removeEmptyTab('Kept')).toThrow('not empty');
        workbook.flush();
        const names = (await reopen()).tabNames();
        expect(names).not.toContain('Blank');
        expect(names).toContain('Kept');
      });

      it('creates every tab of WORKBOOK.md in order with its header row', async () => {
        const { workbook, reopen } = await makeEmpty();
        const before = workbook.tabNames().length;
        TABLES.forEach((def, i) => {
          workbook.addTab(def.name, i);
          workbook.write(def.name, 1, 1, [headerRow(def)]);
        });
        expect(workbook.tabNames().slice(0, TABLES.length)).toEqual(TABLES.map((t) => t.name));
        expect(workbook.tabNames()).toHaveLength(before + TABLES.length);
        const again = await reopen();
        for (const def of TABLES) expect(again.read(def.name)).toEqual([headerRow(def)]);
      });
    });

    describe('values', () => {
      const row: Cell[] = [
        'text',
        42,
        -3.5,
        true,
        false,
        '',
        dateOfDay('2026-02-28'),
        dateOfDay('2024-02-29'),
        dateOfDay('2026-12-31'),
        '=1+1',
        '+998 71 120 34 50',
        '-5 days',
        '@IOM',
        "'quoted",
        '2026',
        '10.7, 8.8',
        'TRUE',
        '2026-03-01',
        '  spaced  ',
        'Ünïcødé — “quotes” ‘’',
      ];

      it('round-trips every cell type: dates on the same day, numbers, booleans, blanks, text that looks like a formula', async () => {
        const { workbook, reopen } = await makeEmpty();
        workbook.addTab('Values');
        workbook.write('Values', 1, 1, [row, row.map((c) => (typeof c === 'number' ? c * 2 : c))]);
        const expected = days([row, row.map((c) => (typeof c === 'number' ? c * 2 : c))]);
        const read = workbook.read('Values')!;
        expect(days(read)).toEqual(expected);
        for (const c of read[0]!) if (c !== '' && typeof c === 'object') expect(c).toBeInstanceOf(Date);
        expect(read[0]![6]).toBeInstanceOf(Date);
        expect(dayOfDate(read[0]![6] as Date)).toBe('2026-02-28');
        expect(days((await reopen()).read('Values'))).toEqual(expected);
      });

      it('reads a rectangle: every row as wide as the widest, blanks as empty strings', async () => {
        const { workbook, reopen } = await makeEmpty();
        workbook.addTab('Ragged');
        workbook.write('Ragged', 1, 1, [['a', 'b', 'c']]);
        workbook.write('Ragged', 3, 2, [['x']]);
        const expected = [
          ['a', 'b', 'c'],
          ['', '', ''],
          ['', 'x', ''],
        ];
        expect(workbook.read('Ragged')).toEqual(expected);
        expect((await reopen()).read('Ragged')).toEqual(expected);
      });

      it('writes far beyond the last row and column', async () => {
        const { workbook, reopen } = await makeEmpty();
        workbook.addTab('Far');
        workbook.write('Far', 1500, 30, [['edge']]);
        const grid = workbook.read('Far')!;
        expect(grid).toHaveLength(1500);
        expect(grid[1499]).toHaveLength(30);
        expect(grid[1499]![29]).toBe('edge');
        expect((await reopen()).read('Far')![1499]![29]).toBe('edge');
      });

      it('overwrites only the block it writes', async () => {
        const { workbook, reopen } = await makeEmpty();
        workbook.addTab('Block');
        workbook.write('Block', 1, 1, [
          ['a', 'b', 'c'],
          ['d', 'e', 'f'],
        ]);
        workbook.write('Block', 2, 2, [['E']]);
        const expected = [
          ['a', 'b', 'c'],
          ['d', 'E', 'f'],
        ];
        expect(workbook.read('Block')).toEqual(expected);
        expect((await reopen()).read('Block')).toEqual(expected);
      });

      it('hands each read a grid of its own, which later writes leave as it was', async () => {
        const { workbook } = await makeEmpty();
        workbook.addTab('Own');
        workbook.write('Own', 1, 1, [['a', 'b']]);
        const first = workbook.read('Own')!;
        first[0]![0] = 'changed by the caller';
        workbook.write('Own', 1, 2, [['B']]);
        expect(first).toEqual([['changed by the caller', 'b']]);
        expect(workbook.read('Own')).toEqual([['a', 'B']]);
      });

      it('refuses a block with no rows, no columns or ragged rows, and a missing tab, writing nothing', async () => {
        const { workbook } = await makeEmpty();
        workbook.addTab('Dims');
        expect(() => workbook.write('Dims', 1, 1, [])).toThrow();
        expect(() => workbook.write('Dims', 1, 1, [[]])).toThrow();
        expect(() => workbook.write('Dims', 1, 1, [['a', 'b'], ['c']])).toThrow();
        expect(() => workbook.write('Nowhere', 1, 1, [['a']])).toThrow(/Nowhere/);
        expect(workbook.read('Dims')).toEqual([]);
        expect(workbook.read('Nowhere')).toBeNull();
      });
    });

    describe('layout', () => {
      it('formats a tab without changing what it reads, even an empty one', async () => {
        const { workbook, reopen } = await makeEmpty();
        for (const def of [FocalPointsTable, MeetingsTable]) {
          workbook.addTab(def.name);
          workbook.write(def.name, 1, 1, [headerRow(def)]);
          workbook.format(def.name, tabLayout(def));
        }
        expect(workbook.read(FocalPointsTable.name)).toEqual([headerRow(FocalPointsTable)]);
        const meeting: Cell[] = [
          'M-2026-01',
          dateOfDay('2026-03-05'),
          'Regular',
          'Hybrid',
          'Quarterly meeting',
          '14:30',
          '',
          '',
          '',
          'IOM, UNRC',
          'Held',
          dateOfDay('2026-02-27'),
          'IOM, UNDP',
          '',
          'https://docs.google.com/document/d/x',
          '',
          '',
          '',
          'Internal',
        ];
        workbook.write(MeetingsTable.name, 2, 1, [meeting]);
        workbook.format(MeetingsTable.name, tabLayout(MeetingsTable));
        const expected = days([headerRow(MeetingsTable), meeting]);
        expect(days(workbook.read(MeetingsTable.name))).toEqual(expected);
        const again = await reopen();
        expect(days(again.read(MeetingsTable.name))).toEqual(expected);
        expect(again.read(FocalPointsTable.name)).toEqual([headerRow(FocalPointsTable)]);
      });

      it('keeps numbers, booleans and numeric-looking text as written in formatted columns', async () => {
        const { workbook, reopen } = await makeEmpty();
        workbook.addTab(FocalPointsTable.name);
        workbook.write(FocalPointsTable.name, 1, 1, [headerRow(FocalPointsTable)]);
        workbook.format(FocalPointsTable.name, tabLayout(FocalPointsTable));
        const rows: Cell[][] = [
          ['IOM', 'Aziza Karimova', 'Head of Office', 'akarimova@iom.int', 'Primary', true],
          ['UNDP', '2026', '-', 'x@undp.org', 'Alternate', false],
        ];
        workbook.write(FocalPointsTable.name, 2, 1, rows);
        expect(workbook.read(FocalPointsTable.name)!.slice(1)).toEqual(rows);
        expect((await reopen()).read(FocalPointsTable.name)!.slice(1)).toEqual(rows);
      });

      it('paints colours without touching values', async () => {
        const { workbook, reopen } = await makeEmpty();
        workbook.addTab('Paint');
        workbook.write('Paint', 1, 1, [
          ['a', 'b'],
          ['c', 'd'],
        ]);
        workbook.paint('Paint', 1, 1, [
          ['#f4c7c3', null],
          [null, '#fce8b2'],
        ]);
        expect(workbook.read('Paint')).toEqual([
          ['a', 'b'],
          ['c', 'd'],
        ]);
        expect((await reopen()).read('Paint')).toEqual([
          ['a', 'b'],
          ['c', 'd'],
        ]);
      });
    });

    describe('clearFrom', () => {
      it('empties every row from the given one down and keeps the rows above', async () => {
        const { workbook, reopen } = await makeEmpty();
        workbook.addTab('Compliance');
        const grid: Cell[][] = Array.from({ length: 6 }, (_, i) => [`r${i + 1}`, i + 1, i % 2 === 0]);
        workbook.write('Compliance', 1, 1, grid);
        workbook.paint('Compliance', 3, 1, [['#f4c7c3', '#f4c7c3', '#f4c7c3']]);
        workbook.clearFrom('Compliance', 3);
        expect(workbook.read('Compliance')).toEqual(grid.slice(0, 2));
        workbook.write('Compliance', 3, 1, [['new', 3, false]]);
        expect(workbook.read('Compliance')).toEqual([...grid.slice(0, 2), ['new', 3, false]]);
        expect((await reopen()).read('Compliance')).toEqual([...grid.slice(0, 2), ['new', 3, false]]);
      });

      it('empties a whole tab from row 1 and clears nothing below the last row', async () => {
        const { workbook, reopen } = await makeEmpty();
        workbook.addTab('Wipe');
        workbook.write('Wipe', 1, 1, [['a'], ['b']]);
        workbook.clearFrom('Wipe', 5);
        expect(workbook.read('Wipe')).toEqual([['a'], ['b']]);
        workbook.clearFrom('Wipe', 1);
        expect(workbook.read('Wipe')).toEqual([]);
        expect((await reopen()).read('Wipe')).toEqual([]);
      });

      it('keeps the formats of the cleared rows', async () => {
        const { workbook, reopen } = await makeEmpty();
        workbook.addTab(FocalPointsTable.name);
        workbook.write(FocalPointsTable.name, 1, 1, [headerRow(FocalPointsTable)]);
        workbook.format(FocalPointsTable.name, tabLayout(FocalPointsTable));
        workbook.write(FocalPointsTable.name, 2, 1, [['IOM', 'A', 'B', 'a@iom.int', 'Primary', true]]);
        workbook.clearFrom(FocalPointsTable.name, 2);
        workbook.write(FocalPointsTable.name, 2, 1, [['UNDP', '0012', '+1', 'b@undp.org', 'Alternate', false]]);
        const expected = [headerRow(FocalPointsTable), ['UNDP', '0012', '+1', 'b@undp.org', 'Alternate', false]];
        expect(workbook.read(FocalPointsTable.name)).toEqual(expected);
        expect((await reopen()).read(FocalPointsTable.name)).toEqual(expected);
      });
    });

    describe('writeLinks', () => {
      it('writes link text into the cells and empties null cells', async () => {
        const { workbook, reopen } = await makeEmpty();
        workbook.addTab('Meetings');
        workbook.addTab('Compliance');
        workbook.write('Meetings', 1, 1, [['ID'], ['M-2026-01'], ['M-2026-02']]);
        workbook.write('Compliance', 1, 1, [
          ['Sheet', 'Row', 'Ref'],
          ['Meetings', 'keep me', 'x'],
          ['Meetings', 'old', 'y'],
        ]);
        workbook.writeLinks('Compliance', 2, 2, [[{ text: 'Row 2', sheet: 'Meetings', row: 2 }], [null]]);
        workbook.writeLinks('Compliance', 3, 3, [[{ text: '=not a formula', sheet: 'Gone', row: 9 }]]);
        const expected = [
          ['Sheet', 'Row', 'Ref'],
          ['Meetings', 'Row 2', 'x'],
          ['Meetings', '', '=not a formula'],
        ];
        expect(workbook.read('Compliance')).toEqual(expected);
        expect((await reopen()).read('Compliance')).toEqual(expected);
      });
    });

    describe('through the repository', () => {
      const userHeader = [
        'Notes',
        'Status',
        'My column',
        'id',
        ' ACTION ',
        'Owner',
        'Due',
        'Source',
        'Done on',
        'Last reminded on',
        'Team',
      ];
      const userRows: Cell[][] = [
        [
          '',
          'Open',
          'mine 1',
          'A-2026-001',
          'Draft the ToR',
          'IOM',
          dateOfDay('2026-03-31'),
          'D-2026-01',
          '',
          '',
          'alpha',
        ],
        [
          'n2',
          'Open',
          'mine 2',
          'A-2026-002',
          'Share the member list',
          'UNRC',
          dateOfDay('2026-04-30'),
          'D-2026-01',
          '',
          '',
          'beta',
        ],
        [
          '',
          'Done',
          'mine 3',
          'A-2026-003',
          'Book the room',
          'UNDP',
          '',
          'M-2026-01',
          dateOfDay('2026-02-01'),
          '',
          'gamma',
        ],
        [
          '',
          'Open',
          'mine 4',
          'A-2026-004',
          'Send the invitation',
          'IOM',
          dateOfDay('2026-05-15'),
          'M-2026-01',
          '',
          '',
          'delta',
        ],
      ];

      it('keeps reordered headers and extra user columns through read, update and append', async () => {
        const { workbook, reopen } = await makeEmpty();
        workbook.addTab(ActionsTable.name);
        workbook.write(ActionsTable.name, 1, 1, [userHeader, ...userRows]);
        const grid = workbook.read(ActionsTable.name)!;
        const table = readTable(workbook, ActionsTable);
        expect(table.problems).toEqual([]);
        expect(table.records.map((r) => r.id)).toEqual(['A-2026-001', 'A-2026-002', 'A-2026-003', 'A-2026-004']);

        const done = (id: string): Action => ({
          ...table.records.find((r) => r.id === id)!,
          status: 'Done',
          doneOn: '2026-11-20',
        });
        expect(updateRecords(workbook, ActionsTable, table, grid, [done('A-2026-001'), done('A-2026-004')])).toEqual({
          unknown: [],
          skipped: [],
        });
        const added: Action = {
          id: 'A-2026-005',
          source: 'D-2026-02',
          action: '=HYPERLINK("http://evil")',
          owner: 'UNICEF',
          due: '2026-12-01',
          status: 'Open',
          doneOn: null,
          lastRemindedOn: null,
          notes: '+ call back',
        };
        const appended = withLockedTabs({ workbook, lock: new CountingLock() }, (tabs) => {
          tabs.read(ActionsTable);
          return tabs.append(ActionsTable, [added]);
        });
        expect(appended).toEqual([6]);

        for (const wb of [workbook, await reopen()]) {
          const after = wb.read(ActionsTable.name)!;
          expect(after[0]).toEqual(userHeader);
          expect(after.map((r) => r[2])).toEqual(['My column', 'mine 1', 'mine 2', 'mine 3', 'mine 4', '']);
          expect(after.map((r) => r[10])).toEqual(['Team', 'alpha', 'beta', 'gamma', 'delta', '']);
          const again = readTable(wb, ActionsTable);
          expect(again.problems).toEqual([]);
          const byId = new Map(again.records.map((r) => [r.id, r]));
          expect(byId.get('A-2026-001')).toMatchObject({
            status: 'Done',
            doneOn: '2026-11-20',
            action: 'Draft the ToR',
            due: '2026-03-31',
          });
          expect(byId.get('A-2026-002')).toMatchObject({ status: 'Open', doneOn: null, notes: 'n2' });
          expect(byId.get('A-2026-004')).toMatchObject({ status: 'Done', doneOn: '2026-11-20', due: '2026-05-15' });
          expect(byId.get('A-2026-005')).toMatchObject({ ...added, row: 6 });
        }
      });
    });
  });
}
