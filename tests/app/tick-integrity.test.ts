/**
 * The tick over the Apps Script fake while people edit the spreadsheet: the document lock keeps other
 * executions out, not a person inserting, deleting or sorting rows between two of the tick's calls.
 * Also a duplicated ID, damaged headers, callers the tick's work is not for, and a Log row out of bounds.
 */
import { describe, expect, it, vi } from 'vitest';
import { automationStatus } from '../../src/app/automation';
import { hourlyTick } from '../../src/app/tick';
import { decodeTable } from '../../src/domain/codec';
import { EVENTS } from '../../src/domain/email/ledger';
import { ActionsTable, LogTable, MeetingsTable } from '../../src/domain/tables';
import { gasPorts } from '../../src/gas/ports';
import { createGasFake, type GasFake } from '../fakes/gas';
import { onFixedDay } from '../support/gas-day';
import { gridsOf, type Spec } from '../domain/rules/support';
import { MAILING_LIST, RCO, SECRETARIAT, busyNetwork } from '../sim/network';

const installed = onFixedDay(new Date(2026, 5, 15, 10, 0, 0));
const UNDP = 'dilnoza.yusupova@undp.org';

function install(spec: Spec = busyNetwork()): GasFake {
  return installed(createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, sheets: gridsOf(spec) }));
}

/** Each row's dated cells the tick may write, by ID. */
function dates(fake: GasFake): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of decodeTable(MeetingsTable, fake.sheetValues('Meetings')).records)
    out.set(m.id, `${m.minutesCirculatedOn} ${m.sharedWithRcoOn}`);
  for (const a of decodeTable(ActionsTable, fake.sheetValues('Actions')).records) out.set(a.id, `${a.lastRemindedOn}`);
  return out;
}

function logOf(fake: GasFake) {
  return decodeTable(LogTable, fake.sheetValues('Log')).records;
}

/** Where the tick must put its dates on 2026-06-15, whatever row each ID is on. */
function expected(before: Map<string, string>): Map<string, string> {
  const out = new Map(before);
  out.set('M-2026-03', '2026-06-15 2026-06-15');
  for (const id of ['A-2026-003', 'A-2026-004']) out.set(id, '2026-06-15');
  return out;
}

const SENT = [[MAILING_LIST], [RCO], [UNDP], ['jon.berg@un.org']];

/** How many service calls a tick makes when nobody edits. */
function callsOfATick(): number {
  const fake = install();
  return fake.calls.during(() => hourlyTick(gasPorts())).total;
}

