/**
 * The WorkbookPort over an .xlsx file: the CLI and the playground work on a copy of the network's
 * spreadsheet with no Google account. Opening reads every tab's values (read.ts); the port reads
 * and changes them in memory, so every method stays synchronous like its Apps Script twin, and keeps
 * each change for the save. A save that only wrote values rewrites the rows it changed
 * (patch.ts); any other goes through exceljs (exceljs.ts), which keeps the file's formats,
 * dropdowns and layout, and is loaded only then: reading a large workbook needs no model of every
 * cell's style, and a command that changes nothing never loads it.
 */
import { open, readFile, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Cell, CellLink, TabLayout, TabStyle, WorkbookPort } from '../../ports';
import { rectangle } from '../../domain/block';
import { argb, excelName, xmlSafe } from './codec';
import type JSZip from 'jszip';
import type { Changes } from './exceljs';
import { damaged, MAX_BYTES, tooLarge, unpack, unpackLazily, type PiecedParts } from './guard';
import { keepWhatExcelJsDrops } from './keep';
import { patchValues, type FileLayout, type Patched, type ValueWrite } from './patch';
import type { PiecedText } from './pieces';
import {
  gridOf,
  readWorkbook,
  RowsNotInOrder,
  TooManyCells,
  workbookReader,
  workbookValues,
  type SheetEntry,
  type SheetLayout,
  type SheetRead,
  type WorkbookReader,
  type WorkbookValues,
} from './read';
import { giveRows } from './row-batches';
import { DECODING, HOLDING, layoutHere, SheetThread, type SheetCosts, type SheetReading } from './sheet-thread';
import { rowsOfGrid, type RowsInto } from '../../domain/codec';
import type { TabReader } from '../../domain/network';
import { errorText } from '../../domain/errors';
import { currentLanguage, inLanguage, t } from '../../domain/i18n';

/** The file cannot be opened as a workbook: the message is one line meant for the user. */
export class WorkbookFileError extends Error {
  override readonly name = 'WorkbookFileError';
}

/** A Google Sheet holds at most 10 million cells. */
const MAX_GRID_CELLS = 10_000_000;

/** One change the port made, as the method and the arguments it was called with. */
type Change = { [K in keyof Changes]: { readonly method: K; readonly args: Parameters<Changes[K]> } }[keyof Changes];

interface Tab {
  name: string;
  /** The values by row, each row as long as its last value or longer; '' for nothing. */
  rows: Cell[][];
  /** The used range's size as read() last found it; null once the rows changed. */
  extent: { readonly height: number; readonly width: number } | null;
}

/** The used range of a tab's rows: no blank rows below it or columns to its right. */
function extentOf(rows: readonly (readonly Cell[] | undefined)[]): { height: number; width: number } {
  let height = 0;
  let width = 0;
  rows.forEach((row, i) => {
    if (row === undefined) return;
    let last = row.length;
    while (last > 0 && (row[last - 1] ?? '') === '') last--;
    if (last === 0) return;
    height = i + 1;
    width = Math.max(width, last);
  });
  return { height, width };
}

/** The file the workbook was read from or last saved as, and what a patch needs of it. */
interface Base {
  readonly bytes: Buffer;
  /** Where things lie in its parts; null when a save went through exceljs (read again when a patch needs it). */
  layout: FileLayout | null;
  /** The text of the parts the last patch rewrote, so that the next does not inflate or deflate them all again. */
  texts: ReadonlyMap<string, PiecedText>;
  /** Its zip as the last patch left it; null when no patch made it. */
  zip: JSZip | null;
}

function layoutOf(values: WorkbookValues): FileLayout {
  return {
    sheets: values.sheets.map(({ name, part, layout }) => ({ name, part, layout })),
    styles: values.styles,
    date1904: values.date1904,
  };
}

const MAX_LINK_HOPS = 40;

function sameValue(a: Cell, b: Cell): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

/** One change made to an exceljs model of the file. */
function apply(book: Changes, change: Change): void {
  (book[change.method] as (...args: unknown[]) => void).apply(book, change.args);
}

