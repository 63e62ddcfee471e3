/**
 * The changes of an XlsxWorkbook made to an exceljs model of the file, for a save that changed more
 * than values (formats, dropdowns, colours, links, tabs) or that starts from no file: exceljs keeps
 * every style, validation and page setup of the file it loads and writes them back.
 */
import ExcelJS from 'exceljs';
import type { Cell, CellBlock, CellLink, ColumnLayout, TabLayout, TabStyle, WorkbookPort } from '../../ports';
import { rectangle } from '../../domain/block';
import { columnLetter } from '../../domain/codec';
import { t } from '../../domain/i18n';
import { argb, DATE_FORMAT, excelName, isMidnight, TIMESTAMP_FORMAT, utcOf, xmlSafe } from './codec';

/** How far down a new tab's dropdowns and formats reach (Sheets' default grid is 1000 rows). */
const FORMATTED_ROWS = 1000;

/** Sheets measures column widths in pixels, Excel in characters of about seven pixels. */
const PIXELS_PER_CHARACTER = 7;

/**
 * The font exceljs gives every cell of a new workbook, named in every font the adapter sets (header,
 * links): a font with no name is one LibreOffice fills in with a serif.
 */
const BODY_FONT = { name: 'Calibri', family: 2, size: 11 } as const;
const LINK_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, color: { argb: 'FF1155CC' }, underline: true };

/** A4 paper, as the UN prints; 9 is its number in the file format's list of paper sizes. */
const A4 = 9;

/** A4 landscape, as wide as one page and as many pages long as the rows need, the header on each page. */
const PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: A4,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
};

/** Excel refuses a text literal longer than 255 characters in a formula. */
const FORMULA_TEXT_CHUNK = 255;

type Sheet = ExcelJS.Worksheet;

/** A value as exceljs stores it: strings stay strings (exceljs never turns "=…" text into a formula). */
function stored(cell: Cell): ExcelJS.CellValue {
  if (cell === '') return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : utcOf(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  return typeof cell === 'string' ? xmlSafe(cell) : cell;
}

function sheetRef(name: string): string {
  return `'${excelName(name).replace(/'/g, "''")}'`;
}

/** Text as a formula's string literal: quotes doubled, joined from pieces Excel accepts. */
function formulaText(text: string): string {
  const pieces = xmlSafe(text).match(new RegExp(`[^]{1,${FORMULA_TEXT_CHUNK}}`, 'gu')) ?? [''];
  return pieces.map((piece) => `"${piece.replace(/"/g, '""')}"`).join('&');
}

type Validations = Record<string, ExcelJS.DataValidation | undefined>;

// exceljs's typings omit Worksheet.dataValidations, whose model maps an address or a range to its rule.
function validationsOf(sheet: Sheet): { model: Validations } {
  return (sheet as unknown as { dataValidations: { model: Validations } }).dataValidations;
}

/**
 * exceljs reads a validation's range as one entry per cell, and writes such entries back as
 * overlapping ranges (it sorts addresses as text: C10 before C2), so every save would stack a second
 * rule. Each column's run of cells that one rule of the file covered becomes one range again.
 */
function rejoinValidations(sheet: Sheet): void {
  const validations = validationsOf(sheet);
  const model: Validations = {};
  const cells = new Map<string, { row: number; rule: ExcelJS.DataValidation }[]>();
  // Keys, not entries: a million of them in dictionary mode take seconds to copy into pairs.
  for (const address of Object.keys(validations.model)) {
    const rule = validations.model[address];
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!rule) continue;
    if (!m?.[1]) {
      model[address] = rule;
      continue;
    }
    const column = cells.get(m[1]) ?? [];
    if (column.length === 0) cells.set(m[1], column);
    column.push({ row: Number(m[2]), rule });
  }
  for (const [letter, column] of cells) {
    column.sort((a, b) => a.row - b.row);
    let first = column[0]?.row ?? 0;
    column.forEach((cell, i) => {
      const next = column[i + 1];
      if (next && next.row === cell.row + 1 && next.rule === cell.rule) return;
      model[first === cell.row ? `${letter}${first}` : `${letter}${first}:${letter}${cell.row}`] = cell.rule;
      first = next?.row ?? 0;
    });
  }
  validations.model = model;
}

/**
 * exceljs reads only "1" as true in `<pageSetUpPr fitToPage>`, and LibreOffice writes "true": the
 * next save would print at full size again. A fitToHeight of 0 (as many pages as the rows need)
 * means something only when fitting to pages, so it tells that the file fitted them.
 */
function keepFitToPage(sheet: Sheet): void {
  if (sheet.pageSetup.fitToHeight === 0) sheet.pageSetup.fitToPage = true;
}

