/**
 * The kinds of cell that WORKBOOK.md allows, each a column builder: its zod schema (the record field's
 * type), what it expects (the words of every validation message), how a raw cell decodes into it and
 * how a value encodes back into a cell.
 */
import * as z from 'zod/mini';
import {
  dateOfDay,
  dayOfDate,
  FIRST_YEAR,
  isDayInYears,
  isIsoDay,
  isYearInRange,
  LAST_YEAR,
  timestampOfDate,
} from './dates';
import { t } from './i18n';

const YEARS = { from: FIRST_YEAR, to: LAST_YEAR };

/** A raw cell as `Range.getValues()` or the xlsx adapter hands it; `''` is a blank cell. */
export type Cell = string | number | boolean | Date;

/**
 * The most characters the add-on puts into one cell: under both Excel's 32,767 and Google Sheets'
 * 50,000, so that what it writes opens in either and a write never fails on length.
 */
export const MAX_CELL_TEXT = 30_000;

/** Text cut to `limit` characters (to fit one cell by default), ending in an ellipsis when cut, never inside an emoji. */
export function clipText(text: string, limit = MAX_CELL_TEXT): string {
  if (text.length <= limit) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(limit - 2)) ? limit - 2 : limit - 1;
  return `${text.slice(0, end)}…`;
}

export type CellKind =
  'text' | 'date' | 'timestamp' | 'number' | 'yesno' | 'choice' | 'choices' | 'list' | 'email' | 'emails' | 'gcm';

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Column is invariant in S (decode yields it, encode takes it), so collections use Column<any>.
export interface Column<S extends z.core.$ZodType = any> {
  readonly header: string;
  readonly kind: CellKind;
  readonly required: boolean;
  /** A column added after the first edition: a workbook without it reads as if it were blank, and setup adds it. */
  readonly optional: boolean;
  readonly choices: readonly string[];
  /** What the column holds, in the execution's language (read when asked: tables are built once, at load). */
  readonly expected: string;
  readonly width: number;
  readonly schema: S;
  decode(cell: unknown): Decoded<z.infer<S>>;
  encode(value: z.infer<S>): Cell;
}

interface Options {
  required?: boolean;
  optional?: boolean;
  width?: number;
}

/** A required column's value is never blank, so its type drops the null. */
type Maybe<S extends z.core.$ZodType, O extends Options> = (O extends { required: true } ? S : z.ZodMiniNullable<S>) &
  z.core.$ZodType;

function maybe<S extends z.core.$ZodType, O extends Options>(schema: S, options: O): Maybe<S, O> {
  return (options.required ? schema : z.nullable(schema)) as Maybe<S, O>;
}

