/**
 * The IDs the add-on gives the records it creates, from each table's `idFormat` (WORKBOOK.md's
 * `D-YYYY-NN`, `A-YYYY-NNN`, `WG-NN`): one past the highest number ever seen, counting every ID cell
 * of the tab (malformed rows included) and every Log reference, so that a deleted row never gives its
 * ID away again.
 */
import { isBlank, type Cell } from './cells';
import type { TableDef } from './tables';

interface IdShape {
  readonly prefix: string;
  readonly yearly: boolean;
  readonly digits: number;
  readonly pattern: RegExp;
}

function shapeOf(def: TableDef): IdShape {
  const format = def.idFormat;
  // @i18n-exempt: a table the contract gives no ID format, a programming error for the log
  if (format === null) throw new Error(`The ${def.name} tab has no ID format.`);
  const parts = format.split('-');
  const prefix = parts[0] ?? '';
  const yearly = parts.includes('YYYY');
  const digits = (parts[parts.length - 1] ?? '').length;
  return { prefix, yearly, digits, pattern: new RegExp(`^${prefix}-${yearly ? '(\\d{4})-' : '()'}(\\d+)$`, 'i') };
}

/** The ID of number `n` (in `year` for a yearly format). */
export function formatId(def: TableDef, n: number, year?: number): string {
  const shape = shapeOf(def);
  const number = String(n).padStart(shape.digits, '0');
  return shape.yearly ? `${shape.prefix}-${year ?? ''}-${number}` : `${shape.prefix}-${number}`;
}

/** The year (null for a format without one) and number of an ID of this table, or null when it is not one. */
export function parseId(def: TableDef, text: string): { year: number | null; n: number } | null {
  const shape = shapeOf(def);
  const m = shape.pattern.exec(text.trim());
  if (!m) return null;
  return { year: shape.yearly ? Number(m[1]) : null, n: Number(m[2]) };
}

/** One past the highest number `cells` hold for that year (for any year when the format has none). */
export function nextId(def: TableDef, cells: Iterable<Cell | undefined>, year?: number): string {
  let highest = 0;
  for (const cell of cells) {
    if (cell === undefined || isBlank(cell)) continue;
    const id = parseId(def, String(cell));
    if (id !== null && (id.year === null || id.year === year)) highest = Math.max(highest, id.n);
  }
  return formatId(def, highest + 1, year);
}

/** The cells of one column below the header row, for nextId. */
export function* columnCells(
  grid: readonly (readonly Cell[])[] | null | undefined,
  column: number | undefined,
): Generator<Cell | undefined> {
  if (!grid || column === undefined) return;
  for (let r = 1; r < grid.length; r++) yield grid[r]?.[column];
}
