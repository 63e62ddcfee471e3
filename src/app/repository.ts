/**
 * Tables over the workbook port: read a tab once, append records under the document lock, update
 * records found by their ID.
 * Writes touch only the contract's columns, one call per contiguous block, so a user's own columns
 * (and any formulas in them) are never rewritten.
 */
import { t } from '../domain/i18n';
import type { Cell, Column } from '../domain/cells';
import { decodeTable, encodeRow, type DecodedTable, type HeaderMap } from '../domain/codec';
import { decodeNetwork, type Grids, type Network } from '../domain/network';
import type { AnyTable, RecordOf, TableDef } from '../domain/tables';
import { cellText } from '../domain/cells';
import { keyOf } from '../domain/words';
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
export function writeRows(
  workbook: WorkbookPort,
  tab: string,
  rows: ReadonlyMap<number, readonly Cell[]>,
  columns: readonly number[],
): void {
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
    throw new Error(t('app.repository.no-header', { tab: def.name }));
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
  /** Replaces in place the records of a tab read under this lock, found by ID (see updateRecords). */
  update<T extends TableDef>(def: T, records: readonly RecordOf<T>[]): UpdateResult;
}

/** Runs `fn` holding the document lock, with the tabs it reads and appends to; they expire with the lock. */
export function withLockedTabs<R>(ports: Pick<Ports, 'lock' | 'workbook'>, fn: (tabs: LockedTabs) => R): R {
  const { workbook } = ports;
  return ports.lock.withDocumentLock(() => {
    /** Each tab read under this lock: its cells, header and the row the next record goes to. */
    const ends = new Map<
      string,
      { grid: readonly (readonly Cell[])[] | null; header: HeaderMap | null; next: number }
    >();
    let held = true;
    const hold = () => {
      // @i18n-exempt: a use case that kept a read past its lock, a programming error for the log
      if (!held)
        throw new Error(
          'These tabs were read under a document lock that has since been released: read them again under a new lock.',
        );
    };
    const remember = (def: TableDef, grid: readonly (readonly Cell[])[] | null | undefined) => {
      ends.set(def.name, {
        grid: grid ?? null,
        header: decodeTable(def, grid?.slice(0, 1) ?? null).header,
        next: (grid?.length ?? 0) + 1,
      });
    };
    const readEnd = (def: TableDef) => {
      hold();
      const end = ends.get(def.name);
      // @i18n-exempt: a write without the read it needs, a programming error for the log
      if (end === undefined)
        throw new Error(`The ${def.name} tab must be read under the document lock before anything is written to it.`);
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

/** What an update left undone: IDs that no row has, and cells people changed or moved while it wrote. */
export interface UpdateResult {
  readonly unknown: string[];
  readonly skipped: SkippedWrite[];
}

/**
 * Replaces the records whose key matches, in place: only the cells that change, each through
 * writeIfUnchanged, so that a row a person moved or a cell a person edited since `grid` was read is
 * left alone and reported, never overwritten.
 */
export function updateRecords<T extends TableDef>(
  workbook: WorkbookPort,
  def: T,
  table: DecodedTable<RecordOf<T>>,
  grid: readonly (readonly Cell[])[],
  updates: readonly RecordOf<T>[],
): UpdateResult {
  const header = requireHeader(def, table.header);
  const key = def.key;
  // @i18n-exempt: an update of a table the contract gives no key, a programming error for the log
  if (key === null) throw new Error(`The ${def.name} tab has no ID column to update rows by.`);
  const byKey = new Map<string, Record<string, unknown>>();
  for (const r of table.records) {
    const k = String((r as Record<string, unknown>)[key]);
    if (!byKey.has(k)) byKey.set(k, r as Record<string, unknown>);
  }
  const unknown: string[] = [];
  const writes: GuardedWrite[] = [];
  // A cell the add-on cannot read is never overwritten: what a person typed there stays for them to correct.
  const unreadable: SkippedWrite[] = [];
  for (const record of updates) {
    const k = String((record as Record<string, unknown>)[key]);
    const before = byKey.get(k);
    if (before === undefined) {
      unknown.push(k);
      continue;
    }
    const row = grid[(before as { row: number }).row - 1] ?? [];
    for (const [field, at] of header.index) {
      const column = def.columns[field] as Column;
      const was = column.decode(row[at]);
      const value = (record as Record<string, unknown>)[field];
      if (!was.ok) {
        const blank = column.decode('');
        if (!(blank.ok && sameCell(blank.value, value)))
          unreadable.push({
            write: { id: k, field, was: null, value },
            reason: t('app.repository.unreadable', { column: column.header, problem: was.message }),
          });
      } else if (!sameCell(was.value, value)) writes.push({ id: k, field, was: was.value, value });
    }
  }
  return { unknown, skipped: [...unreadable, ...(writes.length === 0 ? [] : writeIfUnchanged(workbook, def, writes))] };
}

function sameCell(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One cell of the row whose ID is `id`, to be set to `value` only while it still reads `was` (decoded values). */
export interface GuardedWrite {
  readonly id: string;
  readonly field: string;
  readonly was: unknown;
  readonly value: unknown;
}

/** A guarded write left undone, and why in words ("… no longer reads …"). */
export interface SkippedWrite {
  readonly write: GuardedWrite;
  readonly reason: string;
}

/** "Title of D-2026-03 (its Title was changed while the add-on was working (row 5))": what a save left undone, for its Log row and toast. */
export function describeSkipped(def: TableDef, skipped: readonly SkippedWrite[]): string[] {
  return skipped.map(({ write, reason }) =>
    t('app.repository.skipped', {
      header: (def.columns as Record<string, Column>)[write.field]?.header ?? write.field,
      id: write.id,
      reason,
    }),
  );
}

/** What a save's toast adds when it left cells alone: empty when it wrote them all. */
export function leftAlone(notWritten: readonly string[]): string {
  return notWritten.length === 0 ? '' : t('app.repository.left-alone', { cells: notWritten.join('; ') });
}

/** Reads (and so checks) a guarded write's cell at most this often: people may keep moving rows while it writes. The last read only checks. */
const GUARDED_READS = 6;

type Grid = readonly (readonly Cell[])[];

interface Placed {
  /** The row it was meant for, by keyOf of its ID ('' for a row without one). */
  readonly id: string;
  readonly at: number;
  readonly column: Column;
  readonly value: unknown;
  /** The write it was made for, to report. */
  readonly write: GuardedWrite;
}

/** The 1-based rows of each ID (by keyOf) in a grid, header row left out; only the wanted IDs' when given. */
function rowsById(grid: Grid, keyAt: number, wanted?: ReadonlySet<string>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let r = 1; r < grid.length; r++) {
    const k = keyOf(cellText(grid[r]?.[keyAt]));
    if (k === '' || (wanted !== undefined && !wanted.has(k))) continue;
    const rows = out.get(k);
    if (rows === undefined) out.set(k, [r + 1]);
    else rows.push(r + 1);
  }
  return out;
}

/**
 * Writes cells of rows found by their ID, each only while it still reads what the caller read: the
 * document lock keeps other executions out, not people, who may type, insert, delete or sort rows
 * while it is held. So the tab is read again right before the write, a row is found by ID there, and
 * a cell that changed in the meantime (or an ID on no row or on two) is left alone and returned. The
 * next read checks the write landed: a row that took a cell meant for another (it moved between the
 * read and the write) gets its own value back, found by its ID, and the write goes to where its row
 * went; rows that keep moving leave the write undone (returned). Costs two reads and one write per
 * block when nobody edits. The tick's dates use it; any save of a cell found by ID may.
 */
export function writeIfUnchanged(
  workbook: WorkbookPort,
  def: TableDef,
  writes: readonly GuardedWrite[],
): SkippedWrite[] {
  const skipped: SkippedWrite[] = [];
  const same = (column: Column, cell: Cell | undefined, value: unknown) => {
    const decoded = column.decode(cell);
    return decoded.ok && sameCell(decoded.value, value);
  };
  const targets = new Set(writes.map((w) => `${keyOf(w.id)}|${w.field}`));
  let pending = writes;
  /** Every cell the last write sent, the values given back included, and the row (by ID) it was meant for. */
  let placed: Placed[] = [];
  /** The tab as it stood before the last write (with the cells that write gave back): each row's own value, by ID. */
  let before: Cell[][] = [];
  for (let read = 0; read < GUARDED_READS && (pending.length > 0 || placed.length > 0); read++) {
    const grid = workbook.read(def.name) ?? [];
    const header = decodeTable(def, grid.slice(0, 1)).header;
    const keyAt = def.key === null ? undefined : header?.index.get(def.key);
    if (header === null || keyAt === undefined) {
      for (const write of pending)
        skipped.push({ write, reason: t('app.repository.no-key-column', { tab: def.name, column: def.key ?? 'ID' }) });
      break;
    }
    // The grid as this write leaves it: a row is copied only when a cell of it is given back (a read
    // hands over a grid of its own, which nothing else changes).
    const view = grid.slice();
    // One block per column: a cell of another column, read a moment ago, is never written back.
    const byColumn = new Map<number, Map<number, Cell[]>>();
    const put = (row: number, at: number, cell: Cell) => {
      const line: Cell[] = [];
      line[at] = cell;
      byColumn.set(at, (byColumn.get(at) ?? new Map<number, Cell[]>()).set(row, line));
    };
    // A row that moved between the read and the write took a cell meant for another: it gets its own back.
    // Looked up only when the last write is checked: a tab of a hundred thousand rows is not indexed for nothing.
    const earlier = placed.length === 0 ? new Map<string, number[]>() : rowsById(before, keyAt);
    const givenBack: Placed[] = [];
    // The cells the last write sent, by column and value: a row is looked up, not compared with each of them.
    const sent = new Map<string, Placed[]>();
    const columns = new Map<number, { column: Column; field: string }>();
    for (const q of placed) {
      const k = `${q.at}|${JSON.stringify(q.value)}`;
      const list = sent.get(k);
      if (list === undefined) sent.set(k, [q]);
      else list.push(q);
      columns.set(q.at, { column: q.column, field: q.write.field });
    }
    for (let r = 1; r < grid.length && sent.size > 0; r++) {
      const id = keyOf(cellText(grid[r]?.[keyAt]));
      const own = earlier.get(id);
      const mine = id === '' ? null : own?.length === 1 ? (before[own[0]! - 1] ?? []) : undefined;
      // A row found on no row or on two before the write cannot be given back what it held.
      if (mine === undefined) continue;
      for (const [at, { column, field }] of columns) {
        // A cell this write is for is checked where its own write is, not here.
        if (targets.has(`${id}|${field}`)) continue;
        const was = mine === null ? '' : (mine[at] ?? '');
        const decoded = column.decode(grid[r]?.[at]);
        // A cell that still holds what its row held before the write took nothing meant for another row.
        if (!decoded.ok || same(column, was, decoded.value)) continue;
        const p = sent.get(`${at}|${JSON.stringify(decoded.value)}`)?.find((q) => q.id !== id);
        if (p === undefined) continue;
        if (view[r] === grid[r]) view[r] = [...(grid[r] ?? [])];
        view[r]![at] = was;
        put(r + 1, at, was);
        const back = column.decode(was);
        givenBack.push({ ...p, id, value: back.ok ? back.value : null });
      }
    }
    const now = rowsById(grid, keyAt, new Set(pending.map((w) => keyOf(w.id))));
    const next: GuardedWrite[] = [];
    placed = [...givenBack];
    for (const write of pending) {
      const column = def.columns[write.field] as Column | undefined;
      const at = header.index.get(write.field);
      const found = now.get(keyOf(write.id)) ?? [];
      const row = found[0] ?? 0;
      if (column === undefined || at === undefined)
        skipped.push({ write, reason: t('app.repository.no-column', { tab: def.name }) });
      else if (found.length !== 1)
        skipped.push({
          write,
          reason:
            found.length === 0
              ? t('app.repository.no-row', { tab: def.name, id: write.id })
              : t('app.repository.many-rows', { id: write.id, rows: found.join(', ') }),
        });
      else if (same(column, view[row - 1]?.[at], write.value)) continue;
      else if (!same(column, view[row - 1]?.[at], write.was))
        skipped.push({ write, reason: t('app.repository.changed', { column: column.header, row }) });
      else {
        put(row, at, column.encode(write.value as never));
        placed.push({ id: keyOf(write.id), at, column, value: write.value, write });
        next.push(write);
      }
    }
    if (byColumn.size === 0) break;
    if (read === GUARDED_READS - 1) {
      // No read is left to check another write: leave it, and say where a value may stand wrongly.
      for (const p of placed) {
        const reason = givenBack.includes(p)
          ? t('app.repository.kept-moving-check', { tab: def.name, id: p.id, hasId: p.id ? 'yes' : 'no' })
          : t('app.repository.kept-moving', { tab: def.name });
        skipped.push({ write: p.write, reason });
      }
      break;
    }
    for (const [at, rows] of byColumn) writeRows(workbook, def.name, rows, [at]);
    before = view;
    pending = next;
  }
  return skipped;
}