function validationFor(column: ColumnLayout): ExcelJS.DataValidation | null {
  const list = (items: readonly string[]) => `"${items.join(',')}"`;
  switch (column.kind) {
    case 'choice':
      return {
        type: 'list',
        allowBlank: true,
        formulae: [list(column.choices)],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: column.header,
        error: t('cli.file.choose-one', { choices: column.choices.join(', ') }),
      };
    case 'choices':
      // Several values may share the cell ("Chair, Secretariat"): offer the list, reject nothing.
      return { type: 'list', allowBlank: true, formulae: [list(column.choices)], showErrorMessage: false };
    case 'yesno':
      return { type: 'list', allowBlank: true, formulae: ['"TRUE,FALSE"'], showErrorMessage: true, errorStyle: 'stop' };
    default:
      return null;
  }
}

/** What XlsxWorkbook hands over: each change the port made, in order. */
export type Changes = Pick<
  WorkbookPort,
  'write' | 'writeLinks' | 'paint' | 'clearFrom' | 'addTab' | 'removeEmptyTab' | 'format' | 'style'
>;

/** An exceljs model of the workbook that takes the port's changes and gives the file's bytes. */
export class ExcelJsWorkbook implements Changes {
  private constructor(private readonly book: ExcelJS.Workbook) {}

  /** Loads bytes the guard let through; throws when exceljs cannot read them. */
  static async load(bytes: Buffer): Promise<ExcelJsWorkbook> {
    const book = new ExcelJS.Workbook();
    // Its typings call the argument an ArrayBuffer; it hands a Node Buffer to JSZip as readFile does.
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    for (const sheet of book.worksheets) {
      rejoinValidations(sheet);
      keepFitToPage(sheet);
    }
    return new ExcelJsWorkbook(book);
  }

  /** An empty workbook with no tabs. */
  static create(): ExcelJsWorkbook {
    const book = new ExcelJS.Workbook();
    book.creator = 'unmn-secretariat';
    return new ExcelJsWorkbook(book);
  }

  async bytes(): Promise<Buffer> {
    return Buffer.from(await this.book.xlsx.writeBuffer());
  }

  private sheet(tab: string): Sheet {
    const sheet = this.book.getWorksheet(excelName(tab));
    // @i18n-exempt: a fault of the caller, worded as Sheets words it; no command lets a person cause it.
    if (!sheet) throw new Error(`Sheet ${tab} not found`);
    return sheet;
  }

  write(tab: string, row: number, column: number, values: Cell[][]): void {
    const sheet = this.sheet(tab);
    rectangle(values, `write to ${tab}`);
    values.forEach((cells, i) => {
      const target = sheet.getRow(row + i);
      cells.forEach((value, j) => {
        const cell = target.getCell(column + j);
        cell.value = stored(value);
        if (value instanceof Date && !cell.numFmt) cell.numFmt = isMidnight(value) ? DATE_FORMAT : TIMESTAMP_FORMAT;
      });
    });
  }

  writeLinks(tab: string, row: number, column: number, links: (CellLink | null)[][]): void {
    const sheet = this.sheet(tab);
    // @i18n-exempt: a fault of the caller, worded as Sheets words it; no command lets a person cause it.
    rectangle(links, `write links to ${tab}`);
    links.forEach((cells, i) => {
      const target = sheet.getRow(row + i);
      cells.forEach((link, j) => {
        const cell = target.getCell(column + j);
        if (!link) {
          cell.value = null;
          return;
        }
        // A HYPERLINK formula, not a cell hyperlink: LibreOffice saves a cell's "#Tab!A9" link as a
        // file:// URL of wherever the file was, the formula as it is. The result is what getValues() reads.
        const anchor = `#${sheetRef(link.sheet)}!A${link.row}`;
        cell.value = { formula: `HYPERLINK(${formulaText(anchor)},${formulaText(link.text)})`, result: link.text };
        cell.font = { ...cell.font, ...LINK_FONT };
      });
    });
  }

