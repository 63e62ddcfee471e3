import { describe, expect, it } from 'vitest';
import { clipText, col, MAX_CELL_TEXT } from '../../src/domain/cells';

describe('clipText', () => {
  it('keeps text that fits a cell of both Excel (32,767) and Google Sheets (50,000)', () => {
    expect(MAX_CELL_TEXT).toBeLessThan(32_767);
    const fits = 'x'.repeat(MAX_CELL_TEXT);
    expect(clipText(fits)).toBe(fits);
  });

  it('cuts longer text to the limit, ending in an ellipsis, never inside an emoji', () => {
    const clipped = clipText('x'.repeat(50_000));
    expect(clipped).toHaveLength(MAX_CELL_TEXT);
    expect(clipped.endsWith('x…')).toBe(true);
    const emoji = clipText(`${'x'.repeat(MAX_CELL_TEXT - 2)}😀😀`);
    expect(emoji).toBe(`${'x'.repeat(MAX_CELL_TEXT - 2)}…`);
    expect(clipText('Network on Migration', 8)).toBe('Network…');
  });
});

describe('a timestamp column', () => {
  const stamp = col.timestamp('Recorded at');
  it('holds date-times from 1900 to 2100, as dates do', () => {
    expect(stamp.decode('2026-06-15T10:00:00')).toEqual({ ok: true, value: '2026-06-15T10:00:00' });
    expect(stamp.decode(new Date(1900, 0, 1, 8, 0, 0)).ok).toBe(true);
    expect(stamp.decode('2100-12-31T23:59:59').ok).toBe(true);
  });

  it('reads a year out of bounds, 0026, 9999 or a date before 1900 (a negative serial), as a cell error', () => {
    for (const cell of ['9999-06-15T10:00:00', '0026-06-15T10:00:00', '1899-12-30T00:00:00', new Date(1850, 0, 1)]) {
      expect(stamp.decode(cell), String(cell)).toMatchObject({
        ok: false,
        message: expect.stringContaining('from 1900 to 2100'),
      });
    }
  });
});

describe('a date column', () => {
  const date = col.date('Date');
  it('reads a date cell of the years 1900 to 2100 as its day, and one outside them as a cell error', () => {
    expect(date.decode(new Date(2026, 1, 28))).toEqual({ ok: true, value: '2026-02-28' });
    expect(date.decode(new Date(1900, 0, 1))).toEqual({ ok: true, value: '1900-01-01' });
    for (const cell of [new Date(1899, 11, 31), new Date(2101, 0, 1), new Date(new Date(2026, 5, 15).setFullYear(26))])
      expect(date.decode(cell), String(cell)).toMatchObject({
        ok: false,
        message: expect.stringContaining('from 1900 to 2100'),
      });
    expect(date.decode('2026-02-29').ok).toBe(false);
  });
});

describe('a list column', () => {
  const list = col.list('Consulted');
  // Lists recur row after row and are read once for all of them; the records share one array, which none can change.
  it('gives the cells of one list one frozen array of items, however often the list recurs', () => {
    const first = list.decode('IOM, UNHCR;UNDP\n ,ILO');
    const second = list.decode('IOM, UNHCR;UNDP\n ,ILO');
    expect(first).toEqual({ ok: true, value: ['IOM', 'UNHCR', 'UNDP', 'ILO'] });
    expect(second).toEqual(first);
    if (!first.ok || !second.ok) throw new Error('not decoded');
    expect(second.value).toBe(first.value);
    expect(() => first.value.push('WHO')).toThrow(TypeError);
    expect(list.decode('IOM, UNHCR;UNDP\n ,ILO')).toEqual({ ok: true, value: ['IOM', 'UNHCR', 'UNDP', 'ILO'] });
  });
});
