import { describe, expect, it } from 'vitest';
import { decodeTable, encodeRow } from '../../src/domain/codec';
import { MeetingsTable, MembersTable, type Meeting, type Member } from '../../src/domain/tables';
import { addMonths } from '../../src/domain/dates';

describe('codec', () => {
  it('finds columns by header name whatever their order, case and spacing, and keeps extra columns', () => {
    const grid = [
      ['  status ', 'My notes', 'AGENCY', 'Joined on', 'Roles', 'Name', 'Admission decision', 'Left on', 'Notes'],
      ['active', 'keep me', 'IOM', new Date(2020, 0, 15), 'chair, Coordinator', 'International Organization for Migration', '', '', ''],
    ];
    const t = decodeTable(MembersTable, grid);
    expect(t.problems).toEqual([]);
    const m: Member = t.records[0]!;
    expect(m).toMatchObject({ agency: 'IOM', status: 'Active', joinedOn: '2020-01-15', roles: ['Chair', 'Coordinator'], row: 2 });
    const row = encodeRow(MembersTable, t.header!, { ...m, notes: 'x' }, grid[1]);
    expect(row[1]).toBe('keep me');
    expect(row[0]).toBe('Active');
  });

  it('reports a bad cell with tab, row, column and what is expected', () => {
    const grid = [
      ['ID', 'Date', 'Kind', 'Status', 'Mode'],
      ['M-2026-01', 'soon', 'Regular', 'Held', 'Telepathy'],
    ];
    const t = decodeTable(MeetingsTable, grid);
    expect(t.records).toEqual([]);
    expect(t.problems.find((p) => p.column === 'Date')).toMatchObject({ sheet: 'Meetings', row: 2, ref: 'M-2026-01' });
    expect(t.problems.find((p) => p.column === 'Mode')?.expected).toBe('one of In person, Online, Hybrid');
    const typed: Meeting['date'] = '2026-01-01';
    expect(typed).toBeTruthy();
  });

  it('does calendar-month arithmetic', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });
});