/** The file a save replaces: a symbolic link's target (followed to the end, even when it does not exist yet), else the file itself. */
async function destination(file: string, hops = 0): Promise<string> {
  const resolved = await realpath(file).catch(() => null);
  if (resolved !== null) return resolved;
  const link = await readlink(file).catch(() => null);
  if (link === null) return file;
  // Linux gives up on a chain of links at 40 hops (a link to itself never ends).
  if (hops >= MAX_LINK_HOPS) throw new Error(t('cli.file.link-loop'));
  return destination(path.resolve(path.dirname(file), link), hops + 1);
}

/** The bytes of an .xlsx file and its parts, refused as XlsxWorkbook.open says. */
async function readParts(file: string): Promise<{ bytes: Buffer; parts: PiecedParts }> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new WorkbookFileError(t('cli.file.missing', { file }));
  if (!info.isFile()) throw new WorkbookFileError(t('cli.file.not-a-file', { file }));
  if (info.size > MAX_BYTES) throw new WorkbookFileError(t('cli.file.refused', { file, reason: tooLarge(info.size) }));
  const bytes = await readFile(file).catch(() => null);
  if (!bytes) throw new WorkbookFileError(t('cli.file.unreadable', { file }));
  const parts = await unpackLazily(bytes);
  if (typeof parts === 'string') throw new WorkbookFileError(t('cli.file.refused', { file, reason: parts }));
  return { bytes, parts };
}

/** Why the file is refused, when reading its XML failed, in the language of the command's start. */
function refusedFor(file: string, error: unknown, language = currentLanguage()): WorkbookFileError {
  return inLanguage(language, () => {
    if (error instanceof TooManyCells)
      return new WorkbookFileError(t('cli.file.too-many-cells', { file, cells: error.cells, max: MAX_GRID_CELLS }));
    // What the XML parser says is about the file's internals: not for the user.
    return new WorkbookFileError(t('cli.file.refused', { file, reason: damaged() }));
  });
}

/** What reading the file's XML gave, or why the file is refused. */
function readingFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw refusedFor(file, error);
  }
}

/** The bytes and the values of an .xlsx file, refused as XlsxWorkbook.open says. */
async function readValues(file: string): Promise<{ bytes: Buffer; values: WorkbookValues }> {
  const { bytes, parts } = await readParts(file);
  const reader = readingFile(file, () => workbookReader(parts));
  const { thread, beside } = askedBeside(reader, parts, HOLDING);
  try {
    // A workbook without a sheet refuses damaged shared strings too.
    const strings = reader.strings();
    const read: (SheetEntry & SheetRead)[] = [];
    for (const entry of reader.entries) {
      const answer = beside.get(entry);
      const sheet = answer ? await sheetBeside(answer, strings, entry.part) : null;
      read.push({ ...entry, ...(sheet ?? reader.read(entry.part, true)) });
    }
    return { bytes, values: workbookValues(reader, read, MAX_GRID_CELLS) };
  } catch (error) {
    throw refusedFor(file, error);
  } finally {
    thread?.stop();
  }
}

/**
 * The worker that reads the sheets sheetsBeside picks for a command that reads them so (sheet-thread.ts),
 * asked for all of them now; no worker when none is picked or none can run.
 */
function askedBeside(
  reader: WorkbookReader,
  parts: PiecedParts,
  costs: SheetCosts,
): { thread: SheetThread | null; beside: Map<SheetEntry, SheetReading> } {
  const sources = reader.entries.map((entry) => parts.source(entry.part)!);
  const picked = SheetThread.pick(
    sources.map((source) => source.uncompressedSize),
    costs,
  );
  const thread = picked.includes(true) ? SheetThread.start(reader.dates, reader.date1904) : null;
  const beside = new Map<SheetEntry, SheetReading>();
  reader.entries.forEach((entry, i) => thread && picked[i] && beside.set(entry, thread.read(sources[i]!, costs.spans)));
  return { thread, beside };
}

/**
 * A sheet's rows given as the worker hands them over, as WorkbookReader.readRows gives them, with its
 * height, size and layout. Throws RowsNotInOrder where the reader of this thread must read it again.
 */
