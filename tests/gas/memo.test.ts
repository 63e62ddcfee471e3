/**
 * Set up / repair on a workbook already set up: what it applied is remembered in the document's
 * properties, so a second run only reads (at most 6 SpreadsheetApp calls per tab), and whatever
 * changed under the memo (a tab rebuilt by hand, a protection weakened, an editor added by hand, the
 * register's secretariat, a lost memo) takes the full path again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setupWorkbook } from '../../src/app/setup';
import type { Cell } from '../../src/domain/cells';
import { headerRow } from '../../src/domain/codec';
import { DecisionsTable, TABLES } from '../../src/domain/tables';
import { gasPorts } from '../../src/gas/ports';
import { createGasFake, type GasFake } from '../fakes/gas';
import { networkWorkbook } from '../support/network';

const SECRETARIAT = 'akarimova@iom.int';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function setUp(): GasFake {
  const sheets: Record<string, Cell[][]> = Object.fromEntries(networkWorkbook().tabs);
  const fake = createGasFake({ owner: 'owner@iom.int', activeUser: SECRETARIAT, sheets });
  uninstall = fake.install();
  setupWorkbook(gasPorts());
  return fake;
}

function run(fake: GasFake) {
  fake.nextExecution();
  return fake.calls.during(() => setupWorkbook(gasPorts()));
}

/** Calls that change the spreadsheet: setters, inserts, removals, clearing, protecting. */
const writesOf = (byMethod: Record<string, number>) =>
  Object.keys(byMethod).filter((m) =>
    /^(Spreadsheet|Sheet|Range|RangeList|Protection)\.(set|insert|remove|add|clear|delete|protect)/.test(m),
  );

describe('set up / repair on a workbook already set up', () => {
  it('only reads, in at most 6 SpreadsheetApp calls per tab, and reports nothing to repair', () => {
    const fake = setUp();
    const second = run(fake);
    expect(second.result.lines[0]).toBe('Nothing to repair');
    expect(writesOf(second.byMethod)).toEqual([]);
    expect(second.byMethod['SpreadsheetApp.flush'] ?? 0).toBe(0);
    expect(second.spreadsheet).toBeLessThanOrEqual(6 * TABLES.length);
  });

  it('applies the dropdowns again to a tab deleted and typed back by hand', () => {
    const fake = setUp();
    fake.spreadsheet.deleteSheet(fake.sheet(DecisionsTable.name));
    fake.setSheetValues(DecisionsTable.name, [headerRow(DecisionsTable)], 1, 1);
    const outcome = headerRow(DecisionsTable).indexOf('Outcome') + 1;
    expect(fake.sheet(DecisionsTable.name).validations.get(2, outcome)).toBeNull();
    const again = run(fake);
    expect(again.result.changes).toContain('protected Decisions: only the Secretariat can edit it');
    expect(fake.sheet(DecisionsTable.name).validations.get(2, outcome)).not.toBeNull();
  });

  it('takes out an editor added to a protection by hand', () => {
    const fake = setUp();
    fake.sheet(DecisionsTable.name).sheetProtection!.editors.push('intruder@example.org');
    const again = run(fake);
    expect(again.result.changes).toEqual(['intruder@example.org can no longer edit Decisions']);
  });

  it('applies everything again when the memo is lost, and still finds nothing to repair', () => {
    const fake = setUp();
    fake.properties.document.deleteAllProperties();
    const again = run(fake);
    expect(again.result.lines[0]).toBe('Nothing to repair');
    expect(again.byMethod['Range.setDataValidation']).toBeGreaterThan(0);
    expect(run(fake).byMethod['Range.setDataValidation']).toBeUndefined();
  });
});
