/**
 * The worker of sheet-thread.ts: reads the sheets it is asked for, one after the other, and hands
 * their rows over in batches as it reads them. It loads only the reader and what it needs, so that
 * it starts while the command reads the shared strings and its own first sheets.
 */
import { parentPort } from 'node:worker_threads';
import { inflatedPieces } from './xlsx/inflate';
import { readFed, RowsNotInOrder, sheetReading, type SheetContext } from './xlsx/read';
import { RowBatcher, SharedString } from './xlsx/row-batches';
import { layoutBeside, type FromWorker, type ToWorker } from './xlsx/sheet-thread';

const port = parentPort;
// @i18n-exempt: a fault of the build, for its developers.
if (port === null) throw new Error('sheet-worker.mjs runs only as the worker of sheet-thread.ts');

/** One marker for each shared string named: the rows of a sheet name the same few strings many times. */
const markers: SharedString[] = [];
const marker = (index: number): SharedString | '' =>
  Number.isSafeInteger(index) && index >= 0 ? (markers[index] ??= new SharedString(index)) : '';

type Asked = Extract<ToWorker, { kind: 'read' }>;

let context: SheetContext<SharedString> | null = null;
const asked: Asked[] = [];
let reading = false;

const say = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

async function readSheet({ id, part, spans }: Asked, within: SheetContext<SharedString>) {
  const batcher = new RowBatcher((batch) => say({ id, batch }, [batch.numbers.buffer as ArrayBuffer]));
  try {
    const { cells, layout } = await readFed(
      inflatedPieces(part),
      sheetReading(within, spans, (number, row) => batcher.row(number, row)),
    );
    batcher.flush();
    const beside = layoutBeside(layout);
    say({ id, done: { cells, layout: beside } }, [beside.rows.buffer as ArrayBuffer]);
  } catch (error) {
    say({ id, fault: error instanceof RowsNotInOrder ? 'order' : 'damaged' });
  }
}

async function readAsked() {
  if (reading) return;
  reading = true;
  for (let next = asked.shift(); next !== undefined && context !== null; next = asked.shift())
    await readSheet(next, context);
  reading = false;
}

port.on('message', (message: ToWorker) => {
  if (message.kind === 'context') {
    context = { shared: marker, dates: message.dates, date1904: message.date1904, days: new Map() };
    return;
  }
  asked.push(message);
  void readAsked();
});
