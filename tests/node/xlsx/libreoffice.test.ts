/**
 * The .xlsx files unmn writes, opened by a second spreadsheet program: LibreOffice, headless. Printed
 * to PDF, every tab of them (data tabs, the Compliance tab before and after a check, every report's
 * tab full and empty) is on A4 landscape, one page wide, its header row on each page. After
 * LibreOffice opens and saves them, the Compliance tab's links still point at their rows, headers keep
 * a named sans-serif font, every tab still prints one page wide in landscape with its header on each
 * page, saving the result again through the adapter stacks no second dropdown rule, and the values a
 * save of values only writes into it read the same once LibreOffice has saved it again. The files
 * LibreOffice saves as .ods and .xls are named as such. Skipped where LibreOffice is not installed,
 * except in CI (.ci/run installs it), where its absence fails.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runComplianceCheck } from '../../../src/app/check';
import { runReport } from '../../../src/app/reports';
import { REPORTS } from '../../../src/domain/reports';
import { ComplianceTable, LogTable, MeetingsTable, TABLES } from '../../../src/domain/tables';
import { main } from '../../../src/node/cli';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { captureIo } from '../cli-io';
import { memoryPorts } from '../../support/ports';

const EXAMPLE = path.resolve(__dirname, '../../../examples/uzbekistan.xlsx');
const SOFFICE = 'soffice';
const installed = spawnSync(SOFFICE, ['--version'], { stdio: 'ignore' }).status === 0;
const inCi = process.env.CI === 'true';
const run = promisify(execFile);

let dir: string;
const file = (...names: string[]) => path.join(dir, ...names);

/** Converts the files with a profile of its own, so that no LibreOffice the user has open is disturbed. */
async function convert(to: string, outdir: string, files: string[]): Promise<void> {
  const profile = pathToFileURL(file('profile')).href;
  await run(
    SOFFICE,
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', file(outdir), ...files],
    { timeout: 60_000 },
  );
}

async function zipText(name: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(name));
  return (await zip.file(part)?.async('string')) ?? '';
}

async function allParts(name: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(name));
  return (await Promise.all(Object.values(zip.files).map((entry) => entry.async('string')))).join('\n');
}

async function book(name: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(name);
  return workbook;
}

/** The page count of the PDF's page tree (LibreOffice writes one, uncompressed). */
async function pages(name: string): Promise<number> {
  const pdf = (await readFile(name)).toString('latin1');
  const count = /\/Type\s*\/Pages\b[^]*?\/Count\s+(\d+)/.exec(pdf)?.[1];
  if (count === undefined) throw new Error(`${name} has no page tree`);
  return Number(count);
}

interface PrintedPage {
  readonly width: number;
  readonly height: number;
  /** The page's text with no white space: what a cell shows, whatever runs the PDF cut it into. */
  readonly text: string;
}

const squeezed = (text: string) => text.replace(/\s+/g, '');

/** Each page of a PDF, read by PDF.js: its size in points and its text. */
async function printedPages(name: string): Promise<PrintedPage[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(await readFile(name)), verbosity: 0 });
  const doc = await task.promise;
  const out: PrintedPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
    const items = (await page.getTextContent()).items;
    out.push({
      width: x1 - x0,
      height: y1 - y0,
      text: squeezed(items.map((item) => ('str' in item ? item.str : '')).join('')),
    });
  }
  await task.destroy();
  return out;
}

/**
 * The headers each tab repeats on every page it prints (the last of its title rows), each cut to its
 * first five characters: a narrow column clips the rest of its header on paper.
 */
async function repeatedHeaders(name: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const sheet of (await book(name)).worksheets) {
    const last = Number(/:(\d+)$/.exec(sheet.pageSetup.printTitlesRow ?? '')?.[1] ?? 1);
    const texts: string[] = [];
    sheet.getRow(last).eachCell((cell) => {
      if (typeof cell.value === 'string' && cell.value.trim() !== '') texts.push(squeezed(cell.value).slice(0, 5));
    });
    out.set(sheet.name, texts);
  }
  return out;
}

/** Whether the texts appear in the page, one after the other: a page cut off at either side lacks some. */
function showsInOrder(page: string, texts: readonly string[]): boolean {
  let at = 0;
  for (const text of texts) {
    const found = page.indexOf(text, at);
    if (found < 0) return false;
    at = found + text.length;
  }
  return true;
}

const sqrefs = (xml: string) => [...xml.matchAll(/<dataValidation [^>]*?sqref="([^"]*)"/g)].map((m) => m[1]);

