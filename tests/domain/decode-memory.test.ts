/**
 * What a decoded tab costs in memory: a network at 1,000 times the example decodes 160,000 rows, and
 * the records of the check, the reports and the tick must fit in a few hundred megabytes.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { decodeTable, headerRow } from '../../src/domain/codec';
import { MeetingsTable } from '../../src/domain/tables';
import type { Cell } from '../../src/domain/cells';

setFlagsFromString('--expose-gc');
setFlagsFromString('--allow-natives-syntax');
const gc = runInNewContext('gc') as () => void;
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

const ROWS = 20_000;
const AGENCIES = ['IOM', 'UNDP', 'UNICEF', 'UNHCR', 'ILO', 'WHO', 'UNFPA', 'UNESCO', 'UNODC', 'FAO', 'WFP', 'OHCHR'];

function meetings(): Cell[][] {
  const headers = headerRow(MeetingsTable);
  const rows: Cell[][] = [headers];
  for (let i = 0; i < ROWS; i++) {
    const cells: Record<string, Cell> = {
      ID: `M-2026-${i}`,
      Date: new Date(2000 + (i % 25), i % 12, 1 + (i % 28)),
      Kind: 'Regular',
      Status: 'Held',
      Title: 'Quarterly meeting of the network',
      'Chaired by': 'IOM, UNDP',
      Attendees: AGENCIES.join(', '),
      'Agenda circulated on': new Date(2000 + (i % 25), i % 12, 1),
      'Minutes approved on': new Date(2000 + (i % 25), (i + 1) % 12, 1),
    };
    rows.push(headers.map((h) => cells[h] ?? ''));
  }
  return rows;
}

describe('decoded records', () => {
  it('keep their fields as an object of fixed shape, not a dictionary', () => {
    const { records } = decodeTable(MeetingsTable, meetings().slice(0, 3));
    expect(records).toHaveLength(2);
    for (const record of records) expect(hasFastProperties(record)).toBe(true);
  });

  it('share one string for each agency or day that rows repeat', () => {
    const grid = meetings();
    gc();
    const before = process.memoryUsage().heapUsed;
    const decoded = decodeTable(MeetingsTable, grid);
    gc();
    const perRecord = (process.memoryUsage().heapUsed - before) / decoded.records.length;
    expect(decoded.records).toHaveLength(ROWS);
    expect(perRecord).toBeLessThan(800);
  });
});
