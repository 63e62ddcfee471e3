/**
 * The codec between a tab's raw cells and typed records. Columns are found by header name (case and
 * surrounding spaces ignored); a user's own columns are carried through untouched; every cell that
 * breaks WORKBOOK.md becomes a problem that names tab, row, column and what is expected.
 */
import { isBlank, type Cell, type Column } from './cells';
import { t } from './i18n';
import type { RecordOf, TableDef } from './tables';

export interface Problem {
  readonly sheet: string;
  /** The row as the spreadsheet numbers it; null for a problem with the whole tab. */
  readonly row: number | null;
  readonly column: string | null;
  /** The row's ID (or Members' Agency) where it has one. */
  readonly ref: string | null;
  readonly message: string;
  readonly expected: string | null;
}

/** A decoded record with the row it came from and the fields whose cells could not be read (left blank). */
export type Located<T> = T & { readonly row: number; readonly invalid: readonly string[] };

export interface HeaderMap {
  /** Field key → 0-based column index, for the contract columns present. */
  readonly index: ReadonlyMap<string, number>;
  /** The header row as it stands, extra columns included. */
  readonly headers: readonly string[];
  /** Contract columns that the tab lacks. */
  readonly missing: readonly Column[];
}

export interface DecodedTable<T> {
  readonly records: Located<T>[];
  readonly problems: Problem[];
  /** Null when the tab does not exist or has no header row. */
  readonly header: HeaderMap | null;
  /** Rows in use, header included: the next record goes to row `lastRow + 1`. */
  readonly lastRow: number;
  /** The keys (IDs, agency codes) of rows left out of `records` because a required cell is unreadable. */
  readonly unreadable: readonly string[];
  /** A row below row 1 that holds the headers row 1 lacks (a title line was put above them); null when none does. */
  readonly headerAt: number | null;
}

function misplacedHeader(def: TableDef, at: number): Problem {
  return {
    sheet: def.name,
    row: at,
    column: null,
    ref: null,
    message: t('validate.header.misplaced', { tab: def.name, row: at }),
    expected: t('validate.header.misplaced-expected'),
  };
}

/** How far down a misplaced header is looked for. */
const HEADER_SEARCH_ROWS = 10;

/** A row as a reader gives it: a hole (or a shorter row) for a blank cell. */
export type RowCells = readonly (Cell | undefined)[];

/**
 * The row below row 1 that holds more of the contract's headers than row 1 does, and at least half of
 * them: where the header went when a person put a title line (or a few) above it. `top` holds the
 * first rows of the tab, no more than HEADER_SEARCH_ROWS.
 */
function headerBelow(def: TableDef, top: readonly (RowCells | undefined)[], found: number): number | null {
  const wanted = new Set(Object.values(def.columns as Record<string, Column>).map((c) => normalizeHeader(c.header)));
  for (let r = 1; r < top.length; r++) {
    const matched = new Set((top[r] ?? []).map(normalizeHeader).filter((h) => wanted.has(h))).size;
    if (matched > found && matched * 2 >= wanted.size) return r + 1;
  }
  return null;
}

export function normalizeHeader(text: unknown): string {
  return typeof text === 'string'
    ? text.trim().toLowerCase()
    : String(text ?? '')
        .trim()
        .toLowerCase();
}

export function columnLetter(index1: number): string {
  let n = index1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function mapHeader(def: TableDef, headerRow: readonly Cell[]): { header: HeaderMap; problems: Problem[] } {
  const headers = headerRow.map((h) => (typeof h === 'string' ? h : String(h ?? '')));
  const positions = new Map<string, number>();
  const problems: Problem[] = [];
  headers.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (n === '') return;
    if (positions.has(n)) {
      const first = positions.get(n) ?? 0;
      problems.push({
        sheet: def.name,
        row: 1,
        column: h.trim(),
        ref: null,
        message: t('validate.header.twice', {
          column: h.trim(),
          first: columnLetter(first + 1),
          second: columnLetter(i + 1),
        }),
        expected: t('validate.header.twice-expected'),
      });
      return;
    }
    positions.set(n, i);
  });
  const index = new Map<string, number>();
  const missing: Column[] = [];
  for (const [key, column] of Object.entries(def.columns as Record<string, Column>)) {
    const at = positions.get(normalizeHeader(column.header));
    if (at === undefined) missing.push(column);
    else index.set(key, at);
  }
  for (const column of missing.filter((c) => !c.optional)) {
    problems.push({
      sheet: def.name,
      row: 1,
      column: column.header,
      ref: null,
      message: t('validate.header.missing', { tab: def.name, column: column.header }),
      expected: t('validate.header.missing-expected', { column: column.header }),
    });
  }
  return { header: { index, headers, missing }, problems };
}

