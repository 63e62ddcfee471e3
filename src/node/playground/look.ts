/**
 * A result tab as Sheets shows it, from what the add-on asked Sheets for (TabLook): each formatted
 * cell's kind (so that 0.8 reads 80% and a day 16 September 2026), the colours of its rows, and its
 * charts drawn as the HTML reports draw them, from the same cells the Sheets chart reads.
 */
import type { Cell } from '../../domain/cells';
import type { ColumnKind, ReportCell, ReportTable } from '../../domain/reports';
import type { TabChart } from '../../ports';
import { chartSvg } from '../reports/charts';
import type { TabLook } from './ports';

export interface ShownLook {
  /** The kind of each formatted cell, by "row,column" (1-based). */
  readonly kinds: ReadonlyMap<string, ColumnKind>;
  /** The background of each coloured cell, by "row,column". */
  readonly fills: ReadonlyMap<string, string>;
  readonly charts: readonly { readonly title: string; readonly svg: string }[];
}

/** The kind a Sheets number format of the report tabs stands for. */
function kindOf(format: string): ColumnKind {
  if (format.includes('%')) return 'percent';
  if (format.includes('"')) return 'money';
  return /[dmy]/.test(format) ? 'date' : 'count';
}

const at = (row: number, column: number) => `${row},${column}`;

function chartTable(
  chart: TabChart,
  grid: readonly (readonly Cell[])[],
  kinds: ReadonlyMap<string, ColumnKind>,
): ReportTable {
  const [category, ...series] = chart.ranges;
  const cell = (row: number, column: number): Cell => grid[row - 1]?.[column - 1] ?? '';
  const rows = Math.max(0, (category?.rows ?? 1) - 1);
  const first = (category?.row ?? 1) + 1;
  return {
    id: 'chart',
    title: chart.title,
    columns: [category, ...series].map((r, i) => ({
      header: String(cell(r?.row ?? 1, r?.column ?? 1)),
      kind: i === 0 ? 'text' : (kinds.get(at(first, r?.column ?? 1)) ?? 'count'),
    })),
    rows: Array.from({ length: rows }, (_, i): ReportCell[] => [
      String(cell(first + i, category?.column ?? 1)),
      ...series.map((r) => {
        const value = cell(first + i, r.column);
        return typeof value === 'number' ? value : null;
      }),
    ]),
    totals: null,
    note: '',
    empty: '',
  };
}

export async function shownLook(grid: readonly (readonly Cell[])[], look: TabLook): Promise<ShownLook> {
  const kinds = new Map<string, ColumnKind>();
  for (const { format, blocks } of look.style?.numberFormats ?? [])
    for (const b of blocks)
      for (let r = b.row; r < b.row + b.rows; r++)
        for (let c = b.column; c < b.column + b.columns; c++) kinds.set(at(r, c), kindOf(format));
  const fills = new Map<string, string>();
  const painted = look.fills;
  painted?.colors.forEach((line, i) =>
    line.forEach((color, j) => {
      if (color !== null) fills.set(at(painted.row + i, painted.column + j), color);
    }),
  );
  const charts = [];
  for (const chart of look.charts) {
    const table = chartTable(chart, grid, kinds);
    const spec = {
      title: chart.title,
      table: table.id,
      category: 0,
      series: table.columns.slice(1).map((_, i) => i + 1),
    };
    charts.push({ title: chart.title, svg: await chartSvg(spec, table) });
  }
  return { kinds, fills, charts };
}
