/**
 * The one writer of result tabs: each report's `Report: NAME` tab and the Compliance tab. A tab is
 * replaced whole at every run (created when missing, its old rows cleared) with lines on top, then
 * tables each under its heading, number and date formats, a frozen header, and charts beside the
 * tables they draw. It writes in a constant number of calls whatever the rows, reads nothing, and
 * refuses the name of a data tab.
 */
import { dateOfDay, isIsoDay } from '../domain/dates';
import { t } from '../domain/i18n';
import {
  isRowLink,
  titleLine,
  type ChartSpec,
  type ColumnKind,
  type Report,
  type ReportCell,
  type ReportTable,
} from '../domain/reports/report';
import { ComplianceTable, TABLES } from '../domain/tables';
import type { Cell, CellBlock, CellLink, TabChart, TabStyle, WorkbookPort } from '../ports';
import { clipText } from '../domain/cells';
import { builtOnce } from '../domain/lazy';

/** What a result tab shows. */
export interface ResultSheet {
  /** Lines above the tables, the first in bold: a report's title line, the Compliance summary. */
  readonly lines: readonly string[];
  readonly tables: readonly ReportTable[];
  readonly charts: readonly ChartSpec[];
}

/** Where a table landed: its header row and the rows of its records (totals aside). */
export interface PlacedTable {
  readonly id: string;
  readonly headerRow: number;
  readonly firstRow: number;
  readonly rows: number;
}

/**
 * Sheets' number formats of the column kinds that hold numbers or days: as displayText reads them
 * ("USD 10,000", "10 000 долл. США", "80%", "16 September 2026"); the spreadsheet's locale groups the digits.
 */
function formats(): Readonly<Partial<Record<ColumnKind, string>>> {
  return { count: '#,##0', money: t('reports.sheet.money-format'), percent: '0%', date: 'd mmmm yyyy' };
}

const WIDTHS: Readonly<Record<ColumnKind, number>> = {
  text: 200,
  count: 80,
  money: 110,
  percent: 90,
  date: 100,
  link: 100,
};

/** Google Sheets' light grey 1, under each table's header. */
export const HEADER_FILL = '#e8eaed';

/** Rows a chart takes (Sheets' default chart is about 370 pixels high, a row 21). */
const CHART_ROWS = 19;

/** The tabs of WORKBOOK.md that hold data, which no report may overwrite. */
const dataTabs = /* @__PURE__ */ builtOnce(
  () => new Set<string>(TABLES.filter((t) => t !== ComplianceTable).map((t) => t.name.toLowerCase())),
);

/**
 * A report as its tab shows it: the title line, then what it is for and the confidentiality notice,
 * then what the secretariat wrote (a cover note, emerging challenges), each a line of its own.
 */
export function reportSheet(report: Report): ResultSheet {
  return {
    lines: [
      titleLine(report),
      [report.subtitle, report.notice.trim()].filter((t) => t !== '').join(' '),
      ...report.sections.map((s) => `${s.title}: ${s.text}`),
    ],
    tables: report.tables,
    charts: report.charts,
  };
}

function cellOf(cell: ReportCell, kind: ColumnKind): Cell {
  if (cell === null) return '';
  if (isRowLink(cell)) return cell.text;
  if (kind === 'date' && typeof cell === 'string' && isIsoDay(cell)) return dateOfDay(cell);
  return cell;
}

interface Layout {
  readonly grid: Cell[][];
  readonly width: number;
  readonly placed: PlacedTable[];
  readonly style: TabStyle;
  readonly fills: (string | null)[][];
  readonly links: { row: number; column: number; links: (CellLink | null)[][] }[];
}