describe.runIf(inCi && !installed)('in CI', () => {
  it('has LibreOffice (soffice) to open the files with: .ci/run installs libreoffice-calc-nogui', () => {
    expect(installed).toBe(true);
  });
});

describe.runIf(installed)('the files unmn writes, opened and saved by LibreOffice', () => {
  let dataRows = 0;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'unmn-libreoffice-'));
    expect(await main(['init', file('empty.xlsx')], captureIo())).toBe(0);
    // What the playground writes: the example workbook with its Compliance tab filled in.
    const example = await XlsxWorkbook.open(EXAMPLE);
    runComplianceCheck({
      ...memoryPorts({ email: 'dkarimova@iom.int', owner: 'dkarimova@iom.int', today: '2026-11-23', time: '09:30:00' }),
      workbook: example,
    });
    dataRows = example.tabNames().reduce((sum, tab) => sum + Math.max(0, (example.read(tab)?.length ?? 1) - 1), 0);
    await example.save(file('example.xlsx'));
    // Every report's tab too, full on the example and empty on a new workbook, each printed as it stands.
    const reports = async (from: string, to: string) => {
      const workbook = await XlsxWorkbook.open(from);
      const ports = memoryPorts({ email: 'dkarimova@iom.int', owner: 'dkarimova@iom.int', today: '2026-11-23' });
      for (const def of REPORTS) runReport({ ...ports, workbook }, def.id, { year: 2026 });
      await workbook.save(to);
    };
    await reports(file('example.xlsx'), file('reports.xlsx'));
    await reports(file('empty.xlsx'), file('empty-reports.xlsx'));
    const written = [file('example.xlsx'), file('empty.xlsx')];
    await convert('xlsx', 'saved', written);
    await convert('pdf', 'printed', [...written, file('reports.xlsx'), file('empty-reports.xlsx')]);
    await convert('ods', 'other', [file('example.xlsx')]);
    await convert('xls', 'other', [file('example.xlsx')]);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the Compliance links as HYPERLINK formulas to their rows, read back as the row number', async () => {
    const saved = file('saved', 'example.xlsx');
    const compliance = (await book(saved)).getWorksheet(ComplianceTable.name);
    const rowColumn = ComplianceTable.columns.sheetRow.header;
    const column = ((await XlsxWorkbook.open(saved)).read(ComplianceTable.name)?.[1] ?? []).indexOf(rowColumn) + 1; // the summary line stands above the header
    expect(column).toBeGreaterThan(0);
    const first = compliance?.getRow(3).getCell(column).value as ExcelJS.CellFormulaValue;
    expect(first.formula).toBe(`HYPERLINK("#'${MeetingsTable.name}'!A9","9")`);
    expect((await XlsxWorkbook.open(saved)).read(ComplianceTable.name)?.[2]?.[column - 1]).toBe('9');
    expect(await allParts(saved)).not.toContain('file://');
  });

  it('keeps a named header font on every tab, and prints no serif', async () => {
    for (const name of ['example.xlsx', 'empty.xlsx']) {
      for (const sheet of (await book(file('saved', name))).worksheets) {
        const header = sheet.name === ComplianceTable.name ? 'A2' : 'A1';
        expect(sheet.getCell(header).font, `${name} ${sheet.name}`).toMatchObject({ name: 'Calibri', bold: true });
      }
      const fonts =
        (await readFile(file('printed', name.replace('.xlsx', '.pdf'))))
          .toString('latin1')
          .match(/\/BaseFont\s*\/[\w+-]+/g) ?? [];
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => /Serif|Times|Cambria/.test(f))).toEqual([]);
    }
  });

  it('keeps the page setup of every tab: landscape, one page wide, the header row on every page', async () => {
    for (const name of ['example.xlsx', 'empty.xlsx']) {
      const saved = file('saved', name);
      const workbook = await book(saved);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(TABLES.map((t) => t.name));
      for (const sheet of workbook.worksheets) {
        // The Compliance tab repeats its summary line and its header.
        const titles = sheet.name === ComplianceTable.name ? '1:2' : '1:1';
        expect(sheet.pageSetup, `${name} ${sheet.name}`).toMatchObject({
          orientation: 'landscape',
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: titles,
        });
      }
      for (let i = 1; i <= TABLES.length; i++)
        expect(await zipText(saved, `xl/worksheets/sheet${i}.xml`)).toMatch(/<pageSetUpPr fitToPage="(true|1)"\/>/);
    }
  });

  it.each(['example', 'empty', 'reports', 'empty-reports'])(
    'prints %s.xlsx on A4 landscape, every tab one page wide: each page shows its whole header row',
    async (name) => {
      const pages = await printedPages(file('printed', `${name}.pdf`));
      const headers = await repeatedHeaders(file(`${name}.xlsx`));
      expect(pages.length).toBeGreaterThanOrEqual(headers.size);
      const seen = new Set<string>();
      pages.forEach((page, i) => {
        // A4 is 297 by 210 mm: 841.9 by 595.3 points.
        expect([Math.round(page.width), Math.round(page.height)], `page ${i + 1}`).toEqual([842, 595]);
        const tabs = [...headers].filter(([, texts]) => texts.length > 0 && showsInOrder(page.text, texts));
        expect(
          tabs.length,
          `page ${i + 1} shows the whole header row of a tab: ${page.text.slice(0, 120)}`,
        ).toBeGreaterThan(0);
        for (const [tab] of tabs) seen.add(tab);
      });
      expect([...headers.keys()].filter((tab) => !seen.has(tab))).toEqual([]);
    },
  );

  it('prints a page per tab for an empty workbook, and pages in proportion to the data for the example', async () => {
    // Settings' 38 rows take a second page of A4 landscape.
    expect(await pages(file('printed', 'empty.pdf'))).toBe(TABLES.length + 1);
    const example = await pages(file('printed', 'example.pdf'));
    expect(dataRows).toBeGreaterThan(100);
    expect(example).toBeLessThanOrEqual(TABLES.length + Math.ceil(dataRows / 20));
  });

  it('keeps one dropdown rule per column when the adapter saves what LibreOffice saved', async () => {
    const ours = sqrefs(await zipText(file('example.xlsx'), 'xl/worksheets/sheet4.xml'));
    expect(ours.length).toBeGreaterThan(0);
    const saved = file('saved', 'example.xlsx');
    expect(sqrefs(await zipText(saved, 'xl/worksheets/sheet4.xml'))).toEqual(ours);
    const reopened = await XlsxWorkbook.open(saved);
    // A colour: a change that only exceljs saves (one of values only rewrites the rows it changed).
    reopened.paint(ComplianceTable.name, 1, 1, [[null]]);
    await reopened.save(file('again.xlsx'));
    const again = await zipText(file('again.xlsx'), 'xl/worksheets/sheet4.xml');
    expect(sqrefs(again).sort()).toEqual([...ours].sort());
    expect(again).toContain('<pageSetUpPr fitToPage="1"/>');
    expect((await book(file('again.xlsx'))).getWorksheet(MeetingsTable.name)?.pageSetup).toMatchObject({
      fitToPage: true,
      printTitlesRow: '1:1',
    });
  });

  it('reads, once LibreOffice has saved it again, what a save of values only wrote into a file LibreOffice saved', async () => {
    const workbook = await XlsxWorkbook.open(file('saved', 'example.xlsx'));
    const next = (workbook.read(LogTable.name)?.length ?? 0) + 1;
    workbook.write(LogTable.name, next, 1, [[new Date(2026, 10, 23, 9, 30), 'Reminder sent', 'A-2026-004 & <co>']]);
    workbook.write(MeetingsTable.name, 3, 4, [['Online']]);
    await workbook.save(file('patched.xlsx'));
    await convert('xlsx', 'resaved', [file('patched.xlsx')]);
    const [ours, theirs] = [
      await XlsxWorkbook.open(file('patched.xlsx')),
      await XlsxWorkbook.open(file('resaved', 'patched.xlsx')),
    ];
    expect(ours.read(LogTable.name)?.[next - 1]?.slice(1, 3)).toEqual(['Reminder sent', 'A-2026-004 & <co>']);
    for (const tab of [LogTable.name, MeetingsTable.name]) expect(theirs.read(tab), tab).toEqual(ours.read(tab));
  });

  it.each([
    ['example.ods', /: not an \.xlsx workbook but an OpenDocument spreadsheet \(\.ods\); .*save it as \.xlsx$/],
    ['example.xls', /: not an \.xlsx workbook but an Excel 97–2003 workbook \(\.xls\); .*save it as \.xlsx$/],
  ])('names the %s LibreOffice saves for what it is', async (name, message) => {
    const io = captureIo();
    expect(await main(['validate', file('other', name)], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(message);
  });
});
