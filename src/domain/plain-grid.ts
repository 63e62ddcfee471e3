/**
 * A tab's cells as google.script.run can carry them (it refuses a Date): each date cell as its day
 * `YYYY-MM-DD` and each date-time cell as ISO text, which the codec reads back as the same values.
 * The sidebar decodes the network from these with the very codec the server uses.
 */
import * as z from 'zod/mini';
import { lazily } from './lazy';
import { isBlank, type Cell, type Column } from './cells';
import { mapHeader } from './codec';
import { dayOfDate, timestampOfDate } from './dates';
import type { TableDef } from './tables';

export type PlainCell = string | number | boolean;
export const PlainGridSchema = lazily(() =>
  z.nullable(z.array(z.array(z.union([z.string(), z.number(), z.boolean()])))),
);
export type PlainGrid = z.infer<typeof PlainGridSchema>;

function plainCell(cell: Cell, timestamp: boolean): PlainCell {
  if (!(cell instanceof Date)) return cell;
  if (Number.isNaN(cell.getTime())) return '';
  return timestamp ? timestampOfDate(cell) : dayOfDate(cell);
}

export function plainGrid(def: TableDef, grid: readonly (readonly Cell[])[] | null | undefined): PlainGrid {
  if (!grid) return null;
  const first = grid[0];
  const timestamps = new Set<number>();
  if (first !== undefined && !first.every(isBlank)) {
    for (const [field, at] of mapHeader(def, first).header.index)
      if ((def.columns[field] as Column).kind === 'timestamp') timestamps.add(at);
  }
  return grid.map((row) => row.map((cell, i) => plainCell(cell, timestamps.has(i))));
}