async function rowsBeside(
  answer: SheetReading,
  strings: readonly string[],
  part: string,
  give: (number: number, row: Cell[]) => void,
): Promise<{ cells: number; height: number; layout: SheetLayout }> {
  let height = 0;
  for (;;) {
    const message = await answer.next();
    if ('batch' in message) {
      height = giveRows(message.batch, strings, give) || height;
      continue;
    }
    if ('done' in message) return { cells: message.done.cells, height, layout: layoutHere(message.done.layout) };
    if (message.fault === 'order') throw new RowsNotInOrder();
    // @i18n-exempt: worded for a person by refusedFor.
    throw new Error(`The worker could not read ${part}`);
  }
}

/** A sheet read beside, as WorkbookReader.read gives it; null when this thread must read it again. */
async function sheetBeside(answer: SheetReading, strings: readonly string[], part: string): Promise<SheetRead | null> {
  const rows: Cell[][] = [];
  try {
    const { cells, layout } = await rowsBeside(answer, strings, part, (number, row) => (rows[number - 1] = row));
    return { rows, cells, layout };
  } catch (error) {
    if (error instanceof RowsNotInOrder) return null;
    throw error;
  }
}

/**
 * A fault of what a sheet's rows were given to while it was read: the command's, carried through the
 * reading so that it is thrown as it is and never taken for a damaged file.
 */
class GivenFault extends Error {
  override readonly name = 'GivenFault';

  constructor(readonly fault: unknown) {
    // @i18n-exempt: unwrapped before anyone sees it.
    super('What the rows were given to failed');
  }
}

/** The tabs of a file read once (readTabsOnce). */
export interface TabsOnce extends TabReader {
  /** Every tab's name, in the file's order. */
  readonly names: readonly string[];
  /** The tab's values as read() would give them, read when asked; null when there is no such tab. */
  grid(tab: string): Promise<Cell[][] | null>;
  /** The tab's rows given to what `into` makes as they are read (TabReader.rows); null when there is no such tab. */
  rows<R>(tab: string, into: () => RowsInto<R>): Promise<R | null>;
  /**
   * Reads every tab not taken and lets go of it, so that a file open() refuses (a tab's XML damaged,
   * more cells than a Google Sheet holds) is refused here too, once the command has what it needs.
   */
  rest(): Promise<void>;
}

/**
 * For a command that only reads the file (refused as open refuses it): each tab read when taken, as
 * zlib inflates its XML a piece at a time, its rows given as they are read or its values as a grid,
 * so that a network decoded tab by tab (decodeTabs) never holds more than one tab's values of a large
 * workbook beside the records decoded so far, nor a sheet's XML whole. Where a worker can run
 * (sheet-thread.ts), it reads the sheets sheetsBeside picks, from the start, while this thread reads
 * the others and decodes the rows the worker hands over. A refusal is worded in the language of the
 * start, whatever the Settings tab read meanwhile says, as open() words it.
 */
