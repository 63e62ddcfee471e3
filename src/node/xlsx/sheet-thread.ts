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

/** What the worker is asked: first the styles that make a number a date, then sheets, each by its part's bytes. */
export type ToWorker =
  | { readonly kind: 'context'; readonly dates: readonly boolean[]; readonly date1904: boolean }
  | { readonly kind: 'read'; readonly id: number; readonly part: Part };

/** What the worker says of a sheet: rows, then how many cells it spans, or why it could not give them. */
export type FromWorker =
  | { readonly id: number; readonly batch: RowBatch }
  | { readonly id: number; readonly done: { readonly cells: number } }
  /** `order`: the rows cannot be given as read (RowsNotInOrder); `damaged`: the part or its XML is not what it should be. */
  | { readonly id: number; readonly fault: 'order' | 'damaged' };

/** The worker stopped before it finished the sheet: it is read again in this thread. */
const LOST: FromWorker = { id: -1, fault: 'order' };

/** What the worker says of one sheet, in the order it says it. */
export class SheetReading {
  private readonly said: FromWorker[] = [];
  private waiting: ((message: FromWorker) => void) | null = null;

  put(message: FromWorker): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting(message);
    else this.said.push(message);
  }

  next(): Promise<FromWorker> {
    const message = this.said.shift();
    return message ? Promise.resolve(message) : new Promise((resolve) => (this.waiting = resolve));
  }
}

/**
 * What a sheet costs this thread for each unit the worker spends reading it: read here (parsed and
 * decoded), or read beside (its rows decoded as the worker hands them over). Measured on the bench's
 * networks, whose sheets hold the cells of a network's tabs.
 */
const READ_HERE = 1.25;
const DECODED_HERE = 0.35;

/** A sheet smaller than this is read here: the worker would take longer to hand it over. */
const SMALL_SHEET_BYTES = 1024 * 1024;

/** The most large sheets whose every split between the threads is weighed (2^16 splits). */
const WEIGHED_SHEETS = 16;

/**
 * Which sheets (by the bytes of their XML, in the order a command takes them) the worker should read
 * so that the last is decoded soonest: this thread takes the sheets in order, reading its own as the
 * worker reads the next of its, and waits for the worker's where it is ahead. The larger sheets
 * beyond the WEIGHED_SHEETS largest are read here.
 */
export function sheetsBeside(bytes: readonly number[], smallest = SMALL_SHEET_BYTES): boolean[] {
  const large = bytes
    .map((size, i) => ({ size, i }))
    .filter(({ size }) => size >= smallest && size > 0)
    .sort((a, b) => b.size - a.size)
    .slice(0, WEIGHED_SHEETS)
    .map(({ i }) => i)
    .sort((a, b) => a - b);
  let best = { done: Infinity, split: 0 };
  for (let split = 0; split < 1 << large.length; split++) {
    let worker = 0;
    let here = 0;
    bytes.forEach((size, i) => {
      const at = large.indexOf(i);
      if (at >= 0 && (split >> at) & 1) {
        worker += size;
        here = Math.max(here + DECODED_HERE * size, worker);
      } else here += READ_HERE * size;
    });
    if (here < best.done) best = { done: here, split };
  }
  return bytes.map((_, i) => {
    const at = large.indexOf(i);
    return at >= 0 && ((best.split >> at) & 1) === 1;
  });
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

  private constructor(private readonly worker: Worker) {
    // The command's end is not the worker's to hold up.
    worker.unref();
    worker.on('message', (message: FromWorker) => {
      this.readings.get(message.id)?.put(message);
      if (!('batch' in message)) this.readings.delete(message.id);
    });
    worker.on('error', () => this.lose());
    worker.on('exit', () => this.lose());
  }

  /** Which sheets, by their bytes, the worker should read (sheetsBeside). */
  static pick(bytes: readonly number[]): boolean[] {
    return sheetsBeside(bytes, smallestBeside);
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

  get running(): boolean {
    return !this.stopped;
  }

  /** Asks for a sheet: what the worker says of it comes to the reading returned. */
  read(part: Part): SheetReading {
    const id = this.next++;
    const reading = new SheetReading();
    this.readings.set(id, reading);
    if (this.stopped) reading.put(LOST);
    else {
      // Only what inflating needs crosses (JSZip's record holds functions), the bytes copied: a view
      // would carry the whole file with it.
      const bytes = new Uint8Array(part.compressedContent);
      const message: ToWorker = {
        kind: 'read',
        id,
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
