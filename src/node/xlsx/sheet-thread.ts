/**
 * Sheets read in a worker thread beside the command: it inflates a sheet's XML and parses it, the
 * larger part of reading a workbook, while this thread decodes the rows it hands over (row-batches.ts)
 * and reads the shared strings. A command that only reads a large workbook takes the time of the
 * parse and little more, on a machine of two cores or more. Where no worker can run (its script was not
 * built, as under the tests of the TypeScript sources, or it fails), the sheets are read in this thread.
 */
import { Worker } from 'node:worker_threads';
import type { Part } from './inflate';
import type { RowBatch } from './row-batches';
import type { RowSpan, SheetLayout } from './read';

/**
 * What the worker is asked: first the styles that make a number a date, then sheets, each by its
 * part's bytes, with the spans of its rows (SheetLayout) where a save will patch them.
 */
export type ToWorker =
  | { readonly kind: 'context'; readonly dates: readonly boolean[]; readonly date1904: boolean }
  | { readonly kind: 'read'; readonly id: number; readonly part: Part; readonly spans: boolean };

/** A sheet's layout as it crosses: the spans of its rows as row, start and end in a Float64Array. */
export type LayoutBeside = Omit<SheetLayout, 'rows'> & { readonly rows: Float64Array };

/** What the worker says of a sheet: rows, then how many cells it spans and its layout, or why it could not give them. */
export type FromWorker =
  | { readonly id: number; readonly batch: RowBatch }
  | { readonly id: number; readonly done: { readonly cells: number; readonly layout: LayoutBeside } }
  /** `order`: the rows cannot be given as read (RowsNotInOrder); `damaged`: the part or its XML is not what it should be. */
  | { readonly id: number; readonly fault: 'order' | 'damaged' };

/** The worker stopped before it finished the sheet: it is read again in this thread. */
const LOST: FromWorker = { id: -1, fault: 'order' };

/** What the worker says of one sheet, in the order it says it. */
export class SheetReading {
  private readonly said: FromWorker[] = [];
  private waiting: ((message: FromWorker) => void) | null = null;

  /** `waits(true)` while this thread waits for the worker to say something, `waits(false)` once it has. */
  constructor(private readonly waits: (waiting: boolean) => void) {}

