import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNetwork } from '../../src/app/network';
import { XlsxWorkbook } from '../../src/node/xlsx/workbook';
import { run as validate } from '../../src/node/commands/validate';
import { EXAMPLE } from '../../examples/uzbekistan';
import { captureIo } from './cli-io';

const FILE = path.resolve(__dirname, '../../examples/uzbekistan.xlsx');

function plain<T extends { row: number; invalid: readonly string[] }>(records: readonly T[]) {
  return records.map(({ row: _row, invalid: _invalid, ...rest }) => rest);
}

describe('examples/uzbekistan.xlsx', () => {
  it('holds exactly the records of examples/uzbekistan.ts (run `npm run make-example` after changing them)', async () => {
    const { network } = readNetwork(await XlsxWorkbook.open(FILE));
    expect(network.allProblems).toEqual([]);
    expect(network.settings).toEqual(EXAMPLE.settings);
    expect(plain(network.members.records)).toEqual(EXAMPLE.members);
    expect(plain(network.focalPoints.records)).toEqual(EXAMPLE.focalPoints);
    expect(plain(network.meetings.records)).toEqual(EXAMPLE.meetings);
    expect(plain(network.decisions.records)).toEqual(EXAMPLE.decisions);
    expect(plain(network.actions.records)).toEqual(EXAMPLE.actions);
    expect(plain(network.workplan.records)).toEqual(EXAMPLE.workplan);
    expect(plain(network.groups.records)).toEqual(EXAMPLE.groups);
    expect(plain(network.log.records)).toEqual(EXAMPLE.log);
  });

  it('passes unmn validate', async () => {
    const io = captureIo();
    expect(await validate([FILE], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/^No problems: 12 tabs, \d+ rows checked$/);
  });
});
