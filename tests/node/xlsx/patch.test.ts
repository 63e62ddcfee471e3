/**
 * A save that only wrote values rewrites the rows it wrote and nothing else: every other part and row
 * of the file stays byte for byte, what was written reads back the same through the adapter and
 * through exceljs (a second reader of the file), dates get a date format, and a write over a formula
 * goes through exceljs instead.
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dayOfDate, timestampOfDate } from '../../../src/domain/dates';
import { LogTable, MeetingsTable } from '../../../src/domain/tables';
import { unpack } from '../../../src/node/xlsx/guard';
import { readWorkbook } from '../../../src/node/xlsx/read';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';

const EXAMPLE = path.resolve(__dirname, '../../../examples/uzbekistan.xlsx');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'unmn-patch-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = (name: string) => path.join(dir, name);

/** Every part of the file as text, by name. */
async function partsOf(name: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await readFile(name));
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  return new Map(
    await Promise.all(entries.map(async (e): Promise<[string, string]> => [e.name, await e.async('string')])),
  );
}

/** The zip part that holds a tab. */
async function partOf(name: string, tab: string): Promise<string> {
  const parts = await unpack(await readFile(name));
  if (typeof parts === 'string') throw new Error(parts);
  return readWorkbook(parts, Infinity).sheets.find((s) => s.name === tab)?.part ?? '';
}

const rowsOf = (xml: string) => xml.match(/<row\b[^>]*?(\/>|>.*?<\/row>)/g) ?? [];

async function exceljsFile(name: string, fill: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  fill(book);
  await book.xlsx.writeFile(file(name));
  return file(name);
}

async function exceljsBook(name: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(name);
  return book;
}

describe('a save of values only', () => {
  it('rewrites the rows written and leaves every other part and row byte for byte', async () => {
    await copyFile(EXAMPLE, file('example.xlsx'));
    const workbook = await XlsxWorkbook.open(file('example.xlsx'));
    const logRows = workbook.read(LogTable.name)?.length ?? 0;
    workbook.write(MeetingsTable.name, 3, 4, [['Online']]);
    workbook.write(LogTable.name, logRows + 1, 1, [[new Date(2026, 10, 23, 9, 30), 'Reminder sent', 'A-2026-004']]);
    await workbook.save(file('patched.xlsx'));

    const [before, after] = [await partsOf(file('example.xlsx')), await partsOf(file('patched.xlsx'))];
    const [meetings, log] = [
      await partOf(file('example.xlsx'), MeetingsTable.name),
      await partOf(file('example.xlsx'), LogTable.name),
    ];
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, text] of before) if (name !== meetings && name !== log) expect(after.get(name), name).toBe(text);
    const [meetingRows, patchedMeetingRows] = [rowsOf(before.get(meetings) ?? ''), rowsOf(after.get(meetings) ?? '')];
    expect(patchedMeetingRows).toHaveLength(meetingRows.length);
    expect(patchedMeetingRows.filter((row, i) => row !== meetingRows[i])).toHaveLength(1);
    expect(rowsOf(after.get(log) ?? '').slice(0, logRows)).toEqual(rowsOf(before.get(log) ?? '').slice(0, logRows));

    const reopened = await XlsxWorkbook.open(file('patched.xlsx'));
    expect(reopened.read(MeetingsTable.name)?.[2]?.[3]).toBe('Online');
    const [stamp, event, ref] = reopened.read(LogTable.name)?.[logRows] ?? [];
    expect([timestampOfDate(stamp as Date), event, ref]).toEqual([
      '2026-11-23T09:30:00',
      'Reminder sent',
      'A-2026-004',
    ]);
  });

  it('writes text, numbers, booleans, dates and blanks that exceljs reads back as written', async () => {
    const name = await exceljsFile('plain.xlsx', (book) => {
      const sheet = book.addWorksheet('Log');
      sheet.addRow(['Day', 'Moment', 'Text', 'Number', 'Yes', 'Formula-like']);
      sheet.getCell('F1').font = { bold: true };
    });
    const strings = (await partsOf(name)).get('xl/sharedStrings.xml');
    const workbook = await XlsxWorkbook.open(name);
    workbook.write('Log', 2, 1, [
      [new Date(2026, 10, 23), new Date(2026, 10, 20, 16, 45, 10), 'R&D <team> "x"\u0007', 3.5, true, '=SUM(A1:A2)'],
    ]);
    workbook.write('Log', 1, 6, [['']]);
    await workbook.save(file('plain-after.xlsx'));

    const parts = await partsOf(file('plain-after.xlsx'));
    expect(parts.get('xl/sharedStrings.xml')).toBe(strings);
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain('t="inlineStr"');
    const [day, moment, ...rest] = (await XlsxWorkbook.open(file('plain-after.xlsx'))).read('Log')?.[1] ?? [];
    expect([dayOfDate(day as Date), timestampOfDate(moment as Date), ...rest]).toEqual([
      '2026-11-23',
      '2026-11-20T16:45:10',
      'R&D <team> "x"',
      3.5,
      true,
      '=SUM(A1:A2)',
    ]);

    const sheet = (await exceljsBook(file('plain-after.xlsx'))).getWorksheet('Log');
    expect((sheet?.getCell('A2').value as Date).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(sheet?.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet?.getCell('B2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(sheet?.getCell('F2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.getCell('F1').value).toBeNull();
    expect(sheet?.getCell('F1').font?.bold).toBe(true);
  });

  it('adds rows to an empty tab and far below the last row, and widens the used range the sheet declares', async () => {
    const name = await exceljsFile('rows.xlsx', (book) => {
      book.addWorksheet('Log').addRow(['Timestamp', 'Event']);
      book.addWorksheet('Empty');
    });
    const workbook = await XlsxWorkbook.open(name);
    workbook.write('Log', 50, 4, [['far']]);
    workbook.write('Empty', 1, 1, [['first'], ['second']]);
    await workbook.save(file('rows-after.xlsx'));
    const reopened = await XlsxWorkbook.open(file('rows-after.xlsx'));
    expect(reopened.read('Log')?.[49]).toEqual(['', '', '', 'far']);
    expect(reopened.read('Empty')).toEqual([['first'], ['second']]);
    expect((await partsOf(file('rows-after.xlsx'))).get('xl/worksheets/sheet1.xml')).toMatch(
      /<dimension ref="A1:D50"\/>/,
    );
    expect((await exceljsBook(file('rows-after.xlsx'))).getWorksheet('Log')?.getCell('D50').value).toBe('far');
  });

  it('keeps the changes of two saves in a row', async () => {
    const name = await exceljsFile('twice.xlsx', (book) => book.addWorksheet('Log').addRow(['Event']));
    const workbook = await XlsxWorkbook.open(name);
    workbook.write('Log', 2, 1, [['first']]);
    await workbook.save(file('twice-1.xlsx'));
    workbook.write('Log', 3, 1, [['second']]);
    await workbook.save(file('twice-2.xlsx'));
    expect((await XlsxWorkbook.open(file('twice-2.xlsx'))).read('Log')).toEqual([['Event'], ['first'], ['second']]);
  });

  /** Two ways a save fails after its patch is made: its file cannot be written, or cannot be made. */
  const failures: [string, (workbook: XlsxWorkbook) => Promise<void>][] = [
    [
      'could not be written',
      (workbook) => expect(workbook.save(file('no-such-folder/retry.xlsx'))).rejects.toThrow(/no-such-folder/),
    ],
    [
      'whose file could not be made',
      async (workbook) => {
        const failing = vi
          .spyOn(JSZip.prototype, 'generateAsync')
          .mockRejectedValueOnce(new RangeError('out of memory'));
        await expect(workbook.save(file('unmade.xlsx'))).rejects.toThrow(/out of memory/);
        failing.mockRestore();
      },
    ],
  ];

  it.each(failures)('saves what a save that %s would have, when asked again', async (what, fail) => {
    const tag = what.replace(/\W+/g, '-');
    const name = await exceljsFile(`retry-${tag}.xlsx`, (book) => {
      book.addWorksheet('Log').addRow(['Event']);
      book.addWorksheet('Notes').addRow(['Note']);
    });
    const workbook = await XlsxWorkbook.open(name);
    workbook.write('Log', 2, 1, [['first']]);
    await workbook.save(file(`retry-${tag}-1.xlsx`));
    workbook.write('Notes', 2, 1, [['a longer note than the one after it']]);
    await fail(workbook);
    workbook.write('Notes', 2, 1, [['short']]);
    workbook.write('Notes', 3, 1, [['another']]);
    await workbook.save(file(`retry-${tag}-2.xlsx`));
    const saved = await XlsxWorkbook.open(file(`retry-${tag}-2.xlsx`));
    expect(saved.read('Log')).toEqual([['Event'], ['first']]);
    expect(saved.read('Notes')).toEqual([['Note'], ['short'], ['another']]);
  });
});