const EMAIL =
  /^[^\s@<>(),;:"']+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** Blank: nothing, spaces, or a number or date that holds no value (NaN, Infinity, an invalid Date). */
export function isBlank(cell: unknown): boolean {
  if (typeof cell === 'number') return !Number.isFinite(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime());
  return cell === '' || cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function ok<T>(value: T): Decoded<T> {
  return { ok: true, value };
}

function fail<T>(message: string): Decoded<T> {
  return { ok: false, message };
}

function isValidDate(cell: unknown): cell is Date {
  return cell instanceof Date && !Number.isNaN(cell.getTime());
}

function describe(cell: unknown): string {
  if (isValidDate(cell)) return t('validate.cell.date', { day: dayOfDate(cell) });
  if (typeof cell === 'string')
    return t('validate.cell.text', { text: cell.length > 40 ? `${cell.slice(0, 40)}…` : cell });
  return String(cell);
}

/** "Planned, Held, Cancelled", each value as the language quotes a contract value ("«Planned»"). */
function values(choices: readonly (string | number)[]): string {
  return choices.map((value) => t('validate.value', { value: String(value) })).join(', ');
}

/** A cell that is not what the column holds: "…" is not one of Planned, Held, Cancelled. */
function not<T>(cell: string, expected: string): Decoded<T> {
  return fail(t('validate.not', { cell, expected }));
}

/** Text as a person typed it: numbers (a year typed into a cell), dates and booleans become their text. */
export function cellText(cell: unknown): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (isValidDate(cell)) return dayOfDate(cell);
  return '';
}

/** Past this many distinct list items the store starts again, so that it never holds more than a few of a large tab's worth. */
const ITEMS_KEPT = 10_000;
const listItems = new Map<string, string>();

/**
 * One string for each distinct item: lists name the same agency codes and IDs row after row, and a
 * string for each mention took a tenth of the memory of a network at 1,000 times the example.
 */
function interned(item: string): string {
  const kept = listItems.get(item);
  if (kept !== undefined) return kept;
  if (listItems.size >= ITEMS_KEPT) listItems.clear();
  listItems.set(item, item);
  return item;
}

/**
 * The items as an array of their own length: one grown by push keeps room for seventeen, and a record
 * of every row holds its lists until the command ends (four megabytes of a workplan at 1,000 times the example).
 */
function exactly<T>(items: T[]): T[] {
  return items.slice();
}

/** The items of each list cell's text seen lately: the same lists (the members consulted) recur row after row. */
const listsOf = new Map<string, readonly string[]>();

function splitList(cell: unknown): string[] {
  const text = cellText(cell);
  let items = listsOf.get(text);
  if (items === undefined) {
    const split: string[] = [];
    for (const part of text.split(/[,;\n]/)) {
      const item = part.trim();
      if (item !== '') split.push(interned(item));
    }
    if (listsOf.size >= ITEMS_KEPT) listsOf.clear();
    items = Object.freeze(exactly(split));
    listsOf.set(text, items);
  }
  // The records that name one list share its items, frozen so that none can change another's: the
  // lists of members consulted and attending, one array each, were a fifth of a large network's memory.
  return items as string[];
}

/**
 * A column whose schema is built on first use: every execution of the Apps Script bundle loads every
 * table, and building all their zod schemas then took half of the load, while most runs parse none.
 */
function column<S extends z.core.$ZodType>(
  header: string,
  kind: CellKind,
  schemaOf: () => S,
  expected: () => string,
  options: Options & { choices?: readonly string[] },
  decodeFilled: (cell: unknown) => Decoded<z.infer<S>>,
  blank: z.infer<S>,
  encode: (value: NonNullable<z.infer<S>>) => Cell,
): Column<S> {
  const required = options.required ?? false;
  let schema: S | undefined;
  // One answer for every blank cell of the column (its blank is one value already, a list's included).
  const blankDecoded = ok(blank);
  return {
    header,
    kind,
    required,
    optional: options.optional ?? false,
    choices: options.choices ?? [],
    get expected() {
      return expected();
    },
    width: options.width ?? 140,
    get schema() {
      schema ??= schemaOf();
      return schema;
    },
    decode(cell) {
      if (isBlank(cell)) return required ? fail(t('validate.required', { header })) : blankDecoded;
      return decodeFilled(cell);
    },
    encode(value) {
      return value === null || value === undefined ? '' : encode(value as NonNullable<z.infer<S>>);
    },
  };
}

function textColumn(header: string, options: Options = {}) {
  return column(
    header,
    'text',
    () => (options.required ? z.string().check(z.minLength(1)) : z.string()),
    () => t('validate.text.expected'),
    options,
    (cell) => ok(cellText(cell)),
    '',
    (v) => v,
  );
}

function dateColumn<const O extends Options = {}>(header: string, options: O = {} as O) {
  const schema = () => maybe(z.string().check(z.refine(isDayInYears)), options);
  type S = ReturnType<typeof schema>;
  return column<S>(
    header,
    'date',
    schema,
    () => t('validate.date.expected', YEARS),
    { width: 110, ...options },
    (cell) => {
      // A date cell's day is a calendar day: only its year is left to check.
      if (isValidDate(cell))
        return isYearInRange(cell.getFullYear())
          ? ok(dayOfDate(cell) as z.infer<S>)
          : fail(t('validate.date.out-of-years', { cell: describe(cell), ...YEARS }));
      const day = typeof cell === 'string' && isIsoDay(cell.trim()) ? cell.trim() : null;
      if (day === null) return fail(t('validate.date.not', { cell: describe(cell) }));
      return isDayInYears(day)
        ? ok(day as z.infer<S>)
        : fail(t('validate.date.out-of-years', { cell: describe(cell), ...YEARS }));
    },
    null as z.infer<S>,
    (v) => dateOfDay(v as string),
  );
}

function timestampColumn<const O extends Options = {}>(header: string, options: O = {} as O) {
  const schema = () =>
    maybe(
      z.string().check(
        z.regex(TIMESTAMP),
        z.refine((v) => isDayInYears(v.slice(0, 10))),
      ),
      options,
    );
  type S = ReturnType<typeof schema>;
  return column<S>(
    header,
    'timestamp',
    schema,
    () => t('validate.timestamp.expected', YEARS),
    { width: 150, ...options },
    (cell) => {
      const day = isValidDate(cell)
        ? dayOfDate(cell)
        : typeof cell === 'string'
          ? (TIMESTAMP.exec(cell.trim())?.[1] ?? null)
          : null;
      if (day === null || !isIsoDay(day)) return fail(t('validate.timestamp.not', { cell: describe(cell) }));
      // A Log row dated 9999 would otherwise count as "sent today" for ever, and one dated 0026 as never.
      if (!isYearInRange(Number(day.slice(0, 4))))
        return fail(t('validate.timestamp.out-of-years', { cell: describe(cell), ...YEARS }));
      return ok((isValidDate(cell) ? timestampOfDate(cell) : (cell as string).trim()) as z.infer<S>);
    },
    null as z.infer<S>,
    (v) => v as string,
  );
}

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** "09:30" from what a person may type or a spreadsheet may hold: text, a fraction of a day, a time-only date cell. */
function timeOf(cell: unknown): string | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (typeof cell === 'string') {
    const m = TIME.exec(cell.trim());
    return m ? `${pad(Number(m[1]))}:${m[2]}` : null;
  }
  // Sheets and Excel hold a time alone as a fraction of a day, or as a date on their epoch day.
  if (typeof cell === 'number' && cell >= 0 && cell < 1) {
    const minutes = Math.round(cell * 1440) % 1440;
    return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }
  if (isValidDate(cell) && cell.getFullYear() <= 1900) return `${pad(cell.getHours())}:${pad(cell.getMinutes())}`;
  return null;
}