  paint(tab: string, row: number, column: number, colors: (string | null)[][]): void {
    const sheet = this.sheet(tab);
    rectangle(colors, `colour ${tab}`);
    colors.forEach((cells, i) => {
      const target = sheet.getRow(row + i);
      cells.forEach((color, j) => {
        const cell = target.getCell(column + j);
        cell.fill =
          color === null
            ? { type: 'pattern', pattern: 'none' }
            : { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(color) } };
      });
    });
  }

  clearFrom(tab: string, fromRow: number): void {
    const sheet = this.sheet(tab);
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      if (rowNumber < fromRow) return;
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.value = null;
        cell.fill = { type: 'pattern', pattern: 'none' };
      });
    });
  }

  addTab(tab: string, position?: number): void {
    // @i18n-exempt: a fault of the caller, worded as Sheets words it; no command lets a person cause it.
    if (this.book.getWorksheet(excelName(tab))) throw new Error(`A sheet with the name "${tab}" already exists.`);
    const order = this.book.worksheets;
    const added = this.book.addWorksheet(excelName(tab));
    order.splice(position ?? order.length, 0, added);
    // exceljs orders tabs by orderNo, both in `worksheets` and in the saved file.
    order.forEach((sheet, i) => {
      (sheet as Sheet & { orderNo: number }).orderNo = i;
    });
  }

  removeEmptyTab(tab: string): void {
    const sheet = this.sheet(tab);
    // @i18n-exempt: a fault of the caller, worded as Sheets words it; no command lets a person cause it.
    if (sheet.actualRowCount > 0) throw new Error(`The ${tab} tab is not empty: it stays.`);
    this.book.removeWorksheet(sheet.id);
  }

  format(tab: string, layout: TabLayout): void {
    const sheet = this.sheet(tab);
    const header = sheet.getRow(1);
    // Up to the last column of the layout, as in Sheets, even before the header is written; cell by
    // cell, as exceljs's row font would replace each header cell's own font.
    const lastColumn = Math.max(0, ...layout.columns.map((c) => c.column));
    for (let column = 1; column <= lastColumn; column++) {
      const cell = header.getCell(column);
      cell.font = { ...BODY_FONT, ...cell.font, bold: true };
    }
    sheet.pageSetup = { ...sheet.pageSetup, ...PAGE_SETUP };
    const frozenColumns = sheet.views[0]?.state === 'frozen' ? (sheet.views[0].xSplit ?? 0) : 0;
    sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: frozenColumns }];
    const validations = validationsOf(sheet).model;
    // Replace the rules of the layout's columns (a range or single cells) rather than stack a second one.
    const letters = new Set(layout.columns.map((c) => columnLetter(c.column)));
    for (const address of Object.keys(validations)) {
      const letter = columnBelowHeader(address);
      if (letter !== null && letters.has(letter)) delete validations[address];
    }
    const lastRow = Math.max(FORMATTED_ROWS, sheet.rowCount);
    for (const column of layout.columns) {
      const target = sheet.getColumn(column.column);
      if (column.width !== null) target.width = Math.max(4, Math.round(column.width / PIXELS_PER_CHARACTER));
      const numFmt = column.kind === 'date' ? DATE_FORMAT : column.kind === 'timestamp' ? TIMESTAMP_FORMAT : null;
      // A column style: cells typed later into the column take the format too.
      if (numFmt) target.numFmt = numFmt;
      const validation = validationFor(column);
      const letter = columnLetter(column.column);
      if (validation) validations[`${letter}2:${letter}${lastRow}`] = validation;
    }
  }

  style(tab: string, style: TabStyle): void {
    const sheet = this.sheet(tab);
    for (let c = 1; c <= sheet.columnCount; c++) sheet.getColumn(c).style = {};
    sheet.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        // A font with a name everywhere (LibreOffice fills a nameless one with a serif), links kept looking like links.
        cell.style = { font: isLinkFormula(cell.value) ? LINK_FONT : BODY_FONT };
      });
    });
    (sheet as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model = {};
    for (const block of style.bold) eachCellOf(sheet, block, (cell) => (cell.font = { ...BODY_FONT, bold: true }));
    for (const { format, blocks } of style.numberFormats)
      for (const block of blocks) eachCellOf(sheet, block, (cell) => (cell.numFmt = format));
    for (const { column, width } of style.widths)
      sheet.getColumn(column).width = Math.max(4, Math.round(width / PIXELS_PER_CHARACTER));
    sheet.views = [{ state: 'frozen', ySplit: style.frozenRows }];
    sheet.pageSetup = {
      ...sheet.pageSetup,
      ...PAGE_SETUP,
      printTitlesRow: style.frozenRows > 0 ? `1:${style.frozenRows}` : undefined,
    };
  }
}

function isLinkFormula(value: ExcelJS.CellValue): boolean {
  return (
    typeof value === 'object' && value !== null && 'formula' in value && /^HYPERLINK\(/i.test(String(value.formula))
  );
}

/** Every cell of a block, row by row. */
function eachCellOf(sheet: Sheet, block: CellBlock, fn: (cell: ExcelJS.Cell) => void): void {
  for (let r = block.row; r < block.row + block.rows; r++) {
    const row = sheet.getRow(r);
    for (let c = block.column; c < block.column + block.columns; c++) fn(row.getCell(c));
  }
}

/** The column of a validation's address ("B7", or "B2:B1000" within one column) when it lies below the header. */
function columnBelowHeader(address: string): string | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?\d+)?$/.exec(address);
  if (!m || (m[3] !== undefined && m[3] !== m[1]) || Number(m[2]) < 2) return null;
  return m[1] ?? null;
}
