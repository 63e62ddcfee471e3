import { describe, expect, it } from 'vitest';
import {
  describeSkipped,
  readTable,
  runs,
  updateRecords,
  withLockedTabs,
  type LockedTabs,
} from '../../src/app/repository';
import { inLanguage } from '../../src/domain/i18n';
import { ActionsTable, type Action } from '../../src/domain/tables';
import { CountingLock } from '../support/ports';
import { MemoryWorkbook } from '../support/memory-workbook';

const header = [
  'Status',
  'My formula',
  'ID',
  'Action',
  'Owner',
  'Due',
  'Source',
  'Done on',
  'Last reminded on',
  'Notes',
  'Extra',
];

function workbook(rows: number) {
  const grid = [header];
  for (let i = 1; i <= rows; i++) {
    grid.push([
      'Open',
      `=ROW()*${i}`,
      `A-2026-${String(i).padStart(3, '0')}`,
      `Action ${i}`,
      'IOM',
      '',
      '',
      '',
      '',
      '',
      `keep ${i}`,
    ]);
  }
  return new MemoryWorkbook({ Actions: grid });
}

describe('repository', () => {
  it('groups row numbers into runs', () => {
    expect(runs([1, 2, 3, 7, 9, 10])).toEqual([
      [1, 3],
      [7, 7],
      [9, 10],
    ]);
  });

  it('updates rows found by ID, writing only the changed contract cells and never the user columns', () => {
    const wb = workbook(6);
    const grid = wb.read('Actions')!;
    const table = readTable(wb, ActionsTable);
    const done = (r: Action): Action => ({ ...r, status: 'Done', doneOn: '2026-11-20' });
    const rows = table.records.filter((r) => ['A-2026-002', 'A-2026-003', 'A-2026-005'].includes(r.id)).map(done);
    wb.calls.write = 0;
    const { unknown, skipped } = updateRecords(wb, ActionsTable, table, grid, [
      ...rows,
      { ...rows[0]!, id: 'A-1999-001' },
    ]);
    expect(unknown).toEqual(['A-1999-001']);
    expect(skipped).toEqual([]);
    // Two row runs (2–3 and 5) × two column runs (Status; Done on).
    expect(wb.calls.write).toBe(4);
    const after = wb.read('Actions')!;
    expect(after[2]?.[0]).toBe('Done');
    expect(after[5]?.[0]).toBe('Done');
    expect(after[4]?.[0]).toBe('Open');
    expect(after.map((r) => r[1])).toEqual(grid.map((r) => r[1]));
    expect(after.map((r) => r[10])).toEqual(grid.map((r) => r[10]));
  });

  it('writes nothing when an update changes nothing', () => {
    const wb = workbook(3);
    const table = readTable(wb, ActionsTable);
    wb.calls.write = 0;
    updateRecords(wb, ActionsTable, table, wb.read('Actions')!, table.records);
    expect(wb.calls.write ?? 0).toBe(0);
  });

  it('appends below the last row, in one block per run of contract columns', () => {
    const wb = workbook(2);
    const written = withLockedTabs({ workbook: wb, lock: new CountingLock() }, (tabs) => {
      const record: Action = { ...tabs.read(ActionsTable).records[0]!, id: 'A-2026-100', action: '=SUM(1)' };
      wb.calls.write = 0;
      return tabs.append(ActionsTable, [record, { ...record, id: 'A-2026-101' }]);
    });
    expect(written).toEqual([4, 5]);
    // Status | (user column) | ID … Notes | (user column): two blocks.
    expect(wb.calls.write).toBe(2);
    const after = wb.read('Actions')!;
    expect(after[3]?.slice(2, 4)).toEqual(['A-2026-100', '=SUM(1)']);
    expect(after[3]?.[1]).toBe('');
  });

  it('appends only to tabs read under the same lock, one batch after the other, and never once the lock is released', () => {
    const wb = workbook(2);
    const record: Action = { ...readTable(wb, ActionsTable).records[0]!, id: 'A-2026-100' };
    let released: LockedTabs | undefined;
    withLockedTabs({ workbook: wb, lock: new CountingLock() }, (tabs) => {
      expect(() => tabs.append(ActionsTable, [record])).toThrow(
        'The Actions tab must be read under the document lock before anything is written to it.',
      );
      tabs.read(ActionsTable);
      expect(tabs.append(ActionsTable, [record])).toEqual([4]);
      expect(tabs.append(ActionsTable, [{ ...record, id: 'A-2026-101' }])).toEqual([5]);
      released = tabs;
    });
    expect(() => released!.append(ActionsTable, [record])).toThrow(
      'read under a document lock that has since been released',
    );
    expect(wb.read('Actions')!.map((r) => r[2])).toEqual([
      'ID',
      'A-2026-001',
      'A-2026-002',
      'A-2026-100',
      'A-2026-101',
    ]);
  });

  it('refuses to append to a tab without a header row', () => {
    const wb = new MemoryWorkbook({ Actions: [] });
    withLockedTabs({ workbook: wb, lock: new CountingLock() }, (tabs) => {
      tabs.read(ActionsTable);
      expect(() => tabs.append(ActionsTable, [])).toThrow('The Actions tab is missing or has no header row');
    });
  });
});

describe('the cells a save left alone', () => {
  const skipped = [
    {
      write: { id: 'A-2026-001', field: 'lastRemindedOn', was: null, value: '2026-06-15' },
      reason: 'reason',
    },
  ];

  it('name the column by its English header and the row by its ID, in the language of the execution', () => {
    expect(inLanguage('en', () => describeSkipped(ActionsTable, skipped))).toEqual([
      'Last reminded on of A-2026-001 (reason)',
    ]);
    expect(inLanguage('ru', () => describeSkipped(ActionsTable, skipped))).toEqual([
      '«Last reminded on» для A-2026-001 (reason)',
    ]);
  });
});
