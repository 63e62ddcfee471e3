/**
 * Repair over the Apps Script fake keeps the look a secretariat gave the register: a column it widened
 * keeps its width, while a column or tab that repair adds gets the add-on's default width.
 */
import { afterEach, expect, it } from 'vitest';
import { setupWorkbook } from '../../src/app/setup';
import type { Cell } from '../../src/domain/cells';
import { headerRow } from '../../src/domain/codec';
import { MeetingsTable, MembersTable } from '../../src/domain/tables';
import { gasPorts } from '../../src/gas/ports';
import { createGasFake } from '../fakes/gas';
import { networkWorkbook } from '../support/network';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

it('keeps the widths of existing columns and gives new columns the default width', () => {
  const sheets: Record<string, Cell[][]> = Object.fromEntries(networkWorkbook().tabs);
  const meetings = headerRow(MeetingsTable).filter((h) => h !== 'Mode');
  sheets[MeetingsTable.name] = [meetings];
  const fake = createGasFake({ owner: 'owner@iom.int', activeUser: 'akarimova@iom.int', sheets });
  uninstall = fake.install();
  const name = headerRow(MembersTable).indexOf('Name') + 1;
  fake.sheet(MembersTable.name).columnWidths.set(name, 333);

  const report = setupWorkbook(gasPorts());

  expect(report.changes).toContain('added column Mode to Meetings');
  expect(fake.sheet(MembersTable.name).columnWidths.get(name)).toBe(333);
  expect(fake.sheet(MeetingsTable.name).columnWidths.get(meetings.length + 1)).toBe(MeetingsTable.columns.mode.width);
});