const NOTHING_INVALID: readonly string[] = Object.freeze([]);

/** A tab's rows given one at a time, in ascending order, then how many rows the tab uses: what it makes of them. */
export interface RowsInto<R> {
  /** A row by its number (the header's is 1); a row not given is blank. */
  row(number: number, cells: RowCells): void;
  /** The rows in use, the header's included; the rows given lie within them. */
  end(lastRow: number): R;
}

/** How far a row's values reach: its length less the holes at its end. */
export function reach(cells: RowCells): number {
  let length = cells.length;
  while (length > 0 && cells[length - 1] === undefined) length--;
  return length;
}

/** The header of a tab once its first rows are in: the columns each record is read from, or null when it has none. */
interface Settled {
  readonly header: HeaderMap | null;
  readonly headerAt: number | null;
  readonly entries: readonly (readonly [key: string, at: number, column: Column])[];
  readonly keyAt: number | undefined;
  /** The fields of the contract columns the tab lacks, with their column. */
  readonly absent: readonly (readonly [key: string, column: Column])[];
}

/**
 * A tab decoded as its rows come, so that a reader of a large file never holds the tab's grid: the
 * first HEADER_SEARCH_ROWS rows wait until it is known where the header is, every later row is
 * decoded as it is given. decodeTable gives it a grid's rows.
 */
export class TableDecoder<T extends TableDef> implements RowsInto<DecodedTable<RecordOf<T>>> {
  private readonly top: (RowCells | undefined)[] = [];
  private settled: Settled | null = null;
  private width = 0;
  private readonly problems: Problem[] = [];
  private readonly records: Located<RecordOf<T>>[] = [];
  private readonly unreadable: string[] = [];

  constructor(private readonly def: T) {}

  row(number: number, cells: RowCells): void {
    this.width = Math.max(this.width, reach(cells));
    if (this.settled === null) {
      if (number <= HEADER_SEARCH_ROWS) {
        this.top[number - 1] = cells;
        return;
      }
      this.settle(false);
    }
    if (this.settled?.header) this.decode(number, cells);
  }

  end(lastRow: number): DecodedTable<RecordOf<T>> {
    if (this.settled === null) this.settle(lastRow <= 1);
    const { header, headerAt } = this.settled as Settled;
    const { records, problems, unreadable, width } = this;
    // The header row as the grid holds it: as wide as the widest row, '' where it has nothing.
    const wide = header && {
      ...header,
      headers: Array.from({ length: Math.max(width, header.headers.length) }, (_, i) => header.headers[i] ?? ''),
    };
    return { records, problems, header: wide, lastRow, unreadable, headerAt };
  }

  /** Where the header is, from the rows above any record: `noRows` when the tab has no row below row 1. */
  private settle(noRows: boolean): void {
    const { def, top } = this;
    // Row 1 as the grid holds it: as long as its last value, '' for a blank (a reader may give a longer row).
    const given = top[0];
    const first = given && Array.from({ length: reach(given) }, (_, i) => given[i] ?? '');
    const blank = first === undefined || first.every(isBlank);
    if (blank) {
      const below = noRows ? null : headerBelow(def, top, 0);
      this.problems.push(
        ...(noRows
          ? mapHeader(def, []).problems
          : below !== null
            ? [misplacedHeader(def, below)]
            : [
                {
                  sheet: def.name,
                  row: 1,
                  column: null,
                  ref: null,
                  message: t('validate.header.none', { tab: def.name }),
                  expected: t('validate.header.none-expected'),
                },
              ]),
      );
      this.settled = { header: null, headerAt: below, entries: [], keyAt: undefined, absent: [] };
      return;
    }
    const mapped = mapHeader(def, first);
    const { header } = mapped;
    const headerAt = header.missing.length === 0 ? null : headerBelow(def, top, header.index.size);
    // A header moved down by a title line is one problem, not one per column that row 1 lacks.
    if (headerAt === null) this.problems.push(...mapped.problems);
    else
      this.problems.push(
        ...mapped.problems.filter((p) => !header.missing.some((c) => c.header === p.column)),
        misplacedHeader(def, headerAt),
      );
    const columns = def.columns as Record<string, Column>;
    this.settled = {
      header,
      headerAt,
      entries: [...header.index.entries()].map(([key, at]) => [key, at, columns[key] as Column] as const),
      keyAt: def.key === null ? undefined : header.index.get(def.key),
      absent: header.missing.map(
        (column) => [Object.keys(columns).find((k) => columns[k] === column) ?? '', column] as const,
      ),
    };
    for (let r = 1; r < top.length; r++) {
      const cells = top[r];
      if (cells !== undefined) this.decode(r + 1, cells);
    }
  }

