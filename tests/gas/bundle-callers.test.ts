/**
 * Every top-level function of dist/Code.js is reachable from any page of the add-on through
 * google.script.run, so each one checks who calls it. Called by a member, a stranger and a user Google
 * does not name, on a network with minutes and reminders due and automation on, none sends mail or
 * changes a data tab (result tabs, which anyone who may run reports writes, aside).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AUTOMATION_EVENTS } from '../../src/app/automation';
import { TABLES } from '../../src/domain/tables';
import { createGasFake } from '../fakes/gas';
import { bundleCode, loadBundle } from '../support/bundle';
import { gridsOf } from '../domain/rules/support';
import { onFixedDay } from '../support/gas-day';
import { SECRETARIAT, busyNetwork } from '../sim/network';

const installed = onFixedDay(new Date(2026, 5, 15, 10, 0, 0));
const DATA_TABS = TABLES.filter((t) => t.name !== 'Compliance').map((t) => t.name);

let code = '';
beforeAll(() => {
  code = bundleCode();
});

/** Top-level function declarations of a script, as Apps Script finds them. */
function topLevelFunctions(): string[] {
  return [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1] as string);
}

function network() {
  const spec = busyNetwork();
  spec.log.push({
    timestamp: '2026-06-01T09:00:00',
    actor: SECRETARIAT,
    event: AUTOMATION_EVENTS.on,
    ref: '',
    recipients: [],
    outcome: 'Done',
    details: 'on',
  });
  // A consultation whose proposals are due and whose deadline has passed: sending and closing are both owed.
  spec.consultations = [
    {
      id: 'C-2026-01',
      openedOn: '2026-06-01',
      deadline: '2026-06-12',
      kind: 'No objection',
      title: 'A proposal',
      proposal: 'Agree.',
      status: 'Open',
    },
  ];
  return gridsOf(spec);
}

const CALLERS = { member: 'dilnoza.yusupova@undp.org', stranger: 'someone@gmail.com', 'user Google does not name': '' };

describe.each(Object.entries(CALLERS))('every top-level function called by a %s', (_who, user) => {
  it('sends nothing and writes no data tab', () => {
    const names = topLevelFunctions();
    expect(names).toEqual(
      expect.arrayContaining(['hourlyTick', 'onEditInstalled', 'circulateMinutesNow', 'confirmCirculation']),
    );
    for (const name of names) {
      const fake = installed(
        createGasFake({
          owner: 'owner@un.org',
          activeUser: user,
          editors: [CALLERS.member, SECRETARIAT],
          sheets: network(),
        }),
      );
      const before = DATA_TABS.map((tab) => (fake.sheetNames().includes(tab) ? fake.sheetValues(tab) : null));
      const script = loadBundle(code, fake);
      const edit = {
        range: (fake.globals.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
          .getActive()
          .getSheetByName('Meetings')!
          .getRange('L4'),
        authMode: 'FULL',
      };
      const valid: Record<string, unknown> = {
        onEditInstalled: edit,
        confirmCirculation: { meetings: ['M-2026-03'] },
        openConsultation: { title: 'T', proposal: 'P', kind: 'No objection', deadline: '2026-06-30' },
        closeConsultation: { id: 'C-2026-01' },
      };
      const argument = valid[name] ?? { authMode: 'FULL' };
      try {
        script[name]!(argument);
      } catch {
        // A refusal may be thrown to the page: what matters is what did not happen.
      }
      expect(fake.sentMail, `${name} sent mail`).toEqual([]);
      expect(
        DATA_TABS.map((tab) => (fake.sheetNames().includes(tab) ? fake.sheetValues(tab) : null)),
        `${name} wrote to a data tab`,
      ).toEqual(before);
    }
  });
});

describe('the account that turned automation on', () => {
  it('runs the hourly tick through the bundle: the control the others fail', () => {
    const fake = installed(createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, sheets: network() }));
    loadBundle(code, fake).hourlyTick!();
    expect(fake.sentMail.length).toBeGreaterThan(0);
  });
});
