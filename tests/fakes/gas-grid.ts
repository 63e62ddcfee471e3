/**
 * The cell model under the fake sheets: A1 notation, per-cell attributes stored as rectangles (a format
 * applied to a whole column is one entry, not a thousand) layered under per-cell entries, and how
 * Sheets turns what `setValues` receives into a stored value.
 */

export type Value = string | number | boolean | Date;

/** A Date from any realm: a script run in `vm.createContext` has Dates of its own. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Column letters → 1-based index ("A" → 1, "AA" → 27). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1Of(area: Area): string {
  const start = `${columnLetters(area.column)}${area.row}`;
  if (area.rows === 1 && area.columns === 1) return start;
  return `${start}:${columnLetters(area.column + area.columns - 1)}${area.row + area.rows - 1}`;
}

const CELL = /^\$?([A-Za-z]*)\$?(\d*)$/;

/** Parses "A1", "B2:D9", "A:C", "3:5", "A2:C" against a sheet of the given size; null when malformed. */
export function parseA1(a1: string, maxRows: number, maxColumns: number): Area | null {
  const parts = a1.trim().split(':');
  if (parts.length > 2 || parts[0] === '') return null;
  const ends = parts.map((p) => CELL.exec(p));
  if (ends.some((m) => m === null || (m[1] === '' && m[2] === ''))) return null;
  const [first, second] = ends as RegExpExecArray[];
  const c1 = first![1] ? columnIndex(first![1]) : 1;
  const r1 = first![2] ? Number(first![2]) : 1;
  if (!second) {
    if (!first![1] || !first![2]) return null;
    return { row: r1, column: c1, rows: 1, columns: 1 };
  }
  const c2 = second[1] ? columnIndex(second[1]) : maxColumns;
  const r2 = second[2] ? Number(second[2]) : maxRows;
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  return { row: top, column: left, rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}

interface Rect<T> {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  value: T;
  seq: number;
}

const KEY = 32768;
const key = (row: number, column: number) => row * KEY + column;

let sequence = 0;

/**
 * One attribute of every cell (number format, background, validation, ...): rectangles for what is
 * applied to a whole range, per-cell entries for grids of values; the most recent wins.
 */
export class Layer<T> {
  private rects: Rect<T>[] = [];
  private cells = new Map<number, { value: T; seq: number }>();

  constructor(readonly fallback: T) {}

  fill(area: Area, value: T): void {
    const r: Rect<T> = {
      r1: area.row,
      c1: area.column,
      r2: area.row + area.rows - 1,
      c2: area.column + area.columns - 1,
      value,
      seq: ++sequence,
    };
    this.rects = this.rects.filter((o) => !(o.r1 >= r.r1 && o.r2 <= r.r2 && o.c1 >= r.c1 && o.c2 <= r.c2));
    if (this.cells.size > 0 && area.rows * area.columns <= this.cells.size) {
      for (let i = r.r1; i <= r.r2; i++) for (let j = r.c1; j <= r.c2; j++) this.cells.delete(key(i, j));
    } else if (this.cells.size > 0) {
      for (const k of [...this.cells.keys()]) {
        const i = Math.floor(k / KEY);
        const j = k % KEY;
        if (i >= r.r1 && i <= r.r2 && j >= r.c1 && j <= r.c2) this.cells.delete(k);
      }
    }
    this.rects.push(r);
  }

  setGrid(row: number, column: number, grid: readonly (readonly T[])[]): void {
    const seq = ++sequence;
    grid.forEach((line, i) => line.forEach((value, j) => this.cells.set(key(row + i, column + j), { value, seq })));
  }

  get(row: number, column: number): T {
    const cell = this.cells.get(key(row, column));
    for (let i = this.rects.length - 1; i >= 0; i--) {
      const r = this.rects[i]!;
      if (cell && r.seq < cell.seq) break;
      if (row >= r.r1 && row <= r.r2 && column >= r.c1 && column <= r.c2) return r.value;
    }
    return cell ? cell.value : this.fallback;
  }

  grid(area: Area): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < area.rows; i++) {
      const line: T[] = [];
      for (let j = 0; j < area.columns; j++) line.push(this.get(area.row + i, area.column + j));
      out.push(line);
    }
    return out;
  }

  /**
   * Inserts `count` rows (or columns) after position `after` (0: at the top). Ranges that span the
   * position grow, as Sheets extends a format into rows inserted inside it.
   */
  insert(axis: 'row' | 'column', after: number, count: number): void {
    for (const r of this.rects) {
      const [lo, hi] = axis === 'row' ? (['r1', 'r2'] as const) : (['c1', 'c2'] as const);
      if (r[lo] > after) {
        r[lo] += count;
        r[hi] += count;
      } else if (r[hi] >= after && after >= 1) r[hi] += count;
    }
    this.remapCells((i, j) => (axis === 'row' ? [i > after ? i + count : i, j] : [i, j > after ? j + count : j]));
  }

  /** Deletes `count` rows (or columns) starting at `start`. */
  remove(axis: 'row' | 'column', start: number, count: number): void {
    const end = start + count - 1;
    const [lo, hi] = axis === 'row' ? (['r1', 'r2'] as const) : (['c1', 'c2'] as const);
    const kept: Rect<T>[] = [];
    const moveLo = (p: number) => (p > end ? p - count : p >= start ? start : p);
    const moveHi = (p: number) => (p > end ? p - count : p >= start ? start - 1 : p);
    for (const r of this.rects) {
      r[lo] = moveLo(r[lo]);
      r[hi] = moveHi(r[hi]);
      if (r[hi] >= r[lo]) kept.push(r);
    }
    this.rects = kept;
    this.remapCells((i, j) => {
      const p = axis === 'row' ? i : j;
      if (p >= start && p <= end) return null;
      const q = p > end ? p - count : p;
      return axis === 'row' ? [q, j] : [i, q];
    });
  }

  clear(area: Area): void {
    this.fill(area, this.fallback);
  }

  private remapCells(move: (row: number, column: number) => [number, number] | null): void {
    const next = new Map<number, { value: T; seq: number }>();
    for (const [k, v] of this.cells) {
      const to = move(Math.floor(k / KEY), k % KEY);
      if (to) next.set(key(to[0], to[1]), v);
    }
    this.cells = next;
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** What a cell holds: a value, and the formula that computed it when there is one. */
export interface Stored {
  value: Value;
  formula: string;
}

/**
 * How Sheets stores what `setValue(s)` receives, as if a person typed it: a leading apostrophe forces
 * text (and is not kept), `=` starts a formula (so does `+` or `-` before something that is not a
 * number), and numbers, dates and TRUE/FALSE are recognised unless the cell's number format is
 * plain text ('@').
 */
export function storeInput(input: unknown, numberFormat: string): Stored {
  if (input === null || input === undefined) return { value: '', formula: '' };
  if (isDate(input)) return { value: new Date(input.getTime()), formula: '' };
  if (typeof input === 'number') return { value: Number.isFinite(input) ? input : '#NUM!', formula: '' };
  if (typeof input === 'boolean') return { value: input, formula: '' };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1), formula: '' };
  if (numberFormat === '@') return { value: text, formula: '' };
  if (text.startsWith('=') && text.length > 1) return { value: evaluate(text.slice(1)), formula: text };
  const t = text.trim();
  if (NUMBER.test(t)) return { value: Number(t), formula: '' };
  if (GROUPED_NUMBER.test(t)) return { value: Number(t.replace(/,/g, '')), formula: '' };
  if ((t.startsWith('+') || t.startsWith('-')) && t.length > 1) return { value: evaluate(t), formula: `=${t}` };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', formula: '' };
  const day = ISO_DAY.exec(t);
  if (day) {
    const [, y, m, d, hh, mm, ss] = day.map(Number) as number[];
    const date = new Date(y!, m! - 1, d!, hh || 0, mm || 0, ss || 0);
    if (date.getMonth() === m! - 1 && date.getDate() === d) return { value: date, formula: '' };
  }
  return { value: text, formula: '' };
}

