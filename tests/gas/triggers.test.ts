/** The ScriptApp adapter of the Triggers port, and the edit event as the use cases take it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gasTriggers, sheetEditOf } from '../../src/gas/triggers';
import { createGasFake, type GasFake } from '../fakes/gas';

let fake: GasFake;
let restore: () => void;

beforeEach(() => {
  fake = createGasFake({ sheets: { Meetings: [['ID'], ['M-2026-01'], ['M-2026-02']] } });
  restore = fake.install();
});

afterEach(() => restore());

const active = () => SpreadsheetApp.getActiveSpreadsheet();

describe('gasTriggers', () => {
  it('adds an edit trigger for this spreadsheet and an hourly one, lists them by kind, removes by id', () => {
    const triggers = gasTriggers(active);
    triggers.add('edit', 'onEditInstalled');
    triggers.add('hourly', 'hourlyTick');
    const listed = triggers.list();
    expect(listed.map((t) => [t.handler, t.kind])).toEqual([
      ['onEditInstalled', 'edit'],
      ['hourlyTick', 'hourly'],
    ]);
    expect(fake.triggers.map((t) => [t.sourceId, t.everyHours])).toEqual([
      ['fake-spreadsheet-id', undefined],
      [null, 1],
    ]);
    triggers.remove(listed[0]!.id);
    triggers.remove('no-such-trigger');
    expect(triggers.list().map((t) => t.handler)).toEqual(['hourlyTick']);
  });

  it('shows only the current user\u2019s triggers', () => {
    gasTriggers(active).add('hourly', 'hourlyTick');
    fake.setContext({ activeUser: 'someone@iom.int' });
    expect(gasTriggers(active).list()).toEqual([]);
  });
});

describe('sheetEditOf', () => {
  it('names the tab and the rows of the edited range', () => {
    const range = active().getSheetByName('Meetings')!.getRange('A2:C3');
    expect(sheetEditOf({ range } as GoogleAppsScript.Events.SheetsOnEdit)).toEqual({
      tab: 'Meetings',
      firstRow: 2,
      lastRow: 3,
    });
  });
});
