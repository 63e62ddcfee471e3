import { afterEach } from 'vitest';
import { GasWorkbook } from '../../src/gas/workbook';
import { workbookContract } from '../contract/workbook-contract';
import { createGasFake } from '../fakes/gas';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const uninstall: (() => void)[] = [];
afterEach(() => {
  while (uninstall.length > 0) uninstall.pop()!();
});

workbookContract('GasWorkbook over the Apps Script fake', async () => {
  const fake = createGasFake();
  uninstall.push(fake.install());
  const active = () => (fake.globals.SpreadsheetApp as unknown as { getActive(): Spreadsheet }).getActive();
  // A later execution is a new adapter over the same spreadsheet.
  return { workbook: new GasWorkbook(active()), reopen: async () => new GasWorkbook(active()) };
});