/**
 * A formula's computed value: plain arithmetic is evaluated; anything else (functions, references,
 * text) yields Sheets' parse error, which is what user text mistaken for a formula shows.
 */
export function evaluate(expression: string): Value {
  const text = stringLiteral(expression.trim());
  if (text !== null) return text;
  // HYPERLINK shows its label: what getValues returns for a link cell.
  const link = /^HYPERLINK\(\s*"(?:[^"]|"")*"\s*,\s*(.+)\)$/i.exec(expression.trim());
  if (link) return evaluate(link[1] ?? '');
  let at = 0;
  const src = expression.replace(/\s+/g, '');
  const fail = () => {
    throw new Error('#ERROR!');
  };
  const primary = (): number => {
    const ch = src[at];
    if (ch === '(') {
      at++;
      const v = sum();
      if (src[at++] !== ')') fail();
      return v;
    }
    if (ch === '-' || ch === '+') {
      at++;
      const v = primary();
      return ch === '-' ? -v : v;
    }
    const m = /^(\d+(\.\d*)?|\.\d+)/.exec(src.slice(at));
    if (!m) return fail();
    at += m[0].length;
    return Number(m[0]);
  };
  const product = (): number => {
    let v = primary();
    while (src[at] === '*' || src[at] === '/') {
      const op = src[at++];
      const w = primary();
      v = op === '*' ? v * w : v / w;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (src[at] === '+' || src[at] === '-') {
      const op = src[at++];
      const w = product();
      v = op === '+' ? v + w : v - w;
    }
    return v;
  };
  try {
    const v = sum();
    if (at !== src.length) return '#ERROR!';
    return Number.isFinite(v) ? v : '#DIV/0!';
  } catch {
    return '#ERROR!';
  }
}

