/**
 * The worker that reads sheets beside a command (sheet-thread.ts): which sheets it takes, the rows it
 * hands over being the rows this thread reads, cell for cell, a file opened whole the same with the
 * same spans for a save to patch, and nothing lost when no worker can run or one stops halfway.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { reach } from '../../../src/domain/codec';
import { decodeTabs } from '../../../src/domain/network';
import { DECODING, HOLDING, SheetReading, sheetsBeside, useSheetWorker } from '../../../src/node/xlsx/sheet-thread';
import { giveRows, RowBatcher, SharedString, type RowBatch } from '../../../src/node/xlsx/row-batches';
import { readTabsOnce, XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import type { Cell } from '../../../src/ports';
import { builtSheetWorker } from '../../support/cli-build';
import { appendCells, example, EXAMPLE, PART, withParts } from './parts';

const MB = 1024 * 1024;
const ROOT = path.resolve(__dirname, '../../..');

describe('which sheets the worker reads', () => {
  it('keeps the small sheets here and gives it a lone large one', () => {
    expect(sheetsBeside([4_000, 50_000, 900_000], DECODING)).toEqual([false, false, false]);
    expect(sheetsBeside([4_000, 5 * MB, 20_000], HOLDING)).toEqual([false, true, false]);
    expect(sheetsBeside([0, 10], DECODING, 0)).toEqual([false, true]);
  });

  it("shares a large network's sheets between both threads", () => {
    // The sheets of the bench's network at 1,000 times the example, in the order of the tabs.
    const bytes = [0.005, 0.016, 0.055, 14.5, 10.7, 7.2, 12.8, 0.01, 0.003, 0.002, 20.7, 0.002].map((m) => m * MB);
    for (const costs of [DECODING, HOLDING]) {
      const picked = sheetsBeside(bytes, costs);
      const large = bytes.flatMap((size, i) => (size >= MB ? [picked[i]] : []));
      expect(large).toContain(true);
      expect(large).toContain(false);
      expect(picked.filter((p, i) => p && bytes[i]! < MB)).toEqual([]);
    }
  });
});

describe('rows as they cross', () => {
  it('take the room of the cells that hold a value, however far to the right they lie', () => {
    const batches: RowBatch[] = [];
    const batcher = new RowBatcher((batch) => batches.push(batch));
    for (let row = 1; row <= 1_000; row++) {
      const cells: (Cell | SharedString)[] = [];
      cells[16_383] = row % 2 === 0 ? new SharedString(row) : row;
      batcher.row(row, cells);
    }
    batcher.flush();
    expect(batches).toHaveLength(1);
    const given: [number, (Cell | undefined)[]][] = [];
    const strings = Array.from({ length: 1_001 }, (_, i) => `text ${i}`);
    expect(giveRows(batches[0]!, strings, (number, cells) => given.push([number, cells]))).toBe(1_000);
    expect(given[1]![1][16_383]).toBe('text 2');
    expect(given[2]![1][16_383]).toBe(3);
    expect(given.every(([, cells]) => Object.keys(cells).length === 1)).toBe(true);
  });
});

describe('rows read beside', () => {
  let dir: string;
  let worker: URL;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'unmn-sheet-thread-'));
    worker = await builtSheetWorker();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    useSheetWorker(null);
    vi.restoreAllMocks();
  });

  /** A row's cells up to its last value, a hole as undefined. */
  const valuesOf = (cells: readonly (Cell | undefined)[]) => Array.from({ length: reach(cells) }, (_, i) => cells[i]);

  /** Every row of every tab as readTabsOnce gives it (cells up to the last value), and each tab's height. */
  async function rowsOf(file: string): Promise<Record<string, unknown>> {
    const once = await readTabsOnce(file);
    const out: Record<string, unknown> = {};
    for (const name of once.names) {
      const given: [number, (Cell | undefined)[]][] = [];
      const height = await once.rows(name, () => ({
        row: (number, cells) => given.push([number, valuesOf(cells)]),
        end: (lastRow) => lastRow,
      }));
      out[name] = { height, given };
    }
    await once.rest();
    return out;
  }

  /** The example with cells of every kind a sheet holds, and a row whose only cell names no shared string. */
  async function ofEveryKind(): Promise<string> {
    const file = path.join(dir, 'every-kind.xlsx');
    const cells = [
      '<c r="T2" t="inlineStr"><is><t>inline &amp; text</t></is></c>',
      '<c r="U2" t="inlineStr"><is><r><t>rich </t></r><r><t>runs</t></r></is></c>',
      '<c r="V2" t="str"><f>A2</f><v>a formula&apos;s text</v></c>',
      '<c r="W2" t="b"><v>1</v></c>',
      '<c r="X2" t="b"><v>0</v></c>',
      '<c r="Y2" t="e"><v>#N/A</v></c>',
      '<c r="Z2"><v>-12.5</v></c>',
      '<c r="AA2" t="s"><v>99999999</v></c>',
    ].join('');
    await writeFile(
      file,
      await withParts(await example(), {
        [PART.Meetings]: (xml) => appendCells(xml, 2, cells),
        [PART.Members]: (xml) =>
          xml.replace('</sheetData>', '<row r="400"><c r="B400" t="s"><v>99999999</v></c></row></sheetData>'),
      }),
    );
    return file;
  }

  it('are the rows this thread reads, cell for cell, each tab read by the worker', async () => {
    for (const file of [EXAMPLE, await ofEveryKind()]) {
      const here = await rowsOf(file);
      useSheetWorker(worker, 0);
      const put = vi.spyOn(SheetReading.prototype, 'put');
      expect(await rowsOf(file)).toEqual(here);
      const handed = put.mock.calls.filter(([message]) => 'batch' in message).length;
      expect(handed).toBeGreaterThan(0);
      useSheetWorker(null);
      vi.restoreAllMocks();
    }
  });

  it('open the file whole as this thread opens it: the same values, and a save that patches the same rows', async () => {
    const opened = async (file: string) => {
      const workbook = await XlsxWorkbook.open(file);
      const values = workbook.tabNames().map((tab) => workbook.read(tab));
      workbook.write('Meetings', 3, 2, [['changed beside']]);
      const saved = path.join(dir, `saved-${Math.random()}.xlsx`);
      await workbook.save(saved);
      return { values, saved: await readFile(saved) };
    };
    for (const file of [EXAMPLE, await ofEveryKind()]) {
      const here = await opened(file);
      useSheetWorker(worker, 0);
      const put = vi.spyOn(SheetReading.prototype, 'put');
      const beside = await opened(file);
      expect(beside.values).toEqual(here.values);
      expect(beside.saved.equals(here.saved)).toBe(true);
      expect(put.mock.calls.filter(([message]) => 'done' in message).length).toBeGreaterThan(1);
      useSheetWorker(null);
      vi.restoreAllMocks();
    }
  });

  it('are read here when the worker cannot start, or stops before the sheet is read', async () => {
    const decoded = async () => {
      const once = await readTabsOnce(EXAMPLE);
      const network = await decodeTabs(once);
      await once.rest();
      return network;
    };
    const here = await decoded();
    const failing = path.join(dir, 'failing-worker.mjs');
    await writeFile(
      failing,
      "import { parentPort } from 'node:worker_threads';\n" +
        "parentPort.on('message', (m) => { if (m.kind === 'read') throw new Error('the worker fails'); });\n",
    );
    for (const script of [pathToFileURL(path.join(dir, 'no-such-worker.mjs')), pathToFileURL(failing)]) {
      useSheetWorker(script, 0);
      expect(await decoded()).toEqual(here);
    }
  });

  it('leave the command free to end when it refuses the file, however far the worker has read', async () => {
    // The built CLI, which reads a sheet of a megabyte or more beside: the Log grown past that.
    const rows = Array.from(
      { length: 30_000 },
      (_, i) => `<row r="${i + 200}"><c r="A${i + 200}" t="inlineStr"><is><t>2026-01-01T00:00:00</t></is></c></row>`,
    ).join('');
    const grown = (xml: string) => xml.replace('</sheetData>', `${rows}</sheetData>`);
    const cases: { name: string; edits: Record<string, (xml: string) => string> }[] = [
      // Shared strings damaged, found by this thread while the worker reads the Log.
      {
        name: 'strings',
        edits: { [PART.Log]: grown, 'xl/sharedStrings.xml': (xml: string) => xml.replace('</si>', '') },
      },
      // A cell at column XFD: the tabs span more cells than a Google Sheet holds.
      {
        name: 'wide',
        edits: {
          [PART.Log]: (xml: string) =>
            grown(xml).replace('</sheetData>', '<row r="40000"><c r="XFD40000"><v>1</v></c></row></sheetData>'),
        },
      },
    ];
    for (const { name, edits } of cases) {
      const file = path.join(dir, `refused-${name}.xlsx`);
      await writeFile(file, await withParts(await example(), edits));
      const run = spawnSync(process.execPath, [path.join(ROOT, 'build/cli.mjs'), 'check', file], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.signal).toBeNull();
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(name === 'wide' ? /cells/ : /damaged/);
    }
  });
});
