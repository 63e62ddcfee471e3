/**
 * The tick and the edit trigger in Sheets, over the fake of the Apps Script services: an execution
 * killed between claim and confirmation (its unflushed writes lost, as Google loses them), a
 * double-fired edit trigger, and how many SpreadsheetApp calls a tick costs.
 */
import { describe, expect, it } from 'vitest';
import { automationStatus } from '../../src/app/automation';
import { hourlyTick, onSheetEdit } from '../../src/app/tick';
import { decodeTable } from '../../src/domain/codec';
import { EVENTS } from '../../src/domain/email/ledger';
import { LogTable, MeetingsTable } from '../../src/domain/tables';
import { gasPorts } from '../../src/gas/ports';
import { sheetEditOf } from '../../src/gas/triggers';
import { createGasFake, type GasFake } from '../fakes/gas';
import { onFixedDay } from '../support/gas-day';
import { gridsOf } from '../domain/rules/support';
import { MAILING_LIST, RCO, SECRETARIAT, emailNetwork } from '../sim/network';

const installed = onFixedDay(new Date(2026, 5, 15, 10, 0, 0));

function install(): GasFake {
  return installed(createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, sheets: gridsOf(emailNetwork()) }));
}

function mailLog(fake: GasFake): string[] {
  return decodeTable(LogTable, fake.sheetValues('Log'))
    .records.slice(1)
    .map((e) => `${e.event} ${e.ref} ${e.outcome ?? '-'} ${e.recipients.join(',')}`);
}

function meeting(fake: GasFake, id: string) {
  return decodeTable(MeetingsTable, fake.sheetValues('Meetings')).records.find((m) => m.id === id);
}

/** The event an installable edit trigger gets when a person edits a range of a tab. */
function editEvent(fake: GasFake, tab: string, a1: string): GoogleAppsScript.Events.SheetsOnEdit {
  const range = (fake.globals.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
    .getActive()
    .getSheetByName(tab)!
    .getRange(a1);
  return { range } as GoogleAppsScript.Events.SheetsOnEdit;
}

describe('an execution killed between claim and confirmation', () => {
  it('loses its confirmation; the claimed message is never sent again and the Secretariat sees it reported', () => {
    const fake = install();
    fake.mail.afterSend = (mail) => {
      if (mail.to.includes(MAILING_LIST)) fake.kill();
    };
    expect(() => hourlyTick(gasPorts())).toThrow('Exceeded maximum execution time');
    expect(fake.sentMail.map((m) => m.to)).toEqual([[MAILING_LIST]]);
    expect(mailLog(fake)).toEqual([`Minutes circulated M-2026-03 Sending ${MAILING_LIST}`]);
    expect(fake.locks.holder).toBeNull();

    fake.nextExecution();
    fake.mail.afterSend = null;
    const report = hourlyTick(gasPorts());
    hourlyTick(gasPorts());
    expect(fake.sentMail.map((m) => m.to)).toEqual([[MAILING_LIST], [RCO]]);
    expect(report.unconfirmed.map((c) => `${c.event} ${c.ref} ${c.recipients.join(',')}`)).toEqual([
      `Minutes circulated M-2026-03 ${MAILING_LIST}`,
    ]);
    expect(mailLog(fake)).toEqual([
      `Minutes circulated M-2026-03 Sending ${MAILING_LIST}`,
      `Delivery unconfirmed M-2026-03 - ${MAILING_LIST}`,
      `Minutes archived with RCO M-2026-03 Sending ${RCO}`,
      `Minutes archived with RCO M-2026-03 Sent ${RCO}`,
    ]);
    expect(meeting(fake, 'M-2026-03')?.minutesCirculatedOn).toBeNull();
    const status = automationStatus(gasPorts());
    expect(
      status.lines.some((l) => l.startsWith(`To check by hand: Minutes circulated for M-2026-03 to ${MAILING_LIST}`)),
    ).toBe(true);
  });

  it('killed after writing its confirmation but before flushing it: the confirmation is lost like the rest, the claim stands', () => {
    const fake = install();
    const app = fake.globals.SpreadsheetApp;
    let armed = false;
    fake.mail.afterSend = (mail) => void (armed = mail.to.includes(MAILING_LIST));
    // The execution dies at the flush that would have made the confirmation durable.
    (globalThis as Record<string, unknown>).SpreadsheetApp = new Proxy(app, {
      get: (target, name) => (name === 'flush' && armed ? () => fake.kill() : Reflect.get(target, name)),
    });
    expect(() => hourlyTick(gasPorts())).toThrow('Exceeded maximum execution time');
    (globalThis as Record<string, unknown>).SpreadsheetApp = app;
    expect(mailLog(fake)).toEqual([`Minutes circulated M-2026-03 Sending ${MAILING_LIST}`]);
    expect(meeting(fake, 'M-2026-03')?.minutesCirculatedOn).toBeNull();
    fake.nextExecution();
    fake.mail.afterSend = null;
    hourlyTick(gasPorts());
    expect(fake.sentMail.map((m) => m.to)).toEqual([[MAILING_LIST], [RCO]]);
    expect(mailLog(fake)[1]).toBe(`Delivery unconfirmed M-2026-03 - ${MAILING_LIST}`);
  });

  it('once the Secretariat fills "Minutes circulated on" by hand, the claim is no longer reported', () => {
    const fake = install();
    fake.mail.afterSend = () => fake.kill();
    expect(() => hourlyTick(gasPorts())).toThrow();
    fake.nextExecution();
    fake.mail.afterSend = null;
    const at = fake.sheetValues('Meetings')[0]!.indexOf('Minutes circulated on');
    fake.setSheetValues('Meetings', [[new Date(2026, 5, 15)]], 4, at + 1);
    expect(automationStatus(gasPorts()).unconfirmed).toEqual([]);
  });
});

/** The network with every approved set of minutes out, and each action last reminded on `remindedOn`. */
function allCirculated(remindedOn: string) {
  const spec = emailNetwork();
  spec.meetings = spec.meetings.map((m) =>
    m.minutesApprovedOn === null
      ? m
      : { ...m, minutesCirculatedOn: m.minutesApprovedOn, sharedWithRcoOn: m.minutesApprovedOn },
  );
  spec.actions = spec.actions.map((a) => ({ ...a, lastRemindedOn: remindedOn }));
  return spec;
}

describe('an hour with nothing due', () => {
  it('reads Settings, Meetings, Actions and Consultations and stops: at most 15 SpreadsheetApp calls, no write, no flush', () => {
    const spec = allCirculated('2026-06-12');
    const fake = installed(createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, sheets: gridsOf(spec) }));
    const run = fake.calls.during(() => hourlyTick(gasPorts()));
    expect(run.result.delivered).toEqual([]);
    expect(run.spreadsheet).toBeLessThanOrEqual(15);
    expect(run.byMethod['Sheet.getSheetValues']).toBe(4);
    expect(run.byMethod['Range.setValues']).toBeUndefined();
    expect(run.byMethod['SpreadsheetApp.flush']).toBeUndefined();
  });

  it('on a day reminders went out, reads the register and the Log too but not Decisions or Answers: at most 17 calls', () => {
    const spec = allCirculated('2026-06-15');
    const fake = installed(createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, sheets: gridsOf(spec) }));
    const run = fake.calls.during(() => hourlyTick(gasPorts()));
    expect(run.result.delivered).toEqual([]);
    expect(run.byMethod['Sheet.getSheetValues']).toBe(7);
    expect(run.spreadsheet).toBeLessThanOrEqual(17);
  });

  it('the hours after a tick that did the work cost at most 15 SpreadsheetApp calls too', () => {
    const fake = install();
    expect(hourlyTick(gasPorts()).delivered.map((d) => d.outcome)).toEqual(['Sent', 'Sent']);
    fake.nextExecution();
    const after = fake.calls.during(() => hourlyTick(gasPorts()));
    expect(after.result.delivered).toEqual([]);
    expect(after.spreadsheet).toBeLessThanOrEqual(15);
    expect(after.byMethod['SpreadsheetApp.flush']).toBeUndefined();
  });

  it('a reminder claimed late yesterday by a run that was then killed is still reported the next morning', () => {
    const spec = allCirculated('2026-06-14');
    spec.log = [
      ...spec.log,
      {
        timestamp: '2026-06-14T23:17:00',
        actor: SECRETARIAT,
        event: EVENTS.reminder,
        ref: 'UNDP',
        recipients: ['fp@undp.org'],
        outcome: 'Sending',
        details: 'a reminder',
      },
    ];
    installed(createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, sheets: gridsOf(spec) }));
    const report = hourlyTick(gasPorts());
    expect(report.unconfirmed.map((c) => c.ref)).toEqual(['UNDP']);
  });
});