  put(message: FromWorker): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) {
      this.waits(false);
      waiting(message);
    } else this.said.push(message);
  }

  next(): Promise<FromWorker> {
    const message = this.said.shift();
    if (message) return Promise.resolve(message);
    this.waits(true);
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

/**
 * How a command reads sheets: what a sheet costs this thread for each unit the worker spends reading
 * it, read here or read beside (what the worker hands over made into rows here), measured on the
 * bench's networks; and whether it needs the spans of the rows, which a save patches.
 */
export interface SheetCosts {
  readonly here: number;
  readonly beside: number;
  readonly spans: boolean;
}

/** A command that decodes each row as it comes (readTabsOnce): the decoding is most of the cost of a row beside. */
export const DECODING: SheetCosts = { here: 1.25, beside: 0.35, spans: false };

/** A command that opens the file whole (XlsxWorkbook.open): a row beside is only put in its grid. */
export const HOLDING: SheetCosts = { here: 1.1, beside: 0.15, spans: true };

/** A sheet smaller than this is read here: the worker would take longer to hand it over. */
const SMALL_SHEET_BYTES = 1024 * 1024;

/** The most large sheets whose every split between the threads is weighed (2^16 splits). */
const WEIGHED_SHEETS = 16;

/**
 * Which sheets (by the bytes of their XML, in the order a command takes them) the worker should read
 * so that the last is decoded soonest: this thread takes the sheets in order, reading its own as the
 * worker reads the next of its, and waits for the worker's where it is ahead. Of the sheets large
 * enough for the worker, the WEIGHED_SHEETS largest are weighed, every split of them; the others are
 * read here.
 */
export function sheetsBeside(bytes: readonly number[], costs: SheetCosts, smallest = SMALL_SHEET_BYTES): boolean[] {
  const weighed = new Set(
    bytes
      .map((size, i) => ({ size, i }))
      .filter(({ size }) => size >= smallest && size > 0)
      .sort((a, b) => b.size - a.size)
      .slice(0, WEIGHED_SHEETS)
      .map(({ i }) => i),
  );
  // The sheets weighed in order, each with the bytes of the sheets read here before it (summed once,
  // not in every split), and the bytes read here after the last.
  const steps: { before: number; size: number; sheet: number }[] = [];
  let here = 0;
  bytes.forEach((size, sheet) => {
    if (!weighed.has(sheet)) here += size;
    else {
      steps.push({ before: here, size, sheet });
      here = 0;
    }
  });
  const after = here;
  let best = { done: Infinity, split: 0 };
  for (let split = 0; split < 1 << steps.length; split++) {
    let worker = 0;
    let done = 0;
    steps.forEach(({ before, size }, bit) => {
      done += costs.here * before;
      if ((split >> bit) & 1) {
        worker += size;
        done = Math.max(done + costs.beside * size, worker);
      } else done += costs.here * size;
    });
    done += costs.here * after;
    if (done < best.done) best = { done, split };
  }
  const picked = bytes.map(() => false);
  steps.forEach(({ sheet }, bit) => (picked[sheet] = ((best.split >> bit) & 1) === 1));
  return picked;
}

/** The worker's young generation: what it makes dies young, and more would only hold more memory. */
const WORKER_YOUNG_MB = 8;

let script: URL | null = null;
let smallestBeside = SMALL_SHEET_BYTES;

/**
 * Where the worker's script is; null reads every sheet in this thread. The CLI's build has it beside
 * the CLI. `smallest`: the fewest bytes of a sheet the worker may read (the tests give it every sheet).
 */
export function useSheetWorker(at: URL | null, smallest = SMALL_SHEET_BYTES): void {
  script = at;
  smallestBeside = smallest;
}

/** A worker that reads sheets in the order asked, or null when none is to be used. */
export class SheetThread {
  private readonly readings = new Map<number, SheetReading>();
  private next = 0;
  private stopped = false;
  /** How many readings this thread waits on: the worker holds the process up only while one does. */
  private waiting = 0;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromWorker) => {
      this.readings.get(message.id)?.put(message);
      if (!('batch' in message)) this.readings.delete(message.id);
    });
    worker.on('error', () => this.lose());
    worker.on('exit', () => this.lose());
    // After the listeners, which ref it again: a command that ends, or fails, while the worker still
    // reads sheets it will not take is not held up by it.
    worker.unref();
  }

  /** Which sheets, by their bytes, the worker should read (sheetsBeside); none when no worker is to be used. */
  static pick(bytes: readonly number[], costs: SheetCosts): boolean[] {
    return script === null ? bytes.map(() => false) : sheetsBeside(bytes, costs, smallestBeside);
  }

  /** A worker for a workbook whose cell styles `dates` says show dates; null when no worker is to be used. */
  static start(dates: readonly boolean[], date1904: boolean): SheetThread | null {
    if (script === null) return null;
    let worker: Worker;
    try {
      worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    } catch {
      return null;
    }
    const thread = new SheetThread(worker);
    thread.post({ kind: 'context', dates, date1904 });
    return thread;
  }

  /** Asks for a sheet, with its rows' spans or not: what the worker says of it comes to the reading returned. */
  read(part: Part, spans = false): SheetReading {
    const id = this.next++;
    const reading = new SheetReading((waiting) => this.wait(waiting));
    this.readings.set(id, reading);
    if (this.stopped) reading.put(LOST);
    else {
      // Only what inflating needs crosses (JSZip's record holds functions), the bytes copied: a view
      // would carry the whole file with it.
      const bytes = new Uint8Array(part.compressedContent);
      const message: ToWorker = {
        kind: 'read',
        id,
        spans,
        part: {
          uncompressedSize: part.uncompressedSize,
          compressedContent: bytes,
          compression: { magic: part.compression.magic },
        },
      };
      this.worker.postMessage(message, [bytes.buffer]);
    }
    return reading;
  }

  /** Lets go of a reading no longer wanted: what the worker says of it is dropped. */
  drop(reading: SheetReading): void {
    for (const [id, r] of this.readings) if (r === reading) this.readings.delete(id);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    void this.worker.terminate();
    this.lose();
  }

  /** Awaited only, an unref'd worker would let the process end with its work unsettled. */
  private wait(waiting: boolean): void {
    this.waiting += waiting ? 1 : -1;
    if (this.stopped) return;
    if (waiting && this.waiting === 1) this.worker.ref();
    else if (!waiting && this.waiting === 0) this.worker.unref();
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** Every sheet not finished is read again in this thread. */
  private lose(): void {
    this.stopped = true;
    for (const reading of this.readings.values()) reading.put(LOST);
    this.readings.clear();
  }
}

/** The layout of a sheet read beside as it crosses (the worker's side). */
export function layoutBeside(layout: SheetLayout): LayoutBeside {
  const rows = new Float64Array(layout.rows.length * 3);
  layout.rows.forEach((span, i) => rows.set([span.row, span.start, span.end], i * 3));
  return { ...layout, rows };
}

/** The layout of a sheet read beside as the reader of this thread gives it. */
export function layoutHere(layout: LayoutBeside): SheetLayout {
  const rows: RowSpan[] = [];
  for (let at = 0; at < layout.rows.length; at += 3)
    rows.push({ row: layout.rows[at]!, start: layout.rows[at + 1]!, end: layout.rows[at + 2]! });
  return { ...layout, rows };
}
