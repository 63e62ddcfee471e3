/**
 * What the commands a secretariat runs most cost in SpreadsheetApp calls over the fake, counted, not
 * timed: set up twice on a fresh spreadsheet, set up after a command grew a tab, the compliance check
 * run again, each report run again. The reads (a lookup and one getSheetValues per tab) are most of it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runComplianceCheck, SEVERITY_COLORS } from '../../src/app/check';
import { runReport } from '../../src/app/reports';
import { setupWorkbook } from '../../src/app/setup';
import type { Cell } from '../../src/domain/cells';
import { REPORTS } from '../../src/domain/reports';
import { ComplianceTable, LogTable, TABLES } from '../../src/domain/tables';
import { gasPorts } from '../../src/gas/ports';
import { GasWorkbook, GROWTH_ROWS } from '../../src/gas/workbook';
import { createGasFake, type GasFake } from '../fakes/gas';
import { networkWorkbook } from '../support/network';

const SECRETARIAT = 'akarimova@iom.int';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function spreadsheet(sheets: Record<string, Cell[][]>): GasFake {
  const fake = createGasFake({ owner: 'owner@iom.int', activeUser: SECRETARIAT, sheets });
  uninstall = fake.install();
  return fake;
}

function run<T>(fake: GasFake, fn: () => T) {
  fake.nextExecution();
  return fake.calls.during(fn);
}

describe('SpreadsheetApp calls of the commands run most', () => {
  it('sets a fresh spreadsheet up, then only reads on the second run: at most 6 calls a tab', () => {
    const fake = spreadsheet({});
    run(fake, () => setupWorkbook(gasPorts()));
    const second = run(fake, () => setupWorkbook(gasPorts()));
    expect(second.result.lines[0]).toBe('Nothing to repair');
    expect(second.byMethod['Range.setDataValidation']).toBeUndefined();
    expect(second.spreadsheet).toBeLessThanOrEqual(6 * TABLES.length);
  });

  it('grows a full tab in a chunk with its layout, so the next setup still only reads', () => {
    const fake = spreadsheet(Object.fromEntries(networkWorkbook().tabs));
    run(fake, () => setupWorkbook(gasPorts()));
    const log = fake.sheet(LogTable.name);
    log.maxRows = fake.sheetValues(LogTable.name).length;
    const full = log.maxRows;
    run(fake, () => runComplianceCheck(gasPorts()));
    expect(log.maxRows).toBe(full + GROWTH_ROWS);
    expect(log.validations.get(log.maxRows, 6)).toEqual(log.validations.get(2, 6));
    const after = run(fake, () => setupWorkbook(gasPorts()));
    expect(after.result.lines[0]).toBe('Nothing to repair');
    expect(after.byMethod['Range.setDataValidation']).toBeUndefined();
    expect(after.spreadsheet).toBeLessThanOrEqual(6 * TABLES.length);
  });

  it('checks again in at most 25 calls: a read per tab, one write of the Compliance tab, one append to the Log, a toast', () => {
    const fake = spreadsheet(Object.fromEntries(networkWorkbook().tabs));
    run(fake, () => setupWorkbook(gasPorts()));
    run(fake, () => runComplianceCheck(gasPorts()));
    const again = run(fake, () => runComplianceCheck(gasPorts()));
    expect(again.byMethod['Sheet.getSheetValues']).toBe(TABLES.length - 1);
    expect(again.byMethod['Spreadsheet.getSheetByName']).toBeUndefined();
    expect(again.byMethod['Range.setValues']).toBe(2);
    expect(again.byMethod['Spreadsheet.toast']).toBe(1);
    expect(again.byMethod['Range.clearFormat']).toBeUndefined();
    expect(again.byMethod['Sheet.getSheetId']).toBeUndefined();
    expect(again.spreadsheet).toBeLessThanOrEqual(25);
  });

  it('writes nothing where a tab renamed since setup was read under its old place, and finds it by name next time', () => {
    const fake = spreadsheet(Object.fromEntries(networkWorkbook().tabs));
    run(fake, () => setupWorkbook(gasPorts()));
    run(fake, () => runComplianceCheck(gasPorts()));
    fake.sheet(LogTable.name).name = 'Log 2025';
    fake.sheet(ComplianceTable.name).name = LogTable.name;
    fake.sheet('Log 2025').name = ComplianceTable.name;
    const before = fake.sheetNames().map((t) => fake.sheetValues(t));
    expect(() => run(fake, () => runComplianceCheck(gasPorts()))).toThrow(/renamed/);
    expect(fake.sheetNames().map((t) => fake.sheetValues(t))).toEqual(before);
    const byName = run(fake, () => runComplianceCheck(gasPorts()));
    expect(byName.result.written).toBe(true);
    expect(byName.byMethod['Spreadsheet.getSheetByName']).toBeGreaterThan(0);
  });

  it('grows a new result tab to its block before giving it its look', () => {
    const fake = spreadsheet({});
    const rows = 1_500;
    const values = Array.from({ length: rows }, (_, i) => [`row ${i + 1}`]);
    const block = {
      values,
      links: values.map(() => [null]),
      fills: values.map(() => [null]),
      style: { frozenRows: 1, bold: [{ row: rows, column: 1, rows: 1, columns: 1 }], numberFormats: [], widths: [] },
      charts: [],
    };
    run(fake, () => new GasWorkbook().writeResult('Report: Totals', block));
    expect(fake.sheetValues('Report: Totals')).toHaveLength(rows);
    expect(fake.sheet('Report: Totals').fontWeights.get(rows, 1)).toBe('bold');
  });

  it('blanks the rows, links and colours a check no longer uses, in the same block', () => {
    const fake = spreadsheet(Object.fromEntries(networkWorkbook().tabs));
    run(fake, () => setupWorkbook(gasPorts()));
    const actions = fake.sheetValues('Actions');
    const junk = Array.from({ length: 5 }, () => actions[0]!.map(() => 'x'));
    fake.setSheetValues('Actions', [...actions, ...junk]);
    const before = run(fake, () => runComplianceCheck(gasPorts())).result.findings.length;
    fake.setSheetValues('Actions', [...actions, ...junk.map((r) => r.map(() => ''))]);
    const after = run(fake, () => runComplianceCheck(gasPorts()));
    const count = after.result.findings.length;
    expect(count).toBeLessThan(before);
    expect(after.byMethod['Range.clearContent']).toBeUndefined();
    const sheet = fake.sheet(ComplianceTable.name);
    expect(fake.sheetValues(ComplianceTable.name)).toHaveLength(2 + count);
    expect(Object.values(SEVERITY_COLORS)).toContain(sheet.backgrounds.get(2 + count, 1));
    for (let row = 3 + count; row <= 2 + before; row++) {
      expect(Object.values(SEVERITY_COLORS)).not.toContain(sheet.backgrounds.get(row, 1));
      expect(sheet.formulas.get(`${row},4`)).toBeUndefined();
    }
  });

  it('runs each report again in at most 31 calls: 30 but for a getSheetId per tab the member list links to', () => {
    const fake = spreadsheet(Object.fromEntries(networkWorkbook().tabs));
    run(fake, () => setupWorkbook(gasPorts()));
    for (const def of REPORTS) {
      const first = run(fake, () => runReport(gasPorts(), def.id));
      const shown = fake.sheetValues(def.tab);
      const again = run(fake, () => runReport(gasPorts(), def.id));
      expect(fake.sheetValues(def.tab)).toEqual(shown);
      expect(again.spreadsheet).toBeLessThan(first.spreadsheet);
      expect(again.spreadsheet - (again.byMethod['Sheet.getSheetId'] ?? 0)).toBeLessThanOrEqual(29);
    }
  });
});
