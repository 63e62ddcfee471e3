/**
 * What a CLI command may do to the terminal: write lines to standard output and standard error,
 * colour them when a person is watching, and show a progress line that rewrites itself. Commands take
 * a `CliIo` instead of touching `process`, so tests run them in-process and read what they wrote.
 */
import { parseArgs } from 'node:util';
import { dayOfDate, isIsoDay, type IsoDay } from '../domain/dates';
import { errorText } from '../domain/errors';
import { t, type MessageKey } from '../domain/i18n';

export interface Colors {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

export interface CliIo {
  /** Writes one line (a newline is added) to standard output: results, and nothing but JSON under --json. */
  out(line: string): void;
  /** Writes one line to standard error: errors, warnings, summaries meant for a person. */
  err(line: string): void;
  /** Whether standard output is a terminal (colours and progress lines are shown only then). */
  readonly isTTY: boolean;
  /** Identity functions when standard output is not a terminal or NO_COLOR is set. */
  readonly color: Colors;
  /** A transient status line on standard error that the next write replaces; nothing when not a terminal. */
  progress(text: string): void;
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Text from the workbook made safe to print: control characters (an escape sequence in a cell could
 * rewrite the terminal, a line break could forge a line of output) are shown as \u escapes.
 */
export function printable(text: string): string {
  // Most text has none: a search alone makes no new string (a check prints tens of thousands of lines).
  if (text.search(UNPRINTABLE) < 0) return text;
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Bad arguments: the CLI prints the message as one line and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The day an option such as `--from` names, refused when it is not a calendar day. */
export function dayOption(flag: string, value: string | undefined): IsoDay | undefined {
  if (value !== undefined && !isIsoDay(value)) throw new UsageError(t('cli.args.day', { flag, value }));
  return value;
}

/** The day `--today` names, or today on this machine when it is not given. */
export function todayOption(value: string | undefined): IsoDay {
  const today = value ?? dayOfDate(new Date());
  dayOption('today', today);
  return today;
}

const ESC = '\u001b[';

/** The characters of output written at a time. */
const OUTPUT_BLOCK = 64 * 1024;

function colors(enabled: boolean): Colors {
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `${ESC}${open}m${text}${ESC}${close}m` : text;
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), bold: wrap(1, 22), dim: wrap(2, 22) };
}

interface Stream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** A CliIo over two streams (the process's own by default). */
export function streamIo(
  stdout: Stream = process.stdout,
  stderr: Stream = process.stderr,
  env: Record<string, string | undefined> = process.env,
): CliIo {
  const isTTY = stdout.isTTY === true;
  const progressShown = stderr.isTTY === true;
  let pending = false;
  // Lines of output are written a block at a time: `unmn check` on a large workbook prints tens of
  // thousands, and a write each took a twentieth of its time. A block goes out when it is full,
  // before anything is written to standard error (so the two keep their order), and once the
  // command's synchronous work is done.
  let block = '';
  const flush = () => {
    if (block === '') return;
    stdout.write(block);
    block = '';
  };
  const clearProgress = () => {
    if (!pending) return;
    stderr.write(`\r${ESC}K`);
    pending = false;
  };
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return {
    isTTY,
    color: colors(isTTY && !noColor),
    out(line) {
      clearProgress();
      if (block === '') setImmediate(flush);
      block += `${line}\n`;
      if (block.length >= OUTPUT_BLOCK) flush();
    },
    err(line) {
      flush();
      clearProgress();
      stderr.write(`${line}\n`);
    },
    progress(text) {
      if (!progressShown) return;
      flush();
      stderr.write(`\r${ESC}K${text}`);
      pending = text !== '';
    },
  };
}

interface Closable {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * `unmn check FILE | head`: once the reader has gone, the rest of the output has nowhere to go, so the
 * CLI ends at once and quietly, as Unix tools do, instead of dying on an unhandled EPIPE.
 */
export function endQuietlyOnBrokenPipe(
  stdout: Closable = process.stdout,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  stdout.on('error', (error) => {
    if (error.code === 'EPIPE') return exit(0);
    process.stderr.write(`${t('cli.error.output', { reason: error.message })}\n`);
    exit(1);
  });
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

type Values<O extends OptionSpec> = {
  [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean;
};

/** What node:util's parseArgs refuses, by its (English) message, and the catalogue's words for it. */
const REFUSALS: readonly [RegExp, MessageKey][] = [
  [/^Unknown option '([^']+)'/, 'cli.args.unknown-option'],
  [/^Option '(\S+)(?: <value>)?' argument missing/, 'cli.args.value-missing'],
  [/^Option '(?:-\w, )?(\S+)' does not take an argument/, 'cli.args.no-value'],
];

function refusal(error: unknown): string {
  const message = errorText(error).split('\n')[0] ?? '';
  for (const [pattern, key] of REFUSALS) {
    const option = pattern.exec(message)?.[1];
    if (option !== undefined) return t(key, { option });
  }
  return message;
}

/**
 * A command's options and its positional words, all required (`[t('cli.arg.file')]`). Unknown options,
 * a missing option value, a missing word or one too many is a UsageError.
 */
export function parseArguments<O extends OptionSpec>(
  args: readonly string[],
  options: O,
  names: readonly string[],
): { values: Values<O>; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(refusal(error));
  }
  const words = parsed.positionals;
  const missing = names[words.length];
  if (missing !== undefined) throw new UsageError(t('cli.args.missing', { name: missing }));
  if (words.length > names.length) throw new UsageError(t('cli.args.unexpected', { word: words[names.length] }));
  return { values: parsed.values as Values<O>, positionals: words };
}