describe('a person edits while the tick holds the lock', () => {
  const edits: [string, (fake: GasFake) => void][] = [
    ['inserts a row at the top of Meetings', (fake) => fake.person.insertRows('Meetings', 2)],
    ['sorts Meetings by ID, newest first', (fake) => fake.person.sortRows('Meetings', 1, true)],
    ['inserts a row at the top of Actions', (fake) => fake.person.insertRows('Actions', 2)],
    ['sorts Actions by ID, newest first', (fake) => fake.person.sortRows('Actions', 1, true)],
    ['deletes the first meeting', (fake) => fake.person.deleteRows('Meetings', 2)],
  ];
  for (const [what, edit] of edits) {
    it(`${what} before any one of its calls: every date lands on its ID, nothing goes twice`, () => {
      const total = callsOfATick();
      for (let k = 1; k <= total; k++) {
        const fake = install();
        const before = dates(fake);
        let n = 0;
        fake.person.between(() => {
          if (++n === k) edit(fake);
        });
        hourlyTick(gasPorts());
        fake.person.between(null);
        fake.nextExecution();
        hourlyTick(gasPorts());
        const after = dates(fake);
        const want = expected(before);
        for (const id of [...want.keys()].filter((id) => !after.has(id))) want.delete(id);
        expect(after, `edit before call ${k} of ${total}`).toEqual(want);
        for (const tab of ['Meetings', 'Actions'])
          expect(
            fake.sheetValues(tab).filter((row) => row[0] === '' && row.some((v) => v !== '')),
            `${tab}, edit before call ${k}`,
          ).toEqual([]);
        expect(fake.sentMail.map((m) => m.to).sort(), `edit before call ${k}`).toEqual([...SENT].sort());
      }
    });
  }

  it('inserts a row where a date goes, then sorts a few calls later, anywhere in the tick: the cells given back are checked too', () => {
    // A-2026-001 and A-2026-002 were reminded three days ago: a date given back to the wrong row would show on them.
    const spec = busyNetwork();
    spec.actions = spec.actions.map((a) =>
      a.id === 'A-2026-001' || a.id === 'A-2026-002' ? { ...a, lastRemindedOn: '2026-06-12' } : a,
    );
    const total = callsOfATick();
    // Row 4 holds A-2026-003, whose reminder date the tick writes first: the new row takes its place.
    for (let k = 1; k <= total; k++) {
      for (let gap = 1; gap <= 6; gap++) {
        const fake = install(spec);
        const before = dates(fake);
        let n = 0;
        fake.person.between(() => {
          n++;
          if (n === k) fake.person.insertRows('Actions', 4);
          if (n === k + gap) fake.person.sortRows('Actions', 1, true);
        });
        hourlyTick(gasPorts());
        fake.person.between(null);
        fake.nextExecution();
        hourlyTick(gasPorts());
        expect(dates(fake), `a row inserted before call ${k}, sorted ${gap} calls later`).toEqual(expected(before));
      }
    }
  });

  it('a date that cannot be written is left alone with a Log line, and written at the next tick', () => {
    const fake = install();
    // Right after the minutes go, a person inserts a row and types a duplicate of the meeting's ID, then removes it.
    fake.mail.afterSend = (mail) => {
      if (!mail.to.includes(MAILING_LIST)) return;
      fake.person.insertRows('Meetings', 2);
      fake.setSheetValues('Meetings', [['M-2026-03']], 2, 1);
    };
    hourlyTick(gasPorts());
    fake.mail.afterSend = null;
    expect(
      logOf(fake)
        .filter((e) => e.event === EVENTS.notWritten)
        .map((e) => e.details.slice(0, e.details.indexOf(':'))),
    ).toEqual([
      'Minutes circulated on of M-2026-03 was not written',
      'Shared with RCO on of M-2026-03 was not written',
    ]);
    fake.person.deleteRows('Meetings', 2);
    fake.nextExecution();
    hourlyTick(gasPorts());
    expect(dates(fake).get('M-2026-03')).toBe('2026-06-15 2026-06-15');
    expect(fake.sentMail.filter((m) => m.to.includes(MAILING_LIST))).toHaveLength(1);
  });
});

describe('a reminder whose claim is half written', () => {
  it('sends nothing, gives back the dates it wrote, and goes at the next tick without the action a person just dated', () => {
    const spec = busyNetwork();
    spec.actions.push({
      id: 'A-2026-005',
      source: 'D-2026-03',
      action: 'Collect the figures',
      owner: 'UNDP',
      due: '2026-06-19',
      status: 'Open',
    });
    const fake = install(spec);
    const remindedAt = fake.sheetValues('Actions')[0]!.indexOf('Last reminded on') + 1;
    let quotaChecks = 0;
    // UNDP's reminder is the third message: as it is checked against the quota, a person dates A-2026-005.
    fake.person.between((method) => {
      if (method === 'MailApp.getRemainingDailyQuota' && ++quotaChecks === 3)
        fake.setSheetValues('Actions', [[new Date(2026, 5, 14)]], 6, remindedAt);
    });
    hourlyTick(gasPorts());
    fake.person.between(null);
    expect(fake.sentMail.map((m) => m.to)).not.toContainEqual([UNDP]);
    expect(dates(fake).get('A-2026-004')).toBe('null');
    expect(
      logOf(fake)
        .filter((e) => e.event === EVENTS.notWritten)
        .map((e) => e.ref),
    ).toEqual(['A-2026-005']);
    hourlyTick(gasPorts());
    expect(fake.sentMail.filter((m) => m.to.includes(UNDP))).toHaveLength(1);
    expect([dates(fake).get('A-2026-004'), dates(fake).get('A-2026-005')]).toEqual(['2026-06-15', '2026-06-14']);
  });
});

describe('a meeting ID on two rows', () => {
  it('holds both back from every delivery and write, and the automation status says why', () => {
    const spec = busyNetwork();
    const copy = {
      ...spec.meetings.find((m) => m.id === 'M-2026-03')!,
      title: 'A copy',
      minutesLink: 'https://docs.example/copy',
    };
    spec.meetings.push(copy);
    const fake = install(spec);
    const meetings = fake.sheetValues('Meetings');
    hourlyTick(gasPorts());
    hourlyTick(gasPorts());
    expect(fake.sentMail.map((m) => m.to).sort()).toEqual([[UNDP], ['jon.berg@un.org']].sort());
    expect(logOf(fake).filter((e) => e.ref === 'M-2026-03')).toEqual([]);
    expect(fake.sheetValues('Meetings')).toEqual(meetings);
    expect(automationStatus(gasPorts()).lines.join('\n')).toContain(
      'Held back: M-2026-03 is the ID of rows 4 and 5 of Meetings: nothing of it goes out and no date is written to it until one of them gets another ID.',
    );
  });
});

