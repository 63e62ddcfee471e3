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

/**
 * The row below row 1 that holds more of the contract's headers than row 1 does, and at least half of
 * them: where the header went when a person put a title line (or a few) above it.
 */
function headerBelow(def: TableDef, grid: readonly (readonly Cell[])[], found: number): number | null {
  const wanted = new Set(Object.values(def.columns as Record<string, Column>).map((c) => normalizeHeader(c.header)));
  for (let r = 1; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const matched = new Set((grid[r] ?? []).map(normalizeHeader).filter((h) => wanted.has(h))).size;
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
  const first = grid[0];
  if (!first || first.every(isBlank)) {
    const noRows = grid.length <= 1;
    const below = noRows ? null : headerBelow(def, grid, 0);
    return {
      records: [],
      problems: noRows
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
            ],
      header: null,
      lastRow: grid.length,
      unreadable: [],
      headerAt: below,
    };
  }
  const mapped = mapHeader(def, first);
  const { header } = mapped;
  const headerAt = header.missing.length === 0 ? null : headerBelow(def, grid, header.index.size);
  // A header moved down by a title line is one problem, not one per column that row 1 lacks.
  const problems =
    headerAt === null
      ? mapped.problems
      : [
          ...mapped.problems.filter((p) => !header.missing.some((c) => c.header === p.column)),
          misplacedHeader(def, headerAt),
        ];
  const records: Located<RecordOf<T>>[] = [];
  const unreadable: string[] = [];
  const entries = [...header.index.entries()].map(([key, at]) => [key, at, def.columns[key] as Column] as const);
  const keyAt = def.key === null ? undefined : header.index.get(def.key);
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    if (entries.every(([, at]) => isBlank(cells[at]))) continue;
    const row = r + 1;
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
    for (const column of header.missing) {
      const key = Object.keys(def.columns).find((k) => def.columns[k] === column) ?? '';
      if (column.required) usable = false;
      const blank = column.decode('');
      record[key] = blank.ok ? blank.value : null;
      invalid.push(key);
    }
    if (!usable) {
      if (ref !== null) unreadable.push(ref);
      continue;
    }
    // Set one by one: Object.assign of more fields onto a record of twenty turns it into a dictionary,
    // three times the memory (half a gigabyte at 1,000 times the example) and slower for every rule.
    record.row = row;
    // Most rows have no invalid field: they share one empty list rather than each holding its own.
    record.invalid = invalid.length === 0 ? NOTHING_INVALID : invalid;
    records.push(record as Located<RecordOf<T>>);
  }
  return { records, problems, header, lastRow: grid.length, unreadable, headerAt };
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
