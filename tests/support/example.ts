/**
 * The example workbook (examples/uzbekistan.xlsx, written from examples/uzbekistan.ts) as the tests of
 * the reports read it: its tabs as grids, as a decoded network, and the day its records stop.
 */
import path from 'node:path';
import { readNetwork } from '../../src/app/network';
import type { Network } from '../../src/domain/network';
import type { Report, ReportCell, ReportTable } from '../../src/domain/reports';
import type { Cell } from '../../src/ports';
import { XlsxWorkbook } from '../../src/node/xlsx/workbook';

export const EXAMPLE_FILE = path.resolve(__dirname, '../../examples/uzbekistan.xlsx');
export const EXAMPLE_TODAY = '2026-11-23';
export const EXAMPLE_SECRETARIAT = 'dkarimova@iom.int';
/** UNDP's primary focal point: a member, not secretariat. */
export const EXAMPLE_MEMBER = 'malika.yusupova@undp.org';

export async function exampleNetwork(): Promise<Network> {
  return readNetwork(await XlsxWorkbook.open(EXAMPLE_FILE)).network;
}

/** Every tab of the example, as `getValues()` would give it. */
export async function exampleGrids(): Promise<Record<string, Cell[][]>> {
  const workbook = await XlsxWorkbook.open(EXAMPLE_FILE);
  return Object.fromEntries(workbook.tabNames().map((tab) => [tab, workbook.read(tab) ?? []]));
}

/** A table's rows as plain values: a row link as its text. */
/** A report's table by its id. */
export function table(report: Report, id: string): ReportTable {
  const found = report.tables.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no table ${id} in ${report.id}`);
  return found;
}

export function values(table: ReportTable | undefined): (string | number | null)[][] {
  if (table === undefined) throw new Error('no such table');
  return table.rows.map((row) => row.map((c: ReportCell) => (typeof c === 'object' && c !== null ? c.text : c)));
}
