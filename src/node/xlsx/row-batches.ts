/**
 * A sheet's rows as the worker that reads them (sheet-thread.ts) hands them over: numbers in a
 * Float64Array, whose memory moves between threads without a copy, and a shared string as its index,
 * never its text. Copied, the text of every cell would be a string of its own; resolved where the
 * strings are, each cell is the one string the rows share, as the reader of this thread gives it.
 */
import { clipText } from '../../domain/cells';
import type { Cell } from '../../ports';
import { ROW_HINT, SHEETS_CELL_TEXT } from './read';

/** A shared string's index, standing for its text in the worker, which does not read the strings. */
export class SharedString {
  constructor(readonly index: number) {}
}

const enum Kind {
  Shared,
  Number,
  False,
  True,
  Date,
  Text,
}

/** Rows as they cross: row number, length, cells that hold a value, then column, kind and value for each of them. */
export interface RowBatch {
  readonly numbers: Float64Array;
  /** How many of `numbers` are used. */
  readonly used: number;
  /** The texts of cells that are no shared string (kind Text names one by its index). */
  readonly texts: readonly string[];
}

/** About 256 KB a batch: the rows cross while the sheet is still being read. */
const BATCH_NUMBERS = 32 * 1024;

/** Past this length a row is read by its keys: a cell far to the right leaves the rest of it holes. */
const SPARSE_ROW = 256;

/** The columns (0-based) of a row's cells that hold a value, in order. */
function heldColumns(cells: readonly unknown[]): number[] {
  if (cells.length > SPARSE_ROW) return Object.keys(cells).map(Number);
  const columns: number[] = [];
  for (let column = 0; column < cells.length; column++) if (cells[column] !== undefined) columns.push(column);
  return columns;
}

/** Rows gathered into batches, each handed to `send` when full and at flush(). */
export class RowBatcher {
  private numbers = new Float64Array(BATCH_NUMBERS);
  private used = 0;
  private texts: string[] = [];

  constructor(private readonly send: (batch: RowBatch) => void) {}

  row(number: number, cells: readonly (Cell | SharedString)[]): void {
    const columns = heldColumns(cells);
    // Room for the cells that hold a value: a row whose one cell lies at column XFD is one cell.
    const needed = 3 + columns.length * 3;
    if (this.used + needed > this.numbers.length) {
      this.flush();
      if (needed > this.numbers.length) this.numbers = new Float64Array(needed);
    }
    const numbers = this.numbers;
    let at = this.used;
    numbers[at] = number;
    numbers[at + 1] = cells.length;
    numbers[at + 2] = columns.length;
    at += 3;
    for (const column of columns) {
      const cell = cells[column]!;
      numbers[at] = column;
      if (cell instanceof SharedString) {
        numbers[at + 1] = Kind.Shared;
        numbers[at + 2] = cell.index;
      } else if (typeof cell === 'number') {
        numbers[at + 1] = Kind.Number;
        numbers[at + 2] = cell;
      } else if (typeof cell === 'boolean') {
        numbers[at + 1] = cell ? Kind.True : Kind.False;
      } else if (cell instanceof Date) {
        numbers[at + 1] = Kind.Date;
        numbers[at + 2] = cell.getTime();
      } else {
        numbers[at + 1] = Kind.Text;
        numbers[at + 2] = this.texts.push(cell) - 1;
      }
      at += 3;
    }
    this.used = at;
  }

  /** Sends the rows gathered, if any. */
  flush(): void {
    if (this.used === 0) return;
    this.send({ numbers: this.numbers, used: this.used, texts: this.texts });
    this.numbers = new Float64Array(BATCH_NUMBERS);
    this.used = 0;
    this.texts = [];
  }
}

/**
 * Gives each row of a batch that holds a value, its shared strings resolved and clipped as the reader
 * clips them; returns the number of the last row given (0 when none). A row whose only cells are
 * shared strings that are empty holds no value: the reader of this thread would not have given it.
 */
export function giveRows(
  batch: RowBatch,
  strings: readonly string[],
  give: (number: number, cells: Cell[]) => void,
): number {
  const { numbers, used, texts } = batch;
  let last = 0;
  for (let at = 0; at < used;) {
    const number = numbers[at]!;
    // Made as the reader makes a row, so that one reaching far to the right is as small as its cells.
    const cells = new Array<Cell>(Math.min(numbers[at + 1]!, ROW_HINT));
    const end = at + 3 + numbers[at + 2]! * 3;
    let held = false;
    for (at += 3; at < end; at += 3) {
      const value = numbers[at + 2]!;
      let cell: Cell;
      switch (numbers[at + 1] as Kind) {
        case Kind.Shared:
          cell = clipText(strings[value] ?? '', SHEETS_CELL_TEXT);
          if (cell === '') continue;
          break;
        case Kind.Number:
          cell = value;
          break;
        case Kind.False:
          cell = false;
          break;
        case Kind.True:
          cell = true;
          break;
        case Kind.Date:
          cell = new Date(value);
          break;
        case Kind.Text:
          cell = texts[value]!;
          break;
      }
      cells[numbers[at]!] = cell;
      held = true;
    }
    if (held) {
      give(number, cells);
      last = number;
    }
  }
  return last;
}
