/**
 * Tables over the workbook port: read a tab once, append records under the document lock, update
 * records found by their ID.
 * Writes touch only the contract's columns, one call per contiguous block, so a user's own columns
 * (and any formulas in them) are never rewritten.
 */
import type { Cell, Column } from '../domain/cells';
import { decodeTable, encodeRow, type DecodedTable, type HeaderMap } from '../domain/codec';
import { decodeNetwork, type Grids, type Network } from '../domain/network';
import type { AnyTable, RecordOf, TableDef } from '../domain/tables';
import type { Ports, WorkbookPort } from '../ports';
import { readGrids } from './network';

export function readTable<T extends TableDef>(workbook: WorkbookPort, def: T): DecodedTable<RecordOf<T>> {
  return decodeTable(def, workbook.read(def.name));
}

/** Runs of consecutive numbers: [3,4,5,9] → [[3,5],[9,9]]. */
export function runs(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/**
 * Writes rows of cells (indexed by 0-based column) at the given 1-based row numbers, limited to
 * `columns`, which every row must fill: one write per block of consecutive rows × consecutive columns.
 */
export function writeRows(workbook: WorkbookPort, tab: string, rows: ReadonlyMap<number, readonly Cell[]>, columns: readonly number[]): void {
  const columnRuns = runs([...columns].sort((a, b) => a - b));
  for (const [firstRow, lastRow] of runs([...rows.keys()].sort((a, b) => a - b))) {
    for (const [firstCol, lastCol] of columnRuns) {
      const block: Cell[][] = [];
      for (let r = firstRow; r <= lastRow; r++) block.push((rows.get(r) ?? []).slice(firstCol, lastCol + 1));
      workbook.write(tab, firstRow, firstCol + 1, block);
    }
  }
}

function requireHeader(def: TableDef, header: HeaderMap | null): HeaderMap {
  if (header === null) {
    throw new Error(`The ${def.name} tab is missing or has no header row: run Set up / repair workbook first.`);
  }
  return header;
}

/**
 * Tabs read while the document lock is held, and the only way to append to them. An append goes below
 * the last row of a read made under the same lock: a read made before the lock may be stale (another
 * run may have appended since), and appending from it would overwrite that run's rows.
 */
export interface LockedTabs {
  /** Reads and decodes one tab now: one batch read. */
  read<T extends TableDef>(def: T): DecodedTable<RecordOf<T>>;
  /** Reads the tabs given now (one batch read each) and decodes the network from them. */
  readNetwork(tables: readonly AnyTable[]): { network: Network; grids: Grids };
  /** Appends records below the last used row of a tab read under this lock. Returns the rows written. */
  append<T extends TableDef>(def: T, records: readonly RecordOf<T>[]): number[];
  /** Replaces in place the records of a tab read under this lock, found by ID (see updateRecords). Returns the IDs no row has. */
  update<T extends TableDef>(def: T, records: readonly RecordOf<T>[]): string[];
}

/** Runs `fn` holding the document lock, with the tabs it reads and appends to; they expire with the lock. */
export function withLockedTabs<R>(ports: Pick<Ports, 'lock' | 'workbook'>, fn: (tabs: LockedTabs) => R): R {
  const { workbook } = ports;
  return ports.lock.withDocumentLock(() => {
    /** Each tab read under this lock: its cells, header and the row the next record goes to. */
    const ends = new Map<string, { grid: readonly (readonly Cell[])[] | null; header: HeaderMap | null; next: number }>();
    let held = true;
    const hold = () => {
      if (!held) throw new Error('These tabs were read under a document lock that has since been released: read them again under a new lock.');
    };
    const remember = (def: TableDef, grid: readonly (readonly Cell[])[] | null | undefined) => {
      ends.set(def.name, { grid: grid ?? null, header: decodeTable(def, grid?.slice(0, 1) ?? null).header, next: (grid?.length ?? 0) + 1 });
    };
    const readEnd = (def: TableDef) => {
      hold();
      const end = ends.get(def.name);
      if (end === undefined) throw new Error(`The ${def.name} tab must be read under the document lock before anything is written to it.`);
      return end;
    };
    const tabs: LockedTabs = {
      read(def) {
        hold();
        const grid = workbook.read(def.name);
        remember(def, grid);
        return decodeTable(def, grid);
      },
      readNetwork(tables) {
        hold();
        const grids = readGrids(workbook, tables);
        for (const def of tables) remember(def, grids[def.name]);
        return { network: decodeNetwork(grids), grids };
      },
      append(def, records) {
        const end = readEnd(def);
        const header = requireHeader(def, end.header);
        const rows = new Map<number, Cell[]>();
        records.forEach((record, i) => rows.set(end.next + i, encodeRow(def, header, record)));
        if (rows.size > 0) writeRows(workbook, def.name, rows, [...header.index.values()]);
        end.next += rows.size;
        return [...rows.keys()];
      },
      update(def, records) {
        const grid = readEnd(def).grid ?? [];
        return updateRecords(workbook, def, decodeTable(def, grid), grid, records);
      },
    };
    try {
      return fn(tabs);
    } finally {
      held = false;
    }
  });
}

/**
 * Replaces the records whose key matches, in place. Only the cells that change are sent, grouped into
 * contiguous blocks. Returns the keys that no row has (nothing is written for them).
 */
export function updateRecords<T extends TableDef>(
  workbook: WorkbookPort,
  def: T,
  table: DecodedTable<RecordOf<T>>,
  grid: readonly (readonly Cell[])[],
  updates: readonly RecordOf<T>[],
): string[] {
  const header = requireHeader(def, table.header);
  const key = def.key;
  if (key === null) throw new Error(`The ${def.name} tab has no ID column to update rows by.`);
  const rowOf = new Map<string, number>();
  for (const r of table.records) {
    const k = String((r as Record<string, unknown>)[key]);
    if (!rowOf.has(k)) rowOf.set(k, r.row);
  }
  const unknown: string[] = [];
  const rows = new Map<number, Cell[]>();
  const changed = new Set<number>();
  for (const record of updates) {
    const k = String((record as Record<string, unknown>)[key]);
    const row = rowOf.get(k);
    if (row === undefined) {
      unknown.push(k);
      continue;
    }
    const before = grid[row - 1] ?? [];
    const after = encodeRow(def, header, record, before);
    let differs = false;
    for (const [field, at] of header.index) {
      const column = def.columns[field] as Column;
      if (!sameCell(column.decode(before[at]), column.decode(after[at]))) {
        changed.add(at);
        differs = true;
      }
    }
    if (differs) rows.set(row, after);
  }
  if (rows.size > 0) writeRows(workbook, def.name, rows, [...changed]);
  return unknown;
}

function sameCell(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
