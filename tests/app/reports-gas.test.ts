/**
 * The reports in Sheets, over the fake of Google's services: a member who is not secretariat, kept out
 * of the data tabs by the protection setup gives them, runs every report. Each lands in its own tab
 * with its formats, frozen header and charts; the data tabs stay exactly as they were; a second run
 * replaces the tabs and their charts rather than adding to them.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runReport } from '../../src/app/reports';
import { setupWorkbook } from '../../src/app/setup';
import { REPORTS } from '../../src/domain/reports';
import { TABLES } from '../../src/domain/tables';
import { gasPorts } from '../../src/gas/ports';
import type { Cell } from '../../src/ports';
import { createGasFake, type GasFake } from '../fakes/gas';
import { EXAMPLE_MEMBER, EXAMPLE_SECRETARIAT, exampleGrids } from '../support/example';

let grids: Record<string, Cell[][]>;
let restore: (() => void) | null = null;

beforeAll(async () => {
  grids = await exampleGrids();
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 23, 10, 0, 0));
});

afterEach(() => {
  vi.useRealTimers();
  restore?.();
  restore = null;
});

/** The example in Sheets, set up (and so protected) by the secretariat, then opened by a member of UNDP. */
function memberSpreadsheet(): GasFake {
  const fake = createGasFake({
    owner: 'owner@un.org',
    activeUser: EXAMPLE_SECRETARIAT,
    editors: [EXAMPLE_SECRETARIAT, EXAMPLE_MEMBER],
    sheets: grids,
  });
  restore = fake.install();
  setupWorkbook(gasPorts());
  fake.setContext({ activeUser: EXAMPLE_MEMBER });
  return fake;
}

/** Everything a data tab holds that a person could see change: values, formulas, formats, colours, weights. */
function dataTabs(fake: GasFake): string {
  return JSON.stringify(
    TABLES.map((def) => {
      const sheet = fake.sheet(def.name);
      const area = { row: 1, column: 1, rows: sheet.maxRows, columns: sheet.maxColumns };
      return [
        fake.sheetValues(def.name),
        [...sheet.formulas],
        sheet.numberFormats.grid(area),
        sheet.backgrounds.grid(area),
        sheet.fontWeights.grid(area),
        sheet.frozenRows,
      ];
    }),
  );
}

describe('reports in Sheets for a member who is not secretariat', () => {
  it('writes every report to its own tab and leaves the protected data tabs exactly as they were', () => {
    const fake = memberSpreadsheet();
    expect(fake.sheet('Members').sheetProtection?._allows(EXAMPLE_MEMBER)).toBe(false);
    const before = dataTabs(fake);
    for (const def of REPORTS) runReport(gasPorts(), def.id);
    expect(dataTabs(fake)).toBe(before);
    expect(fake.sheetNames().slice(TABLES.length)).toEqual(REPORTS.map((r) => r.tab));
    expect(fake.ui.toasts.map((t) => t.message)).toEqual(REPORTS.map((r) => `${r.tab} is up to date.`));
  });

  it('gives the tab a title line, number and date formats, bold headers, a frozen header and charts beside the tables', () => {
    const fake = memberSpreadsheet();
    runReport(gasPorts(), 'workplan-progress', { year: 2026 });
    const values = fake.sheetValues('Report: Workplan progress');
    expect(values[0]![0]).toBe('Workplan progress 2026 — UN Network on Migration in Uzbekistan — 23 November 2026');
    expect(values[2]![0]).toMatch(/^Cover note: The Network asks the UN Country Team/);
    expect(values.slice(4, 8).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Key actions of 2026', '', ''],
      ['ID', 'Key action', 'Lead agency'],
      ['W-2026-01', 'Joint contribution to the regional review of the GCM', 'IOM'],
      ['W-2026-02', 'Technical support to the draft Law on Labour Migration', 'ILO'],
    ]);
    const sheet = fake.sheet('Report: Workplan progress');
    // Row 6 the header; W-2026-03, late and highlighted, in row 9.
    expect(values[8]!.slice(7, 12)).toEqual([35000, 20000, 15000, 'Delayed', 0.8]);
    expect(values[8]![6]).toBeInstanceOf(Date);
    expect(sheet.numberFormats.get(9, 12)).toBe('0%');
    expect(sheet.numberFormats.get(9, 8)).toBe('"USD "#,##0');
    expect(sheet.numberFormats.get(9, 7)).toBe('d mmmm yyyy');
    expect(sheet.fontWeights.get(6, 9)).toBe('bold');
    expect(sheet.fontWeights.get(7, 1)).toBe('normal');
    expect(sheet.backgrounds.get(9, 1)).toBe('#f4c7c3');
    expect(sheet.backgrounds.get(9, 14)).toBe('#f4c7c3');
    expect(sheet.frozenRows).toBe(6);
    expect(sheet.formulas.get('7,1')).toBe(
      `=HYPERLINK("#gid=${fake.sheet('Workplan').sheetId}&range=A7", "W-2026-01")`,
    );
    expect(
      sheet.charts.map((c) => [
        c.model.type,
        c.model.options.title,
        c.model.numHeaders,
        c.model.ranges.length,
        c.model.anchor.column,
      ]),
    ).toEqual([
      ['COLUMN', 'Budget and funding by GCM objective (USD)', 1, 3, 16],
      ['COLUMN', 'Key actions by status', 1, 2, 16],
    ]);
  });

  it('replaces the tabs on a second run, keeping the charts that still fit', () => {
    const fake = memberSpreadsheet();
    const first = fake.calls.during(() => REPORTS.forEach((def) => runReport(gasPorts(), def.id)));
    const tabs = REPORTS.map((def) => JSON.stringify(fake.sheetValues(def.tab)));
    const charts = REPORTS.map((def) => fake.sheet(def.tab).charts.length);
    const second = fake.calls.during(() => REPORTS.forEach((def) => runReport(gasPorts(), def.id)));
    expect(REPORTS.map((def) => JSON.stringify(fake.sheetValues(def.tab)))).toEqual(tabs);
    expect(REPORTS.map((def) => fake.sheet(def.tab).charts.length)).toEqual(charts);
    expect(charts).toEqual([0, 1, 2, 2, 2]);
    expect(fake.sheetNames()).toHaveLength(TABLES.length + REPORTS.length);
    expect(first.byMethod['Sheet.getSheetValues']).toBe(11 * REPORTS.length);
    expect(second.byMethod['Sheet.getSheetValues']).toBe(11 * REPORTS.length);
    expect(second.byMethod['Range.setValues']).toBe(REPORTS.length);
    // The second run writes over the tabs the first added; their look and charts are as the first left them.
    expect(second.byMethod['Spreadsheet.insertSheet']).toBeUndefined();
    expect(second.byMethod['Sheet.removeChart']).toBeUndefined();
  });

  it('leaves alone a tab a person keeps beside the reports', () => {
    const fake = memberSpreadsheet();
    fake.setSheetValues('My notes', [['mine']]);
    for (const def of REPORTS) runReport(gasPorts(), def.id);
    expect(fake.sheetValues('My notes')).toEqual([['mine']]);
  });
});