/** A quoted formula string, its doubled quotes undone; null when the expression is not one. */
function stringLiteral(expression: string): string | null {
  const m = /^"((?:[^"]|"")*)"$/.exec(expression);
  return m ? (m[1] ?? '').replace(/""/g, '"') : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A value as the sheet shows it under a number format (the subset of patterns the add-on uses). */
export function display(value: Value, numberFormat: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    const format = /[yd]/i.test(numberFormat)
      ? numberFormat
      : value.getHours() || value.getMinutes() || value.getSeconds()
        ? 'yyyy-mm-dd hh:mm:ss'
        : 'yyyy-mm-dd';
    return format
      .replace(/hh:mm/gi, `${pad(value.getHours())}:${pad(value.getMinutes())}`)
      .replace(/yyyy/gi, String(value.getFullYear()))
      .replace(/mm/gi, pad(value.getMonth() + 1))
      .replace(/dd/gi, pad(value.getDate()))
      .replace(/ss/gi, pad(value.getSeconds()));
  }
  if (typeof value === 'number') {
    const decimals = /0\.(0+)/.exec(numberFormat)?.[1]?.length;
    const text =
      decimals !== undefined
        ? value.toFixed(decimals)
        : numberFormat === '0'
          ? String(Math.round(value))
          : String(value);
    return numberFormat.includes('#,##0') ? text.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : text;
  }
  return value;
}

const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneParts(instant: number, timeZone: string): number[] {
  let f = zoneFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]));
  return [p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!];
}

/**
 * A date cell holds a wall-clock time in the spreadsheet's zone; scripts see instants. The fake stores
 * the wall clock as a local Date (what the sheet shows) and converts at getValues / setValues, so a
 * spreadsheet whose zone differs from the script's shifts dates exactly as Sheets does.
 */
export function wallClockOf(instant: Date, timeZone: string): Date {
  if (timeZone === LOCAL_ZONE) return new Date(instant.getTime());
  const [y, m, d, h, mi, s] = zoneParts(instant.getTime(), timeZone) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(y, m, d, h, mi, s, instant.getMilliseconds());
}

export function instantOf(wall: Date, timeZone: string): Date {
  if (timeZone === LOCAL_ZONE) return new Date(wall.getTime());
  const target = Date.UTC(
    wall.getFullYear(),
    wall.getMonth(),
    wall.getDate(),
    wall.getHours(),
    wall.getMinutes(),
    wall.getSeconds(),
  );
  let guess = target;
  for (let i = 0; i < 3; i++) {
    const [y, m, d, h, mi, s] = zoneParts(guess, timeZone) as [number, number, number, number, number, number];
    guess += target - Date.UTC(y, m, d, h, mi, s);
  }
  return new Date(guess + wall.getMilliseconds());
}