/** Where everything goes, computed before any call: the tab is then written in one block. */
export function layoutResult(sheet: ResultSheet): Layout {
  const width = Math.max(1, ...sheet.tables.map((t) => t.columns.length));
  const grid: Cell[][] = [];
  const fills: (string | null)[][] = [];
  const bold: CellBlock[] = [];
  const formatOf = formats();
  const blocks = new Map<string, CellBlock[]>();
  const links: Layout['links'] = [];
  const placed: PlacedTable[] = [];
  const widths = new Map<number, number>();
  const push = (cells: readonly Cell[], fill: string | null = null) => {
    // A result quotes the sheet (an ID, a title, a name), which may be as long as a cell holds: every text is clipped to fit.
    grid.push([
      ...cells.map((c) => (typeof c === 'string' ? clipText(c) : c)),
      ...Array<Cell>(width - cells.length).fill(''),
    ]);
    fills.push(Array<string | null>(width).fill(fill));
    return grid.length;
  };
  const line = (text: string, isBold: boolean) => {
    const row = push([text]);
    if (isBold) bold.push({ row, column: 1, rows: 1, columns: 1 });
  };
  sheet.lines.forEach((text, i) => line(text, i === 0));
  for (const table of sheet.tables) {
    if (table.title !== '') {
      push([]);
      line(table.title, true);
    }
    const columns = table.columns.length;
    const headerRow = push(
      table.columns.map((c) => c.header),
      HEADER_FILL,
    );
    bold.push({ row: headerRow, column: 1, rows: 1, columns });
    const firstRow = headerRow + 1;
    table.rows.forEach((cells, i) =>
      push(
        table.columns.map((c, j) => cellOf(cells[j] ?? null, c.kind)),
        table.fills?.[i] ?? null,
      ),
    );
    if (table.rows.length === 0 && table.empty !== '') push([table.empty]);
    if (table.totals !== null) {
      const row = push(table.columns.map((c, j) => cellOf(table.totals?.[j] ?? null, c.kind)));
      bold.push({ row, column: 1, rows: 1, columns });
    }
    const numbered = table.rows.length + (table.totals === null ? 0 : 1);
    table.columns.forEach((c, j) => {
      widths.set(j + 1, Math.max(widths.get(j + 1) ?? 0, c.width ?? WIDTHS[c.kind]));
      const format = formatOf[c.kind];
      if (format !== undefined && numbered > 0)
        blocks.set(format, [
          ...(blocks.get(format) ?? []),
          { row: firstRow, column: j + 1, rows: numbered, columns: 1 },
        ]);
      if (c.kind === 'link' && table.rows.length > 0) {
        links.push({ row: firstRow, column: j + 1, links: table.rows.map((cells) => [linkOf(cells[j] ?? null)]) });
      }
    });
    if (table.note !== '') push([table.note]);
    placed.push({ id: table.id, headerRow, firstRow, rows: table.rows.length });
  }
  const style: TabStyle = {
    frozenRows: placed[0]?.headerRow ?? sheet.lines.length,
    bold,
    numberFormats: [...blocks].map(([format, at]) => ({ format, blocks: at })),
    widths: [...widths].map(([column, w]) => ({ column, width: w })),
  };
  return { grid, width, placed, style, fills, links };
}

function linkOf(cell: ReportCell): CellLink | null {
  return isRowLink(cell) ? { text: clipText(cell.text), sheet: cell.sheet, row: cell.row } : null;
}

/** Each chart beside the table it draws, one under the other where they would overlap. */
function chartsOf(sheet: ResultSheet, placed: readonly PlacedTable[], width: number): TabChart[] {
  const out: TabChart[] = [];
  let free = 1;
  for (const chart of sheet.charts) {
    const table = placed.find((p) => p.id === chart.table);
    if (table === undefined || table.rows === 0) continue;
    const column = (at: number): CellBlock => ({
      row: table.headerRow,
      column: at + 1,
      rows: table.rows + 1,
      columns: 1,
    });
    const row = Math.max(table.headerRow, free);
    out.push({
      title: chart.title,
      ranges: [column(chart.category), ...chart.series.map(column)],
      anchor: { row, column: width + 2 },
    });
    free = row + CHART_ROWS;
  }
  return out;
}

/**
 * Replaces the result tab `tab` with `sheet`: where the workbook writes a result whole, in one go;
 * elsewhere it adds the tab when it is missing, clears what an earlier run left, writes the whole
 * sheet as one block, its links one call per link column, then its look, colours and charts.
 * Returns where each table landed.
 */
export function writeResultTab(workbook: WorkbookPort, tab: string, sheet: ResultSheet): PlacedTable[] {
  if (dataTabs().has(tab.trim().toLowerCase())) throw new Error(t('reports.run.data-tab', { tab }));
  const layout = layoutResult(sheet);
  const charts = chartsOf(sheet, layout.placed, layout.width);
  if (workbook.writeResult) {
    const links = layout.grid.map((row) => row.map((): CellLink | null => null));
    for (const l of layout.links)
      l.links.forEach((line, i) => line.forEach((link, j) => (links[l.row - 1 + i]![l.column - 1 + j] = link)));
    workbook.writeResult(tab, { values: layout.grid, links, fills: layout.fills, style: layout.style, charts });
    return layout.placed;
  }
  if (workbook.hasTab(tab)) workbook.clearFrom(tab, 1);
  else workbook.addTab(tab);
  workbook.write(tab, 1, 1, layout.grid);
  for (const l of layout.links) workbook.writeLinks(tab, l.row, l.column, l.links);
  workbook.style(tab, layout.style);
  workbook.paint(tab, 1, 1, layout.fills);
  workbook.chart?.(tab, charts);
  return layout.placed;
}
