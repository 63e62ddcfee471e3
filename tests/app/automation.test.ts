/**
 * Automation on and off in Sheets, over the fake of ScriptApp: one trigger of each kind whatever is
 * run twice, none left after turning it off, the secretariat only, a Log row per change, and a
 * status that says from whose account the mail goes.
 */
import { describe, expect, it } from 'vitest';
import {
  AUTOMATION_EVENTS,
  automationStatus,
  boundWarning,
  disableAutomation,
  enableAutomation,
} from '../../src/app/automation';
import { NotAuthorizedError } from '../../src/app/authorize';
import { decodeTable } from '../../src/domain/codec';
import { LogTable } from '../../src/domain/tables';
import { gasPorts } from '../../src/gas/ports';
import { createGasFake, type GasFake } from '../fakes/gas';
import { onFixedDay } from '../support/gas-day';
import { gridsOf } from '../domain/rules/support';
import { SECRETARIAT, emailNetwork } from '../sim/network';

const MEMBER = 'dilnoza.yusupova@undp.org';
const CO_CHAIR = 'jon.berg@un.org';

const installed = onFixedDay(new Date(2026, 5, 15, 10, 0, 0));

function install(activeUser = SECRETARIAT): GasFake {
  return installed(
    createGasFake({
      owner: 'owner@un.org',
      activeUser,
      editors: [SECRETARIAT, MEMBER, CO_CHAIR],
      sheets: gridsOf(emailNetwork()),
    }),
  );
}

function triggersOf(fake: GasFake): string[] {
  return fake.triggers.map(
    (t) => `${t.owner} ${t.handler} ${t.eventType}${t.everyHours ? ` every ${t.everyHours}h` : ''}`,
  );
}

function switches(fake: GasFake): string[] {
  return decodeTable(LogTable, fake.sheetValues('Log'))
    .records.filter((e) => e.event.startsWith('Automation'))
    .map((e) => `${e.event} ${e.actor}`);
}

describe('enableAutomation', () => {
  it('run twice installs one edit trigger and one hourly trigger, and logs the change once', () => {
    const fake = install();
    const first = enableAutomation(gasPorts());
    const second = enableAutomation(gasPorts());
    expect(triggersOf(fake)).toEqual([
      `${SECRETARIAT} onEditInstalled ON_EDIT`,
      `${SECRETARIAT} hourlyTick CLOCK every 1h`,
    ]);
    expect([first.changed, second.changed]).toEqual([true, false]);
    expect(second.message).toBe('Automation was already on from your account: nothing changed.');
    expect(switches(fake)).toEqual([`${AUTOMATION_EVENTS.on} ${SECRETARIAT}`]);
    expect(first.status).toMatchObject({ on: true, sender: SECRETARIAT, yours: { edit: true, hourly: true } });
  });

  it('replaces a trigger an older version left under another name, keeping one of each kind', () => {
    const fake = install();
    const S = fake.globals.ScriptApp as unknown as GoogleAppsScript.Script.ScriptApp;
    S.newTrigger('tick').timeBased().everyHours(1).create();
    enableAutomation(gasPorts());
    expect(triggersOf(fake)).toEqual([
      `${SECRETARIAT} onEditInstalled ON_EDIT`,
      `${SECRETARIAT} hourlyTick CLOCK every 1h`,
    ]);
  });

  it('refuses a plain member and installs nothing', () => {
    const fake = install(MEMBER);
    expect(() => enableAutomation(gasPorts())).toThrow(NotAuthorizedError);
    expect(() => enableAutomation(gasPorts())).toThrow('Only the Secretariat can turn automation on or off');
    expect(fake.triggers).toEqual([]);
    expect(switches(fake)).toEqual([]);
  });

  it('from a second secretariat account: says whose triggers keep running', () => {
    const fake = install();
    enableAutomation(gasPorts());
    fake.setContext({ activeUser: CO_CHAIR });
    const change = enableAutomation(gasPorts());
    expect(change.message).toContain(`It was on from ${SECRETARIAT}'s account before`);
    expect(automationStatus(gasPorts())).toMatchObject({ on: true, sender: CO_CHAIR });
  });
});

describe('disableAutomation', () => {
  it('leaves no trigger and logs the change; the status says automation is off', () => {
    const fake = install();
    enableAutomation(gasPorts());
    const change = disableAutomation(gasPorts());
    expect(fake.triggers).toEqual([]);
    expect(change.changed).toBe(true);
    expect(switches(fake)).toEqual([
      `${AUTOMATION_EVENTS.on} ${SECRETARIAT}`,
      `${AUTOMATION_EVENTS.off} ${SECRETARIAT}`,
    ]);
    expect(automationStatus(gasPorts())).toMatchObject({
      on: false,
      sender: '',
      yours: { edit: false, hourly: false },
    });
    expect(disableAutomation(gasPorts()).changed).toBe(false);
  });

  it('cannot remove another user\u2019s triggers, and says so: automation stays on from their account', () => {
    const fake = install();
    enableAutomation(gasPorts());
    fake.setContext({ activeUser: CO_CHAIR });
    const change = disableAutomation(gasPorts());
    expect(change.changed).toBe(false);
    expect(change.message).toContain(`only ${SECRETARIAT} can turn it off`);
    expect(fake.triggers).toHaveLength(2);
    expect(automationStatus(gasPorts())).toMatchObject({
      on: true,
      sender: SECRETARIAT,
      yours: { edit: false, hourly: false },
    });
  });

  it('refuses a plain member and removes nothing', () => {
    const fake = install();
    enableAutomation(gasPorts());
    fake.setContext({ activeUser: MEMBER });
    expect(() => disableAutomation(gasPorts())).toThrow(NotAuthorizedError);
    expect(fake.triggers).toHaveLength(2);
  });
});

describe('automationStatus', () => {
  it('is open to anyone: off until turned on, then on from the account that turned it on', () => {
    const fake = install(MEMBER);
    expect(automationStatus(gasPorts()).lines).toEqual([
      'Automation is off: approved minutes go out only with "Circulate minutes now".',
    ]);
    fake.setContext({ activeUser: SECRETARIAT });
    enableAutomation(gasPorts());
    fake.setContext({ activeUser: MEMBER });
    expect(automationStatus(gasPorts()).lines).toEqual([
      `Automation is on: approved minutes, reminders and retries go out every hour from ${SECRETARIAT}'s account (since 2026-06-15).`,
    ]);
  });
});

describe('where the code runs', () => {
  it('bound to the spreadsheet, whose every editor can change it, the status warns; installed as an add-on it does not', () => {
    const bound = installed(
      createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, addon: false, sheets: gridsOf(emailNetwork()) }),
    );
    expect(automationStatus(gasPorts()).lines).toContain(boundWarning());
    expect(bound.calls.of('ScriptApp.getInstallationSource')).toBe(1);
    install();
    expect(automationStatus(gasPorts()).lines).not.toContain(boundWarning());
  });
});