describe('the edit trigger', () => {
  it('fired twice for one edit sends the minutes once', () => {
    const fake = install();
    const e = editEvent(fake, 'Meetings', 'L4');
    const first = onSheetEdit(gasPorts(), sheetEditOf(e));
    const second = onSheetEdit(gasPorts(), sheetEditOf(e));
    expect(first?.delivered.map((d) => d.outcome)).toEqual(['Sent', 'Sent']);
    expect(second?.delivered).toEqual([]);
    expect(fake.sentMail.map((m) => m.to)).toEqual([[MAILING_LIST], [RCO]]);
    expect(meeting(fake, 'M-2026-03')).toMatchObject({
      minutesCirculatedOn: '2026-06-15',
      sharedWithRcoOn: '2026-06-15',
    });
  });

  it('an edit of another tab costs a few calls about the edited range and reads no tab', () => {
    const fake = install();
    const e = editEvent(fake, 'Actions', 'B2');
    const run = fake.calls.during(() => onSheetEdit(gasPorts(), sheetEditOf(e)));
    expect(run.result).toBeNull();
    expect(run.byMethod['Sheet.getSheetValues']).toBeUndefined();
  });

  it('waits for the lock: another execution holding it means nothing sent and nothing written', () => {
    const fake = install();
    fake.locks.holdByOther();
    const before = fake.sheetValues('Log');
    const report = hourlyTick(gasPorts());
    expect(report.locked).toBe(false);
    expect(fake.sentMail).toEqual([]);
    expect(fake.sheetValues('Log')).toEqual(before);
    expect(fake.calls.of('Range.setValues')).toBe(0);
  });
});

describe('the claim is durable before the message goes', () => {
  it('flushes the Sending row before MailApp.sendEmail and the Sent row before the lock is let go', () => {
    const fake = install();
    hourlyTick(gasPorts());
    const seq = fake.calls.sequence.filter((m) =>
      ['Range.setValues', 'SpreadsheetApp.flush', 'MailApp.sendEmail', 'Lock.releaseLock'].includes(m),
    );
    const firstSend = seq.indexOf('MailApp.sendEmail');
    expect(seq.slice(firstSend - 2, firstSend + 4)).toEqual([
      'Range.setValues',
      'SpreadsheetApp.flush',
      'MailApp.sendEmail',
      'Range.setValues',
      'Range.setValues',
      'SpreadsheetApp.flush',
    ]);
    expect(seq.at(-2)).toBe('SpreadsheetApp.flush');
    expect(seq.at(-1)).toBe('Lock.releaseLock');
  });
});