export async function readTabsOnce(file: string): Promise<TabsOnce> {
  const language = currentLanguage();
  const { parts } = await readParts(file);
  const reader = readingFile(file, () => workbookReader(parts));
  const names = reader.entries.map((entry) => entry.name);
  const read = new Set<SheetEntry>();
  const taken = new Set<string>();
  /** The sheets the worker reads, until a command takes them. */
  const { thread, beside } = askedBeside(reader, parts, DECODING);
  let cells = 0;
  const counted = (sheet: { readonly cells: number }) => {
    cells += sheet.cells;
    if (cells > MAX_GRID_CELLS) throw new TooManyCells(cells);
  };
  /** What `use` makes of a sheet's pieces (given anew each time they are asked for); null when the part is missing. */
  const reading = async <T>(
    entry: SheetEntry,
    use: (pieces: () => AsyncIterable<Buffer>) => Promise<T>,
  ): Promise<T | null> => {
    if (!parts.has(entry.part)) return null;
    read.add(entry);
    try {
      return await use(() => parts.pieces(entry.part)!);
    } catch (error) {
      // The command ends here: the worker has nothing more to read for it.
      thread?.stop();
      if (error instanceof GivenFault) throw error.fault;
      throw refusedFor(file, error, language);
    }
  };
  const grid = async (pieces: () => AsyncIterable<Buffer>) => {
    const sheet = await reader.readPieces(pieces());
    counted(sheet);
    return gridOf(sheet);
  };
  /** The entry of a tab taken now: the first of two tabs of one name, as open() keeps it. */
  const take = (tab: string) => {
    // @i18n-exempt: a fault of the command's code, never of the file a person gave it.
    if (taken.has(tab)) throw new Error(`The ${tab} tab was read already.`);
    taken.add(tab);
    return reader.entries.find((e) => e.name === tab);
  };
  /** The worker's reading of a sheet taken now, which no one else will take; undefined when it does not read it. */
  const takenBeside = (entry: SheetEntry) => {
    const answer = beside.get(entry);
    beside.delete(entry);
    return answer;
  };
  return {
    names,
    async grid(tab) {
      const entry = take(tab);
      if (entry === undefined) return null;
      const answer = takenBeside(entry);
      if (answer) thread?.drop(answer);
      return reading(entry, grid);
    },
    async rows(tab, into) {
      const entry = take(tab);
      if (entry === undefined) return null;
      const answer = takenBeside(entry);
      const sink = into();
      const give = (number: number, row: Cell[]) => {
        try {
          sink.row(number, row);
        } catch (error) {
          throw new GivenFault(error);
        }
      };
      // The sheet's height, its rows given; or its grid, when they could not be given as they were read.
      const sheet = await reading(entry, async (pieces) => {
        try {
          const read = answer
            ? await rowsBeside(answer, reader.strings(), entry.part, give)
            : await reader.readRows(pieces(), give);
          counted(read);
          return read.height;
        } catch (error) {
          if (!(error instanceof RowsNotInOrder)) throw error;
        }
        return grid(pieces);
      });
      if (sheet === null) return null;
      return typeof sheet === 'number' ? sink.end(sheet) : rowsOfGrid(sheet, into());
    },
    async rest() {
      beside.clear();
      thread?.stop();
      try {
        reader.strings();
      } catch (error) {
        throw refusedFor(file, error, language);
      }
      for (const entry of reader.entries) if (!read.has(entry)) await reading(entry, grid);
    },
  };
}

export class XlsxWorkbook implements WorkbookPort {
  private changes: Change[] = [];
  /** Characters a file cannot hold, removed from the text written since removedCharacters() last said. */
  private removed = 0;
  /** What the last bytes() patched; null when it went through exceljs. */
  private patched: Patched | null = null;

  private constructor(
    private readonly tabs: Tab[],
    private base: Base | null,
  ) {}

  /**
   * Reads an .xlsx file. A missing, unreadable or non-xlsx file, or one that would take more memory
   * than a network's workbook ever needs, is a WorkbookFileError that says what the file is.
   */
  static async open(file: string): Promise<XlsxWorkbook> {
    const { bytes, values } = await readValues(file);
    return new XlsxWorkbook(
      values.sheets.map((sheet) => ({ name: sheet.name, rows: sheet.grid, extent: null })),
      { bytes, layout: layoutOf(values), texts: new Map(), zip: null },
    );
  }

  /** An empty workbook with no tabs. */
  static create(): XlsxWorkbook {
    return new XlsxWorkbook([], null);
  }

  /** How many changes the workbook holds that no save has written yet. */
  pending(): number {
    return this.changes.length;
  }

