import { describe, expect, it } from 'vitest';
import { formatId, nextId, parseId } from '../../src/domain/ids';
import {
  ActionsTable,
  DecisionsTable,
  MeetingsTable,
  WorkingGroupsTable,
  WorkplanTable,
} from '../../src/domain/tables';

describe("IDs from each table's format", () => {
  it('writes every format of WORKBOOK.md', () => {
    expect(formatId(MeetingsTable, 3, 2026)).toBe('M-2026-03');
    expect(formatId(DecisionsTable, 7, 2026)).toBe('D-2026-07');
    expect(formatId(ActionsTable, 12, 2027)).toBe('A-2027-012');
    expect(formatId(WorkplanTable, 1, 2026)).toBe('W-2026-01');
    expect(formatId(WorkingGroupsTable, 4)).toBe('WG-04');
    expect(formatId(DecisionsTable, 123, 2026)).toBe('D-2026-123');
  });

  it('reads back its own IDs, in any case and spacing, and nothing else', () => {
    expect(parseId(DecisionsTable, ' d-2026-07 ')).toEqual({ year: 2026, n: 7 });
    expect(parseId(WorkingGroupsTable, 'WG-04')).toEqual({ year: null, n: 4 });
    expect(parseId(DecisionsTable, 'A-2026-07')).toBeNull();
    expect(parseId(DecisionsTable, 'D-26-07')).toBeNull();
    expect(parseId(WorkingGroupsTable, 'WG-2026-01')).toBeNull();
  });

  it("gives one past the highest number of that year, skipping blanks, other years and other tables' IDs", () => {
    const cells = ['D-2026-01', '', 'D-2026-09', 'D-2025-30', 'A-2026-050', 42, true, undefined, 'note'];
    expect(nextId(DecisionsTable, cells, 2026)).toBe('D-2026-10');
    expect(nextId(DecisionsTable, cells, 2027)).toBe('D-2027-01');
    expect(nextId(ActionsTable, cells, 2026)).toBe('A-2026-051');
    expect(nextId(WorkingGroupsTable, ['WG-01', 'WG-07'])).toBe('WG-08');
  });
});
