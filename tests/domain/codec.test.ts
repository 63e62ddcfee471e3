import { describe, expect, it } from 'vitest';
import { decodeTable, encodeRow } from '../../src/domain/codec';
import {
  ActionsTable,
  DecisionsTable,
  MeetingsTable,
  MembersTable,
  WorkplanTable,
  type Meeting,
  type Member,
} from '../../src/domain/tables';
import { addMonths } from '../../src/domain/dates';

describe('codec', () => {
  it('reads a tab without its optional columns as blank, with no problem, and rejects a principle outside the ten', () => {
    const headers = Object.values(WorkplanTable.columns)
      .filter((c) => !c.optional)
      .map((c) => c.header);
    const row = headers.map((h) => (h === 'ID' ? 'W-2026-01' : h === 'Year' ? 2026 : ''));
    const t = decodeTable(WorkplanTable, [headers, row]);
    expect(t.problems).toEqual([]);
    expect(t.records[0]).toMatchObject({ resultsToDate: '', cooperationFrameworkOutcome: '', guidingPrinciples: [] });
    const withPrinciples = decodeTable(WorkplanTable, [
      [...headers, 'Guiding principles'],
      [...row, 'human rights, Gender-responsive'],
      [...row, 'Human rights, Fairness'],
    ]);
    expect(withPrinciples.records[0]!.guidingPrinciples).toEqual(['Human rights', 'Gender-responsive']);
    expect(withPrinciples.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, 'Guiding principles', expect.stringContaining('"Fairness" is not one of People-centred')],
    ]);
  });

  it('finds columns by header name whatever their order, case and spacing, and keeps extra columns', () => {
    const grid = [
      ['  status ', 'My notes', 'AGENCY', 'Joined on', 'Roles', 'Name', 'Admission decision', 'Left on', 'Notes'],
      [
        'active',
        'keep me',
        'IOM',
        new Date(2020, 0, 15),
        'chair, Coordinator',
        'International Organization for Migration',
        '',
        '',
        '',
      ],
    ];
    const t = decodeTable(MembersTable, grid);
    expect(t.problems).toEqual([]);
    const m: Member = t.records[0]!;
    expect(m).toMatchObject({
      agency: 'IOM',
      status: 'Active',
      joinedOn: '2020-01-15',
      roles: ['Chair', 'Coordinator'],
      row: 2,
    });
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

  it('refuses a date before 1900 or after 2100, typed or as a date cell, naming tab, row, column and the years expected', () => {
    const year26 = new Date(2026, 2, 10);
    year26.setFullYear(26);
    const grid = [
      ['ID', 'Date', 'Kind', 'Status'],
      ['M-0026-01', '0026-03-10', 'Regular', 'Held'],
      ['M-0026-02', year26, 'Regular', 'Held'],
      ['M-2101-01', '2101-01-01', 'Regular', 'Planned'],
      ['M-1900-01', '1900-01-01', 'Regular', 'Held'],
      ['M-2100-01', new Date(2100, 11, 31), 'Regular', 'Planned'],
    ];
    const t = decodeTable(MeetingsTable, grid);
    expect(t.records.map((r) => [r.id, r.date])).toEqual([
      ['M-1900-01', '1900-01-01'],
      ['M-2100-01', '2100-12-31'],
    ]);
    const expected = 'a date from 1900 to 2100 (a date cell or text YYYY-MM-DD)';
    expect(t.problems.filter((p) => p.column === 'Date')).toEqual([
      {
        sheet: 'Meetings',
        row: 2,
        column: 'Date',
        ref: 'M-0026-01',
        message: '"0026-03-10" is not a date from 1900 to 2100',
        expected,
      },
      {
        sheet: 'Meetings',
        row: 3,
        column: 'Date',
        ref: 'M-0026-02',
        message: 'the date 0026-03-10 is not a date from 1900 to 2100',
        expected,
      },
      {
        sheet: 'Meetings',
        row: 4,
        column: 'Date',
        ref: 'M-2101-01',
        message: '"2101-01-01" is not a date from 1900 to 2100',
        expected,
      },
    ]);
  });

  it('does calendar-month arithmetic', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });
});

describe('codec: the rules for every tab', () => {
  it('reports a missing tab and a missing column by name', () => {
    expect(decodeTable(MeetingsTable, null).problems[0]).toMatchObject({ sheet: 'Meetings', row: null, column: null });
    const t = decodeTable(MeetingsTable, [['ID', 'Date', 'Kind', 'Status']]);
    const missing = t.problems.map((p) => p.column);
    expect(missing).toContain('Mode');
    expect(t.problems.every((p) => p.row === 1)).toBe(true);
  });

  it('ignores blank rows, drops rows whose required cells are bad, and keeps rows whose optional cells are bad', () => {
    const grid = [
      ['ID', 'Date', 'Kind', 'Mode', 'Status', 'Attendees'],
      ['', '', '', '', '', ''],
      ['M-2026-01', '2026-01-10', 'Regular', 'on the moon', 'Held', 'IOM, UNDP ,, unicef'],
      ['M-2026-02', '', 'Regular', 'Online', 'Held', ''],
    ];
    const t = decodeTable(MeetingsTable, grid);
    expect(t.records.map((r) => r.id)).toEqual(['M-2026-01']);
    expect(t.records[0]).toMatchObject({ mode: null, attendees: ['IOM', 'UNDP', 'unicef'], row: 3 });
    // Cells that could not be read, and columns the tab lacks, are marked so rules leave them to data.invalid.
    expect(t.records[0]?.invalid).toEqual(expect.arrayContaining(['mode', 'minutesLink']));
    expect(t.problems.map((p) => [p.row, p.column])).toEqual(
      expect.arrayContaining([
        [3, 'Mode'],
        [4, 'Date'],
      ]),
    );
    expect(t.lastRow).toBe(4);
  });

  it('accepts a number where text is expected and reads Yes/No, GCM lists and timestamps', () => {
    const grid = [
      ['ID', 'Date', 'Kind', 'Outcome', 'Subject', 'State relevant', 'GCM objectives', 'Recorded at'],
      ['D-2024-01', '2024-02-29', 'Workplan endorsement', 'adopted', 2026, 'yes', 7, '2026-03-01T10:15:00'],
      ['D-2026-02', '2026-03-02', 'General', 'Adopted', '', true, '1, 24', new Date(2026, 2, 2, 9, 30)],
      ['D-2026-03', '2026-02-29', 'General', 'Adopted', '', '', '', ''],
    ];
    const t = decodeTable(DecisionsTable, grid);
    expect(t.records[0]).toMatchObject({
      subject: '2026',
      stateRelevant: true,
      gcmObjectives: [7],
      outcome: 'Adopted',
    });
    expect(t.problems.map((p) => [p.row, p.column])).toEqual([
      [1, 'Meeting'],
      [1, 'Title'],
      [1, 'Decision'],
      [1, 'Consultation'],
      [1, 'Consulted'],
      [1, 'Objections'],
      [1, 'State consulted on'],
      [1, 'Recorded by'],
      [3, 'GCM objectives'],
      [4, 'Date'],
    ]);
    expect(t.records.map((r) => r.recordedAt)).toEqual(['2026-03-01T10:15:00', '2026-03-02T09:30:00']);
  });

  it('says when a header appears twice and reads the first', () => {
    const t = decodeTable(ActionsTable, [
      ['ID', 'Action', 'Status', 'status'],
      ['A-2026-001', 'Draft the note', 'Open', 'Done'],
    ]);
    expect(t.records[0]?.status).toBe('Open');
    expect(t.problems.some((p) => /appears twice/.test(p.message))).toBe(true);
  });
});
