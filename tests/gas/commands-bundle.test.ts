/**
 * The commands and triggers of the table, each run by its global in dist/Code.js over the fake, as a
 * member or the secretariat would in Sheets: reports for anyone, automation for the secretariat only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORTS } from '../../src/domain/reports';
import { createGasFake, type GasFake } from '../fakes/gas';
import { bundleCode, loadBundle, type Script } from '../support/bundle';
import { EXAMPLE_MEMBER, EXAMPLE_SECRETARIAT, exampleGrids } from '../support/example';
import type { Cell } from '../../src/ports';

const REPORT_GLOBALS = [
  'reportMemberList',
  'reportActionTracker',
  'reportWorkplanProgress',
  'reportGcmSummary',
  'reportAnnualReview',
];

let code = '';
let grids: Record<string, Cell[][]> = {};
beforeAll(async () => {
  code = bundleCode();
  grids = await exampleGrids();
});

function fakeAs(user: string): { fake: GasFake; script: Script } {
  const fake = createGasFake({
    owner: 'owner@un.org',
    activeUser: user,
    editors: [EXAMPLE_SECRETARIAT, EXAMPLE_MEMBER],
    sheets: grids,
    htmlFiles: {
      CirculationPreview: '<!DOCTYPE html><title>preview</title>',
      DecisionSidebar: '<!DOCTYPE html><title>sidebar</title>',
    },
  });
  return { fake, script: loadBundle(code, fake) };
}

function dataTabs(fake: GasFake): string {
  return JSON.stringify(Object.keys(grids).map((tab) => fake.sheetValues(tab)));
}

describe('the report globals', () => {
  it('run for a member who is not secretariat, write only their own tab, and replace it on a second run', () => {
    const { fake, script } = fakeAs(EXAMPLE_MEMBER);
    const before = dataTabs(fake);
    for (let run = 0; run < 2; run++) {
      for (const name of REPORT_GLOBALS) {
        // The year of the workplan and annual reports; the GCM pack's first day, blank: since the last review.
        if (name === 'reportGcmSummary') fake.ui.answer({ button: 'OK', text: '' });
        else if (name === 'reportWorkplanProgress' || name === 'reportAnnualReview')
          fake.ui.answer({ button: 'OK', text: '2026' });
        script[name]!();
      }
    }
    expect(dataTabs(fake)).toEqual(before);
    const reportTabs = fake.sheetNames().filter((n) => n.startsWith('Report: '));
    expect(reportTabs.sort()).toEqual(REPORTS.map((r) => r.tab).sort());
    expect(fake.ui.dialogs.filter((d) => d.kind === 'alert')).toEqual([]);
  });

  it('refuses a member the Secretariat options, saying why, and sends nothing', () => {
    const { fake, script } = fakeAs(EXAMPLE_MEMBER);
    script.shareMemberList!();
    expect(fake.sentMail).toEqual([]);
    expect(fake.ui.dialogs.find((d) => d.kind === 'alert')?.content).toMatch(/secretariat/i);
  });
});

describe('automation through its globals', () => {
  it('installs one trigger of each kind however often it is turned on, and removes them when turned off', () => {
    const { fake, script } = fakeAs(EXAMPLE_SECRETARIAT);
    script.enableAutomation!();
    script.enableAutomation!();
    expect(fake.triggers.map((t) => `${t.eventType}:${t.handler}`).sort()).toEqual([
      'CLOCK:hourlyTick',
      'ON_EDIT:onEditInstalled',
    ]);
    script.disableAutomation!();
    expect(fake.triggers).toEqual([]);
    const events = fake.sheetValues('Log').map((r) => r[2]);
    expect(events.filter((e) => String(e).startsWith('Automation'))).toEqual([
      'Automation enabled',
      'Automation disabled',
    ]);
  });

  it('refuses a member, installing nothing', () => {
    const { fake, script } = fakeAs(EXAMPLE_MEMBER);
    const log = fake.sheetValues('Log').length;
    script.enableAutomation!();
    expect(fake.triggers).toEqual([]);
    expect(fake.sheetValues('Log')).toHaveLength(log);
    expect(fake.ui.dialogs.find((d) => d.kind === 'alert')?.content).toMatch(/Only the Secretariat/);
  });

  it('runs the hourly tick and the preview dialog by their names', () => {
    const { fake, script } = fakeAs(EXAMPLE_SECRETARIAT);
    expect(typeof script.hourlyTick).toBe('function');
    expect(typeof script.onEditInstalled).toBe('function');
    script.hourlyTick!();
    script.circulateMinutesNow!();
    expect(fake.ui.dialogs.find((d) => d.kind === 'modal')).toMatchObject({
      title: 'Circulate approved minutes',
      content: expect.stringContaining('preview'),
    });
  });
});

describe('Set up / repair workbook from the menu', () => {
  it('on a workbook it set up before, only reads: at most 6 SpreadsheetApp calls per tab, a toast and the report', () => {
    const { fake, script } = fakeAs(EXAMPLE_SECRETARIAT);
    script.setupWorkbook!();
    fake.nextExecution();
    const again = fake.calls.during(() => script.setupWorkbook!());
    const tabs = Object.keys(grids).length;
    expect(fake.ui.dialogs.at(-1)).toMatchObject({
      kind: 'alert',
      content: expect.stringMatching(/^Nothing to repair/),
    });
    expect(again.spreadsheet).toBeLessThanOrEqual(6 * tabs);
    expect(
      Object.keys(again.byMethod).filter((m) =>
        /^(Sheet|Range|Protection)\.(set|insert|add|remove|clear|protect)/.test(m),
      ),
    ).toEqual([]);
  });
});