/** A time of day, `HH:MM`, kept as text so that no spreadsheet turns it into a date. */
function timeColumn(header: string, options: Options = {}) {
  return column(
    header,
    'text',
    () => z.string(),
    () => t('validate.time.expected'),
    { width: 80, ...options },
    (cell) => {
      const time = timeOf(cell);
      return time === null ? fail(t('validate.time.not', { cell: describe(cell) })) : ok(time);
    },
    '',
    (v) => v,
  );
}

function numberColumn<
  const O extends Options & { min?: number; max?: number; integer?: boolean; oneOf?: readonly number[] } = {},
>(header: string, options: O = {} as O) {
  const { min, max, integer, oneOf } = options;
  const range = min !== undefined && max !== undefined ? 'between' : min !== undefined ? 'min' : 'any';
  const expected = () =>
    oneOf === undefined
      ? t('validate.number.expected', { integer: integer ? 'yes' : 'no', range, min, max })
      : t('validate.number.one-of', { choices: values(oneOf.slice(0, -1)), last: values(oneOf.slice(-1)) });
  const schema = () => maybe(z.number(), options);
  type S = ReturnType<typeof schema>;
  return column<S>(
    header,
    'number',
    schema,
    expected,
    { width: 100, ...options },
    (cell) => {
      const n =
        typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell.trim().replace(/[\s,]/g, '')) : NaN;
      const fits =
        Number.isFinite(n) &&
        (!integer || Number.isInteger(n)) &&
        (min === undefined || n >= min) &&
        (max === undefined || n <= max) &&
        (oneOf === undefined || oneOf.includes(n));
      return fits ? ok(n as z.infer<S>) : not(describe(cell), expected());
    },
    null as z.infer<S>,
    (v) => v as number,
  );
}

const YES = new Set(['yes', 'true', 'y']);
const NO = new Set(['no', 'false', 'n']);

function yesNoColumn(header: string, options: Options = {}) {
  return column(
    header,
    'yesno',
    () => z.nullable(z.boolean()),
    () => t('validate.yesno.expected'),
    { width: 90, ...options },
    (cell) => {
      if (typeof cell === 'boolean') return ok(cell);
      const typed = cellText(cell).toLowerCase();
      if (YES.has(typed)) return ok(true);
      if (NO.has(typed)) return ok(false);
      return fail(t('validate.yesno.not', { cell: describe(cell) }));
    },
    null,
    (v) => v,
  );
}