  private decode(row: number, cells: RowCells): void {
    const { def, problems } = this;
    const { entries, keyAt, absent } = this.settled as Settled;
    if (entries.every(([, at]) => isBlank(cells[at]))) return;
    const refCell = keyAt === undefined ? '' : cells[keyAt];
    const ref = isBlank(refCell) ? null : String(refCell).trim();
    const record: Record<string, unknown> = {};
    const invalid: string[] = [];
    let usable = true;
    for (const [key, at, column] of entries) {
      const decoded = column.decode(cells[at]);
      if (decoded.ok) {
        record[key] = decoded.value;
        continue;
      }
      problems.push({
        sheet: def.name,
        row,
        column: column.header,
        ref,
        message: decoded.message,
        expected: column.expected,
      });
      if (column.required) usable = false;
      invalid.push(key);
      record[key] = column.decode('').ok ? (column.decode('') as { value: unknown }).value : null;
    }
    for (const [key, column] of absent) {
      if (column.required) usable = false;
      const blank = column.decode('');
      record[key] = blank.ok ? blank.value : null;
      invalid.push(key);
    }
    if (!usable) {
      if (ref !== null) this.unreadable.push(ref);
      return;
    }
    // Set one by one: Object.assign of more fields onto a record of twenty turns it into a dictionary,
    // three times the memory (half a gigabyte at 1,000 times the example) and slower for every rule.
    record.row = row;
    // Most rows have no invalid field: they share one empty list rather than each holding its own.
    record.invalid = invalid.length === 0 ? NOTHING_INVALID : invalid;
    this.records.push(record as Located<RecordOf<T>>);
  }
}

/** Decodes a whole tab, header row first, as one batch read returns it; null when the tab is missing. */
export function decodeTable<T extends TableDef>(
  def: T,
  grid: readonly (readonly Cell[])[] | null,
): DecodedTable<RecordOf<T>> {
  if (grid === null) {
    return {
      records: [],
      problems: [
        {
          sheet: def.name,
          row: null,
          column: null,
          ref: null,
          message: t('validate.tab.missing', { tab: def.name }),
          expected: t('validate.tab.missing-expected', { tab: def.name }),
        },
      ],
      header: null,
      lastRow: 0,
      unreadable: [],
      headerAt: null,
    };
  }
  return rowsOfGrid(grid, new TableDecoder(def));
}

/** A grid's rows given to `into`, header row first. */
export function rowsOfGrid<R>(grid: readonly (readonly Cell[])[], into: RowsInto<R>): R {
  for (let r = 0; r < grid.length; r++) into.row(r + 1, grid[r] ?? []);
  return into.end(grid.length);
}

/**
 * A record as a row of cells under `header`, starting from `base` (the row as it stands) so that the
 * user's own columns keep their values. Contract columns the tab lacks are left out.
 */
export function encodeRow<T extends TableDef>(
  def: T,
  header: HeaderMap,
  record: RecordOf<T>,
  base: readonly Cell[] = [],
): Cell[] {
  const row: Cell[] = Array.from({ length: header.headers.length }, (_, i) => base[i] ?? '');
  for (const [key, at] of header.index) {
    const column = def.columns[key] as Column;
    row[at] = column.encode((record as Record<string, unknown>)[key] as never);
  }
  return row;
}

/** The header row of a new tab. */
export function headerRow(def: TableDef): string[] {
  return Object.values(def.columns as Record<string, Column>).map((c) => c.header);
}
