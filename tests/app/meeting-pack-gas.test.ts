/**
 * The meeting pack through dist/Code.js over the Apps Script fake: the agenda goes once with its
 * calendar invitation attached, a move sends one update, a cancellation one cancellation, a kill
 * between claim and confirmation resends nothing, and a meeting with no agenda link sends nothing
 * but a reminder to the Secretariat.
 */
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeTable } from '../../src/domain/codec';
import { EVENTS } from '../../src/domain/email/ledger';
import { LogTable, MeetingsTable, type Meeting } from '../../src/domain/tables';
import { createGasFake, type GasFake, type SentMail, type Value } from '../fakes/gas';
import { bundleCode, loadBundle } from '../support/bundle';
import { onFixedDay } from '../support/gas-day';
import { gridsOf, type Spec } from '../domain/rules/support';
import { MAILING_LIST, SECRETARIAT, emailNetwork } from '../sim/network';

const installed = onFixedDay(new Date(2026, 5, 15, 10, 0, 0));

let code = '';
beforeAll(() => {
  code = bundleCode();
});

function network(meeting: Partial<Meeting> = {}): Spec {
  const spec = emailNetwork();
  spec.settings = { ...spec.settings, timeZone: 'Asia/Tashkent' };
  spec.meetings.push({
    id: 'M-2026-04',
    date: '2026-06-19',
    kind: 'Regular',
    mode: 'Hybrid',
    title: 'Q3 2026 meeting',
    time: '14:00',
    venueOrLink: 'UN House, Tashkent',
    agendaLink: 'https://docs.example/agenda-4',
    status: 'Planned',
    ...meeting,
  });
  return spec;
}

function install(spec: Spec): GasFake {
  return installed(createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, sheets: gridsOf(spec) }));
}

/** One hourly tick, as the trigger runs it: a new execution of dist/Code.js. */
function tick(fake: GasFake): void {
  fake.nextExecution();
  loadBundle(code, fake).hourlyTick!();
}

function invitations(fake: GasFake): SentMail[] {
  return fake.sentMail.filter((m) => m.attachments.length > 0);
}

function event(mail: SentMail) {
  const [attachment] = mail.attachments;
  expect(attachment?.name).toBe('invite.ics');
  expect(attachment?.contentType).toBe('text/calendar');
  const calendar = new ICAL.Component(ICAL.parse(attachment!.text));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    start: String(vevent.getFirstPropertyValue('dtstart')),
    tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
  };
}

function logOf(fake: GasFake, event: string) {
  return decodeTable(LogTable, fake.sheetValues('Log')).records.filter((e) => e.event === event);
}

function meetingOf(fake: GasFake, id: string) {
  return decodeTable(MeetingsTable, fake.sheetValues('Meetings')).records.find((m) => m.id === id)!;
}

/** A person types into one cell of the meeting's row. */
function edit(fake: GasFake, id: string, header: string, value: Value): void {
  const grid = fake.sheetValues('Meetings');
  const column = grid[0]!.indexOf(header);
  const row = grid.findIndex((r) => r[0] === id);
  fake.setSheetValues('Meetings', [[value]], row + 1, column + 1);
}

describe('the meeting pack through dist/Code.js', () => {
  it('sends the agenda once over two ticks with the invitation, then one update per move and one cancellation', () => {
    const fake = install(network());
    tick(fake);
    tick(fake);
    const [agenda] = invitations(fake);
    expect(invitations(fake)).toHaveLength(1);
    expect(agenda!.to).toContain(MAILING_LIST);
    expect(agenda!.body).toContain('https://docs.example/agenda-4');
    expect(agenda!.body).toContain('Matters arising');
    const first = event(agenda!);
    expect(first).toMatchObject({
      method: 'REQUEST',
      sequence: 0,
      start: '2026-06-19T14:00:00',
      tzid: 'Asia/Tashkent',
    });
    expect(meetingOf(fake, 'M-2026-04').agendaCirculatedOn).toBe('2026-06-15');
    expect(logOf(fake, EVENTS.agendaCirculated).map((e) => e.outcome)).toEqual(['Sending', 'Sent']);

    edit(fake, 'M-2026-04', 'Date', '2026-06-22');
    tick(fake);
    tick(fake);
    expect(invitations(fake)).toHaveLength(2);
    const moved = event(invitations(fake)[1]!);
    expect(moved).toMatchObject({ method: 'REQUEST', uid: first.uid, start: '2026-06-22T14:00:00' });
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    expect(logOf(fake, EVENTS.invitationUpdated).filter((e) => e.outcome === 'Sent')).toHaveLength(1);

    edit(fake, 'M-2026-04', 'Venue or link', 'https://meet.example/q3');
    tick(fake);
    tick(fake);
    expect(invitations(fake)).toHaveLength(3);
    const relinked = event(invitations(fake)[2]!);
    expect(relinked.uid).toBe(first.uid);
    expect(relinked.sequence).toBeGreaterThan(moved.sequence);

    edit(fake, 'M-2026-04', 'Status', 'Cancelled');
    tick(fake);
    tick(fake);
    expect(invitations(fake)).toHaveLength(4);
    const cancelled = event(invitations(fake)[3]!);
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.uid).toBe(first.uid);
    expect(cancelled.sequence).toBeGreaterThan(relinked.sequence);
    expect(logOf(fake, EVENTS.invitationCancelled).map((e) => e.outcome)).toEqual(['Sending', 'Sent']);
  });

  it('resends nothing after an execution killed between the claim and the confirmation', () => {
    const fake = install(network());
    fake.mail.afterSend = (mail) => {
      if (mail.attachments.length > 0) fake.kill();
    };
    fake.nextExecution();
    expect(() => loadBundle(code, fake).hourlyTick!()).toThrow('Exceeded maximum execution time');
    fake.mail.afterSend = null;
    tick(fake);
    tick(fake);
    expect(invitations(fake)).toHaveLength(1);
    expect(logOf(fake, EVENTS.agendaCirculated).map((e) => e.outcome)).toEqual(['Sending']);
    expect(logOf(fake, EVENTS.unconfirmed).map((e) => e.ref)).toContain('M-2026-04');
    expect(meetingOf(fake, 'M-2026-04').agendaCirculatedOn).toBeNull();
  });

  it('sends nothing for a meeting with no agenda link and reminds the Secretariat instead', () => {
    const fake = install(network({ agendaLink: '' }));
    tick(fake);
    tick(fake);
    expect(invitations(fake)).toEqual([]);
    const reminders = fake.sentMail.filter((m) => m.subject.includes('agenda'));
    expect(reminders.map((m) => m.to)).toEqual([[SECRETARIAT]]);
    expect(reminders[0]!.body).toContain('Agenda link');
    expect(meetingOf(fake, 'M-2026-04').agendaCirculatedOn).toBeNull();
  });
});