describe('a write over a formula', () => {
  const withFormulas = (name: string) =>
    exceljsFile(name, (book) => {
      const sheet = book.addWorksheet('Budget');
      sheet.addRow(['Planned', 'Spent', 'Note']);
      sheet.getCell('A2').value = { formula: '1+1', result: 2 };
      sheet.getCell('B2').value = { formula: '2+2', result: 4 };
    });

  it('goes through exceljs, which replaces the formula with the value', async () => {
    const workbook = await XlsxWorkbook.open(await withFormulas('formula.xlsx'));
    workbook.write('Budget', 2, 1, [['by hand']]);
    await workbook.save(file('formula-after.xlsx'));
    expect((await XlsxWorkbook.open(file('formula-after.xlsx'))).read('Budget')?.[1]).toEqual(['by hand', 4, '']);
    expect((await exceljsBook(file('formula-after.xlsx'))).getWorksheet('Budget')?.getCell('B2').formula).toBe('2+2');
  });

  it('keeps the formulas of the row beside the cells written', async () => {
    const workbook = await XlsxWorkbook.open(await withFormulas('beside.xlsx'));
    workbook.write('Budget', 2, 3, [['checked']]);
    await workbook.save(file('beside-after.xlsx'));
    expect((await partsOf(file('beside-after.xlsx'))).get('xl/worksheets/sheet1.xml')).toContain('t="inlineStr"');
    const sheet = (await exceljsBook(file('beside-after.xlsx'))).getWorksheet('Budget');
    expect([sheet?.getCell('A2').formula, sheet?.getCell('B2').formula, sheet?.getCell('C2').value]).toEqual([
      '1+1',
      '2+2',
      'checked',
    ]);
  });
});
