/**
 * Hostile and foreign files: each is refused before exceljs reads it, in one line that says what the
 * file is (and what to do), never in the zip library's words; `unmn` exits 2 on them. The zip bombs
 * are small files that declare (or hold) more than a network's workbook ever needs.
 */
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/node/cli';
import { cellsOf, MAX_BYTES, refusal } from '../../../src/node/xlsx/guard';
import { WorkbookFileError, XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { captureIo } from '../cli-io';
import { declaring } from './parts';

const EXAMPLE = path.resolve(__dirname, '../../../examples/uzbekistan.xlsx');
let dir: string;
let xlsx: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'unmn-guard-'));
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Members').addRow(['Agency', 'Name']);
  xlsx = Buffer.from(await book.xlsx.writeBuffer());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = (name: string) => path.join(dir, name);

/** The small workbook with some of its parts replaced. */
async function withParts(parts: Record<string, (xml: string) => string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  for (const [name, change] of Object.entries(parts))
    zip.file(name, change((await zip.file(name)?.async('string')) ?? ''));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** What `unmn check` says of the file: its exit code and standard error. */
async function checked(name: string, bytes: Buffer): Promise<{ code: number; stderr: string[]; stdout: string[] }> {
  await writeFile(file(name), bytes);
  const io = captureIo();
  const code = await main(['check', file(name)], io);
  return { code, stderr: io.stderr, stdout: io.stdout };
}

function expectOneLine(
  result: { code: number; stderr: string[]; stdout: string[] },
  name: string,
  message: RegExp,
): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toEqual([]);
  expect(result.stderr).toHaveLength(1);
  const [line = ''] = result.stderr;
  expect(line.startsWith(`unmn check: ${file(name)}: `)).toBe(true);
  expect(line).toMatch(message);
  expect(line).not.toMatch(/\n|https?:|www\.|jszip|exceljs|zip64|end of central|corrupted|undefined|Error/i);
}

describe('files that are not .xlsx workbooks', () => {
  const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const ole2 = (text: string) =>
    Buffer.concat([Buffer.from(OLE2), Buffer.alloc(504), Buffer.from(text, 'utf16le'), Buffer.alloc(1024)]);
  const zipOf = async (parts: Record<string, string>) => {
    const zip = new JSZip();
    for (const [name, text] of Object.entries(parts)) zip.file(name, text);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  };
  const cases: [string, () => Promise<Buffer> | Buffer, RegExp][] = [
    [
      'network.ods',
      () =>
        zipOf({
          mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
          'content.xml': '<office:document-content/>',
        }),
      /: not an \.xlsx workbook but an OpenDocument spreadsheet \(\.ods\); .*save it as \.xlsx$/,
    ],
    [
      'network.xls',
      () => ole2('Workbook'),
      /: not an \.xlsx workbook but an Excel 97–2003 workbook \(\.xls\); .*save it as \.xlsx$/,
    ],
    [
      'minutes.xlsx',
      () => ole2('WordDocument'),
      /: not an \.xlsx workbook but an Office 97–2003 file of another kind$/,
    ],
    [
      'locked.xlsx',
      () => ole2('EncryptionInfo'),
      /: protected with a password; .*save it as \.xlsx without a password$/,
    ],
    [
      'members.csv',
      () => Buffer.from('Agency,Name,Roles\nIOM,International Organization for Migration,Chair\n'),
      /: not an \.xlsx workbook but CSV text \(one tab at most\); save the whole workbook as \.xlsx/,
    ],
    [
      'members.tsv',
      () => Buffer.from('\ufeffAgency\tName\nIOM\tInternational Organization for Migration\n', 'utf16le'),
      /: not an \.xlsx workbook but CSV text/,
    ],
    ['notes.xlsx', () => Buffer.from('just text'), /: not an \.xlsx workbook but a text file; .*save it as \.xlsx$/],
    [
      'page.xlsx',
      () => Buffer.from('<!DOCTYPE html><html><body>Sign in</body></html>'),
      /: not an \.xlsx workbook but an HTML or XML text file/,
    ],
    [
      'binary.xlsb',
      () => zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': 'binary' }),
      /: not an \.xlsx workbook but an Excel binary workbook \(\.xlsb\); .*save it as \.xlsx$/,
    ],
    [
      'archive.zip',
      () => zipOf({ 'readme.txt': 'hello' }),
      /: not an \.xlsx workbook but a zip archive with no workbook in it$/,
    ],
    ['report.xlsx', () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), /: not an \.xlsx workbook but a PDF document$/],
    ['empty.xlsx', () => Buffer.alloc(0), /: not an \.xlsx workbook but an empty file$/],
    ['noise.xlsx', () => Buffer.from([0x00, 0x01, 0x02, 0xff, 0x10, 0x00]), /: not an \.xlsx workbook$/],
    ['cut.xlsx', () => xlsx.subarray(0, xlsx.length - 100), /: damaged, not a readable \.xlsx workbook$/],
  ];

  it.each(cases)('names %s by what it is, in one line, and exits 2', async (name, bytes, message) => {
    const result = await checked(name, await bytes());
    expectOneLine(result, name, message);
  });

  it('reads a real workbook whatever its name ends in', async () => {
    const result = await checked('example.ods', await readFile(EXAMPLE));
    expect(result.code, 'read and checked (1: it found an error)').toBeLessThan(2);
  });
});