function canonicalChoice(choices: readonly string[], cell: unknown): string | undefined {
  const typed = cellText(cell).toLowerCase();
  return choices.find((c) => c.toLowerCase() === typed);
}

function choiceColumn<const C extends readonly [string, ...string[]], const O extends Options = {}>(
  header: string,
  choices: C,
  options: O = {} as O,
) {
  const expected = () => t('validate.choice.expected', { choices: values(choices) });
  const schema = () => maybe(z.enum(choices as unknown as readonly [C[number], ...C[number][]]), options);
  type S = ReturnType<typeof schema>;
  return column<S>(
    header,
    'choice',
    schema,
    expected,
    { ...options, choices },
    (cell) => {
      const c = canonicalChoice(choices, cell);
      return c === undefined ? not(describe(cell), expected()) : ok(c as z.infer<S>);
    },
    null as z.infer<S>,
    (v) => v as string,
  );
}

function choicesColumn<const C extends readonly [string, ...string[]]>(
  header: string,
  choices: C,
  options: Options = {},
) {
  const schema = () => z.array(z.enum(choices as unknown as readonly [C[number], ...C[number][]]));
  return column(
    header,
    'choices',
    schema,
    () => t('validate.choices.expected', { choices: values(choices) }),
    { ...options, choices },
    (cell) => {
      const items = splitList(cell);
      const out: C[number][] = [];
      for (const item of items) {
        const c = canonicalChoice(choices, item);
        if (c === undefined)
          return not(
            t('validate.cell.text', { text: item }),
            t('validate.choice.expected', { choices: values(choices) }),
          );
        if (!out.includes(c)) out.push(c);
      }
      return ok(exactly(out));
    },
    [],
    (v) => v.join(', '),
  );
}

function listColumn(header: string, options: Options = {}) {
  return column(
    header,
    'list',
    () => z.array(z.string()),
    () => t('validate.list.expected'),
    options,
    (cell) => ok(splitList(cell)),
    [],
    (v) => v.join(', '),
  );
}

function emailColumn(header: string, options: Options = {}) {
  const schema = () => z.string().check(z.refine((s) => s === '' || isEmail(s)));
  return column(
    header,
    'email',
    schema,
    () => t('validate.email.expected'),
    { width: 200, ...options },
    (cell) => {
      const typed = cellText(cell);
      return isEmail(typed) ? ok(typed) : fail(t('validate.email.not', { cell: describe(cell) }));
    },
    '',
    (v) => v,
  );
}

function emailsColumn(header: string, options: Options = {}) {
  return column(
    header,
    'emails',
    () => z.array(z.string().check(z.refine(isEmail))),
    () => t('validate.emails.expected'),
    { width: 200, ...options },
    (cell) => {
      const items = splitList(cell);
      const bad = items.find((i) => !isEmail(i));
      return bad === undefined
        ? ok(items)
        : fail(t('validate.email.not', { cell: t('validate.cell.text', { text: bad }) }));
    },
    [],
    (v) => v.join(', '),
  );
}

function gcmColumn(header: string, options: Options = {}) {
  return column(
    header,
    'gcm',
    () => z.array(z.int().check(z.gte(1), z.lte(23))),
    () => t('validate.gcm.expected'),
    { width: 110, ...options },
    (cell) => {
      const items = typeof cell === 'number' ? [String(cell)] : splitList(cell);
      const out: number[] = [];
      for (const item of items) {
        const n = Number(item);
        if (!Number.isInteger(n) || n < 1 || n > 23)
          return fail(t('validate.gcm.not', { cell: t('validate.cell.text', { text: item }) }));
        if (!out.includes(n)) out.push(n);
      }
      return ok(exactly(out));
    },
    [],
    (v) => v.join(', '),
  );
}

/** The column builders, one per cell kind of WORKBOOK.md. */
export const col = {
  text: textColumn,
  date: dateColumn,
  time: timeColumn,
  timestamp: timestampColumn,
  number: numberColumn,
  yesno: yesNoColumn,
  choice: choiceColumn,
  choices: choicesColumn,
  list: listColumn,
  email: emailColumn,
  emails: emailsColumn,
  gcm: gcmColumn,
};