describe('a damaged header', () => {
  /** Six ticks on six days; returns the messages sent and the Log rows written. */
  function sixTicks(damage: (fake: GasFake) => void) {
    const fake = install();
    damage(fake);
    const log = fake.sheetValues('Log').length;
    for (let day = 0; day < 6; day++) {
      vi.setSystemTime(new Date(2026, 5, 15 + day, 10, 0, 0));
      fake.nextExecution();
      hourlyTick(gasPorts());
    }
    return { fake, sent: fake.sentMail.map((m) => m.to.join(',')), logged: fake.sheetValues('Log').slice(log) };
  }
  const header = (fake: GasFake, tab: string, name: string) => fake.sheetValues(tab)[0]!.indexOf(name) + 1;

  const logDamage: [string, (fake: GasFake) => void][] = [
    [
      'a title row above the Log header',
      (fake) => {
        fake.person.insertRows('Log', 1);
        fake.setSheetValues('Log', [['The network log']], 1, 1);
      },
    ],
    ['Event renamed', (fake) => fake.setSheetValues('Log', [['What']], 1, header(fake, 'Log', 'Event'))],
    ['Outcome renamed', (fake) => fake.setSheetValues('Log', [['Result']], 1, header(fake, 'Log', 'Outcome'))],
    ['Recipients cleared', (fake) => fake.setSheetValues('Log', [['']], 1, header(fake, 'Log', 'Recipients'))],
  ];
  for (const [what, damage] of logDamage) {
    it(`in the Log (${what}) stops every delivery: nothing sent, nothing written, and the status says why`, () => {
      const { fake, sent, logged } = sixTicks(damage);
      expect(sent).toEqual([]);
      expect(logged).toEqual([]);
      expect(
        automationStatus(gasPorts()).lines.some((l) => l.startsWith('Automation is stopped for the Log tab:')),
      ).toBe(true);
      expect(fake.ui.toasts).toEqual([]);
    });
  }

  it('in Actions ("Last reminded on" renamed) stops the reminders with one Log row and one toast; the minutes still go once', () => {
    const { fake, sent, logged } = sixTicks((fake) =>
      fake.setSheetValues('Actions', [['Reminded']], 1, header(fake, 'Actions', 'Last reminded on')),
    );
    expect(sent.sort()).toEqual([MAILING_LIST, RCO].sort());
    const stopped = logged.filter((row) => row.includes(EVENTS.stopped));
    expect(stopped).toHaveLength(1);
    expect(stopped[0]).toContain('Actions');
    expect(fake.ui.toasts.map((t) => t.message)).toEqual([
      expect.stringContaining('Automation is stopped for the Actions tab: row 1 has no column Last reminded on'),
    ]);
    expect(automationStatus(gasPorts()).lines).toContain(fake.ui.toasts[0]!.message);
  });

  it('in Meetings (a title row above it) stops the minutes with one Log row; the reminders still go once a day', () => {
    const { sent, logged } = sixTicks((fake) => {
      fake.person.insertRows('Meetings', 1);
      fake.setSheetValues('Meetings', [['Meetings of the network']], 1, 1);
    });
    expect(sent.filter((to) => to === MAILING_LIST || to === RCO)).toEqual([]);
    const stopped = logged.filter((row) => row.includes(EVENTS.stopped));
    expect(stopped).toHaveLength(1);
    expect(stopped[0]!.join(' ')).toContain('its header is in row 2, not row 1');
  });
});

describe('a Log row dated 9999', () => {
  it('is ignored: it does not stop an agency reminder for good', () => {
    const spec = busyNetwork();
    spec.log.push({
      timestamp: '9999-06-15T10:00:00',
      actor: SECRETARIAT,
      event: EVENTS.reminder,
      ref: 'UNDP',
      recipients: [UNDP],
      outcome: 'Sent',
      details: 'a reminder',
    });
    const fake = install(spec);
    hourlyTick(gasPorts());
    expect(fake.sentMail.map((m) => m.to)).toContainEqual([UNDP]);
  });
});