describe('zip bombs', () => {
  it('refuses a small zip that declares hundreds of MB, from its directory, before inflating anything', async () => {
    const bomb = declaring(xlsx, 'xl/worksheets/sheet1.xml', 512 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(10_000);
    expect(await refusal(bomb)).toMatch(
      /^unpacks to 51[23] MB, more than the 100 MB unmn reads; the file is damaged or made to exhaust memory$/,
    );
    expectOneLine(await checked('bomb.xlsx', bomb), 'bomb.xlsx', /unpacks to 51[23] MB/);
  });

  it('stops inflating a part that holds more than its directory declares', async () => {
    const liar = declaring(
      await withParts({ 'xl/worksheets/sheet1.xml': (xml) => xml + ' '.repeat(100_000) }),
      'xl/worksheets/sheet1.xml',
      1000,
    );
    expectOneLine(
      await checked('liar.xlsx', liar),
      'liar.xlsx',
      /holds more than its zip directory declares \(xl\/worksheets\/sheet1\.xml\)/,
    );
  });

  it('refuses a part that holds less than it declares, as damaged', async () => {
    const short = declaring(xlsx, 'xl/styles.xml', 100_000);
    expectOneLine(await checked('short.xlsx', short), 'short.xlsx', /: damaged, not a readable \.xlsx workbook$/);
  });

  it('refuses a file larger than the bound without reading it', async () => {
    const handle = await open(file('huge.xlsx'), 'w');
    await handle.truncate(MAX_BYTES + 1);
    await handle.close();
    const error = await XlsxWorkbook.open(file('huge.xlsx')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as Error).message).toMatch(/huge\.xlsx: 101 MB, more than the 100 MB unmn reads/);
  });
});

describe('ranges that exceljs would expand cell by cell', () => {
  const everything = 'A1:XFD1048576';
  const bombs: [string, Record<string, (xml: string) => string>][] = [
    [
      'a data validation',
      {
        'xl/worksheets/sheet1.xml': (xml) =>
          xml.replace(
            '</sheetData>',
            `</sheetData><dataValidations count="1"><dataValidation type="list" sqref="B2 ${everything}"><formula1>"a"</formula1></dataValidation></dataValidations>`,
          ),
      },
    ],
    [
      'a merge',
      {
        'xl/worksheets/sheet1.xml': (xml) =>
          xml.replace(
            '</sheetData>',
            `</sheetData><mergeCells count="1"><mergeCell ref="${everything}"/></mergeCells>`,
          ),
      },
    ],
    [
      'a merge after the rows, behind a comment that ends them again',
      {
        'xl/worksheets/sheet1.xml': (xml) =>
          xml.replace(
            '</sheetData>',
            `</sheetData><mergeCells count="1"><mergeCell ref="${everything}"/></mergeCells><!--</sheetData>-->`,
          ),
      },
    ],
    [
      'a defined name',
      {
        'xl/workbook.xml': (xml) =>
          xml.replace(
            '</sheets>',
            `</sheets><definedNames><definedName name="All">Members!$A$1:$XFD$1048576</definedName></definedNames>`,
          ),
      },
    ],
  ];

  it.each(bombs)('refuses %s over the whole sheet', async (what, parts) => {
    const name = `${what.replace(/ /g, '-')}.xlsx`;
    expectOneLine(
      await checked(name, await withParts(parts)),
      name,
      /over 17,179,869,1\d\d cells, more than the 1,000,000 unmn reads/,
    );
  });

  it('refuses a column format that reaches past a billion columns', async () => {
    const wide = await withParts({
      'xl/worksheets/sheet1.xml': (xml) =>
        xml.replace(
          /<cols>.*?<\/cols>|(?=<sheetData)/,
          '<cols><col min="3" max="2000000000" width="9" customWidth="1"/></cols>',
        ),
    });
    expectOneLine(await checked('wide.xlsx', wide), 'wide.xlsx', /column formats over 2,000,000,00\d cells/);
  });

  it('counts what a part named with a leading slash holds too, as exceljs reads it', async () => {
    const zip = await JSZip.loadAsync(xlsx);
    const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    zip.file(
      '/xl/worksheets/sheet1.xml',
      sheet.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:Z99999"/></mergeCells>'),
    );
    const twin = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expectOneLine(await checked('twin.xlsx', twin), 'twin.xlsx', /over 2,599,9\d\d cells/);
  });

  it('refuses a tab whose used range is larger than a Google Sheet', async () => {
    const far = await withParts({
      'xl/worksheets/sheet1.xml': (xml) =>
        xml.replace(
          '</sheetData>',
          '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row></sheetData>',
        ),
    });
    expectOneLine(
      await checked('far.xlsx', far),
      'far.xlsx',
      /its tabs span 17,179,869,184 cells, more than the 10,000,000 a Google Sheet holds$/,
    );
  });

  it('counts the cells of A1 references, ranges, sheet-qualified and absolute ones', () => {
    expect(cellsOf('B2')).toBe(1);
    expect(cellsOf('B2:B1000 D2:E3')).toBe(999 + 4);
    expect(cellsOf("'My tab'!$C$10:$A$1")).toBe(30);
    expect(cellsOf('AA1:AB2')).toBe(4);
    expect(cellsOf('Members!$1:$1')).toBe(0);
  });

  it('lets through the shipped example, with its dropdowns on a thousand rows of every tab', async () => {
    expect(await refusal(await readFile(EXAMPLE))).toBeNull();
  });
});