  /**
   * Saves the first `count` changes not yet saved (all of them by default), the rest staying for a
   * later save: the tick saves its claims before it writes a message and the confirmation after.
   * The file is written next to its destination and renamed over it, so an interrupted save never
   * leaves half a workbook; through a symbolic link it writes the link's target and leaves the link,
   * and the file keeps its permissions.
   */
  async save(file: string, count = this.changes.length): Promise<void> {
    let temporary: string | null = null;
    try {
      const target = await destination(file);
      const mode = await stat(target).then(
        (info) => info.mode & 0o7777,
        () => null,
      );
      const bytes = await this.bytes(this.changes.slice(0, count));
      temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
      // A new file gets the umask's mode; a replacement is the owner's alone until it has the file's own, so a 0600 workbook is never exposed.
      const handle = await open(temporary, 'w', mode === null ? 0o666 : 0o600);
      try {
        await handle.writeFile(bytes);
        if (mode !== null) await handle.chmod(mode);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
      const patched = this.patched;
      this.base =
        count === 0
          ? {
              bytes,
              layout: this.base?.layout ?? null,
              texts: this.base?.texts ?? new Map(),
              zip: this.base?.zip ?? null,
            }
          : patched === null
            ? { bytes, layout: null, texts: new Map(), zip: null }
            : { bytes, layout: patched.layout, texts: patched.texts, zip: patched.zip };
      this.changes = this.changes.slice(count);
    } catch (error) {
      if (temporary !== null) await unlink(temporary).catch(() => undefined);
      const reason = errorText(error);
      throw new WorkbookFileError(t('cli.file.cannot-write', { file, reason }));
    }
  }

  /** The file with the changes made: the same bytes when there is none. */
  private async bytes(changes: readonly Change[]): Promise<Buffer> {
    const base = this.base;
    if (!base) {
      const { ExcelJsWorkbook } = await import('./exceljs');
      const book = ExcelJsWorkbook.create();
      for (const change of changes) apply(book, change);
      return book.bytes();
    }
    if (changes.length === 0) return base.bytes;
    this.patched = null;
    const unpacked = async () => {
      const parts = await unpack(base.bytes);
      if (typeof parts === 'string') throw new Error(damaged());
      return parts;
    };
    if (changes.every((c) => c.method === 'write')) {
      base.layout ??= layoutOf(readWorkbook(await unpacked(), Infinity));
      const writes = changes.map(({ args: [tab, row, column, values] }): ValueWrite => ({ tab, row, column, values }));
      // The patch changes the zip into the file it makes: if that file is not made or not written, the
      // next patch starts again from the bytes of this one.
      const zip = base.zip;
      base.zip = null;
      this.patched = await patchValues(base.bytes, base.texts, base.layout, writes, zip);
      if (this.patched) return this.patched.bytes;
    }
    const parts = await unpacked();
    const { ExcelJsWorkbook } = await import('./exceljs');
    const book = await ExcelJsWorkbook.load(base.bytes).catch(() => {
      throw new Error(damaged());
    });
    for (const change of changes) apply(book, change);
    // exceljs drops the drawings (charts, shapes), the notes and some defined names of the file it loaded: they go back in.
    return keepWhatExcelJsDrops(parts, await book.bytes());
  }

  private tab(name: string): Tab {
    const tab = this.tabs.find((t) => t.name === name);
    // @i18n-exempt: a fault of the caller, worded as Sheets words it; no command lets a person cause it.
    if (!tab) throw new Error(`Sheet ${name} not found`);
    return tab;
  }

  private record(change: Change): void {
    this.changes.push(change);
  }

  hasTab(tab: string): boolean {
    return this.tabs.some((t) => t.name === tab);
  }

  tabNames(): string[] {
    return this.tabs.map((t) => t.name);
  }

  /**
   * The tab's values, a grid of the caller's own as getValues() gives one. The tick reads its largest
   * tabs again before and after each guarded write: the size of what they use is worked out once
   * until they change, and a row as wide as the grid (most are) is copied whole.
   */
  read(name: string): Cell[][] | null {
    const tab = this.tabs.find((t) => t.name === name);
    if (!tab) return null;
    const { height, width } = (tab.extent ??= extentOf(tab.rows));
    const grid: Cell[][] = new Array<Cell[]>(height);
    for (let r = 0; r < height; r++) {
      const row = tab.rows[r];
      if (row?.length === width) {
        grid[r] = row.slice();
        continue;
      }
      const out = new Array<Cell>(width);
      for (let c = 0; c < width; c++) out[c] = row?.[c] ?? '';
      grid[r] = out;
    }
    return grid;
  }

  private put(tab: Tab, row: number, column: number, cells: readonly (readonly Cell[])[]): void {
    tab.extent = null;
    cells.forEach((line, i) => {
      const target = (tab.rows[row + i - 1] ??= []);
      for (let c = target.length; c < column - 1; c++) target[c] = '';
      // A hole of a sparse line is a blank: read() copies a row as it stands.
      for (let j = 0; j < line.length; j++) target[column + j - 1] = line[j] ?? '';
    });
  }

  /** How many characters a spreadsheet file cannot hold were removed from the text written since the last call. */
  removedCharacters(): number {
    const removed = this.removed;
    this.removed = 0;
    return removed;
  }

  /** Text as the file can hold it, counting what had to go. */
  private safe(text: string): string {
    const safe = xmlSafe(text);
    this.removed += text.length - safe.length;
    return safe;
  }

  /** A value as it reads back once stored: nothing for a number or date that holds none, text as the file holds it. */
  private storable(cell: Cell): Cell {
    if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : new Date(cell.getTime());
    if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
    return typeof cell === 'string' ? this.safe(cell) : cell;
  }

  write(tab: string, row: number, column: number, values: Cell[][]): void {
    const target = this.tab(tab);
    rectangle(values, `write to ${tab}`);
    const stored = values.map((line) => line.map((cell) => this.storable(cell)));
    // Only the runs of cells whose value changes are kept for the save: a cell written with the value
    // it shows keeps what gives it (a user's DATE() formula), on either way of saving.
    stored.forEach((line, i) => {
      const current = target.rows[row + i - 1] ?? [];
      let start = -1;
      for (let j = 0; j <= line.length; j++) {
        const changes = j < line.length && !sameValue(current[column + j - 1] ?? '', line[j] ?? '');
        if (changes && start < 0) start = j;
        if (changes || start < 0) continue;
        this.record({ method: 'write', args: [tab, row + i, column + start, [line.slice(start, j)]] });
        start = -1;
      }
    });
    this.put(target, row, column, stored);
  }

  writeLinks(tab: string, row: number, column: number, links: (CellLink | null)[][]): void {
    const target = this.tab(tab);
    // @i18n-exempt: a fault of the caller, worded as Sheets words it; no command lets a person cause it.
    rectangle(links, `write links to ${tab}`);
    const safe = links.map((line) =>
      line.map((link) => (link === null ? null : { ...link, text: this.safe(link.text) })),
    );
    this.put(
      target,
      row,
      column,
      safe.map((line) => line.map((link) => link?.text ?? '')),
    );
    this.record({ method: 'writeLinks', args: [tab, row, column, safe] });
  }

  paint(tab: string, row: number, column: number, colors: (string | null)[][]): void {
    this.tab(tab);
    rectangle(colors, `colour ${tab}`);
    for (const line of colors) for (const color of line) if (color !== null) argb(color);
    this.record({ method: 'paint', args: [tab, row, column, colors.map((line) => [...line])] });
  }

  clearFrom(tab: string, fromRow: number): void {
    const target = this.tab(tab);
    target.rows.length = Math.min(target.rows.length, Math.max(0, fromRow - 1));
    target.extent = null;
    this.record({ method: 'clearFrom', args: [tab, fromRow] });
  }

  addTab(tab: string, position?: number): void {
    // Excel and Sheets both tell tab names apart without regard to case.
    const same = excelName(tab).toLowerCase();
    if (this.tabs.some((t) => excelName(t.name).toLowerCase() === same))
      // @i18n-exempt: a fault of the caller, worded as Sheets words it; no command lets a person cause it.
      throw new Error(`A sheet with the name "${tab}" already exists.`);
    this.tabs.splice(position ?? this.tabs.length, 0, { name: tab, rows: [], extent: null });
    this.record({ method: 'addTab', args: [tab, position] });
  }

  removeEmptyTab(tab: string): void {
    const target = this.tab(tab);
    // @i18n-exempt: a fault of the caller, worded as Sheets words it; no command lets a person cause it.
    if ((this.read(tab) ?? []).length > 0) throw new Error(`The ${tab} tab is not empty: it stays.`);
    this.tabs.splice(this.tabs.indexOf(target), 1);
    this.record({ method: 'removeEmptyTab', args: [tab] });
  }

  /** Nothing is buffered between the port and the values in memory; the caller saves the file. */
  flush(): void {}

  format(tab: string, layout: TabLayout): void {
    this.tab(tab);
    this.record({ method: 'format', args: [tab, layout] });
  }

  style(tab: string, style: TabStyle): void {
    this.tab(tab);
    this.record({ method: 'style', args: [tab, style] });
  }
}
