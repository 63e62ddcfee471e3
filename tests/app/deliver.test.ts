/**
 * The exactly-once protocol against the simulation of tests/sim: executions that overlap around the
 * document lock, sends that fail, executions killed between claim and confirmation, a quota too
 * small, too little time left. Whatever happens, no recipient gets a message twice.
 */
import { describe, expect, it } from 'vitest';
import { deliver, FAILURES_A_DAY, TIME_BUDGET_MS } from '../../src/app/deliver';
import { hourlyTick, onSheetEdit } from '../../src/app/tick';
import { emailKey } from '../../src/domain/words';
import {
  MAILING_LIST,
  RCO,
  actionOf,
  emailNetwork,
  logOf,
  mailLog,
  meetingOf,
  withFocalPoints,
  worldOf,
} from '../sim/network';
import type { World } from '../sim/world';

/** How many messages each recipient got. */
function perRecipient(world: World): Map<string, number> {
  const counts = new Map<string, number>();
  for (const email of world.sent) for (const r of email.to) counts.set(emailKey(r), (counts.get(emailKey(r)) ?? 0) + 1);
  return counts;
}

describe('one tick', () => {
  it('sends the approved minutes to the mailing list and the archive copy to the RCO, logs claim and confirmation, fills the dates', () => {
    const world = worldOf(emailNetwork());
    const { value: report } = world.run((ports) => hourlyTick(ports));
    expect(world.sent.map((e) => e.to)).toEqual([[MAILING_LIST], [RCO]]);
    expect(world.sent[0]!.replyTo).toBe('akarimova@iom.int');
    expect(mailLog(world)).toEqual([
      `Minutes circulated M-2026-03 Sending ${MAILING_LIST}`,
      `Minutes circulated M-2026-03 Sent ${MAILING_LIST}`,
      `Minutes archived with RCO M-2026-03 Sending ${RCO}`,
      `Minutes archived with RCO M-2026-03 Sent ${RCO}`,
    ]);
    expect(meetingOf(world, 'M-2026-03')).toMatchObject({
      minutesCirculatedOn: '2026-06-15',
      sharedWithRcoOn: '2026-06-15',
    });
    expect(report?.delivered.map((d) => d.outcome)).toEqual(['Sent', 'Sent']);
    world.run((ports) => hourlyTick(ports));
    expect(world.sent).toHaveLength(2);
    expect(mailLog(world)).toHaveLength(4);
  });

  it('puts nothing in the Log and sends nothing when nothing is due', () => {
    const spec = emailNetwork();
    spec.meetings = spec.meetings.filter((m) => m.id !== 'M-2026-03');
    const world = worldOf(spec);
    const before = world.tab('Log');
    world.run((ports) => hourlyTick(ports));
    expect(world.sent).toEqual([]);
    expect(world.tab('Log')).toEqual(before);
  });
});

describe('exactly once', () => {
  it('two ticks interleaved around the lock: the second, locked out, writes and sends nothing; the third finds nothing left', () => {
    const world = worldOf(withFocalPoints(emailNetwork(), 120));
    const during: { locked: boolean; log: number; sent: number }[] = [];
    world.afterSend = () => {
      if (during.length > 0) return;
      const logRows = world.tab('Log').length;
      const sent = world.sent.length;
      const { value } = world.run((ports) => hourlyTick(ports));
      during.push({ locked: value!.locked, log: world.tab('Log').length - logRows, sent: world.sent.length - sent });
    };
    world.run((ports) => hourlyTick(ports));
    world.afterSend = null;
    expect(during).toEqual([{ locked: false, log: 0, sent: 0 }]);
    const { value: third } = world.run((ports) => hourlyTick(ports));
    expect(third?.delivered).toEqual([]);
    expect(world.sent.map((e) => e.execution)).toEqual([1, 1, 1, 1]);
    expect([...perRecipient(world).values()].every((n) => n === 1)).toBe(true);
    expect(perRecipient(world).size).toBe(124);
  });

  it('a tick that read the workbook before another sent re-reads under the lock and sends nothing', () => {
    const world = worldOf(emailNetwork());
    const { value: report } = world.run((ports) => {
      const before = ports.workbook.read('Meetings');
      world.run((other) => hourlyTick(other));
      expect(before).not.toEqual(ports.workbook.read('Meetings'));
      return deliver(ports, { reminders: false });
    });
    expect(report?.delivered).toEqual([]);
    expect(world.sent.map((e) => e.execution)).toEqual([2, 2]);
  });

  it('a double-fired edit trigger sends the minutes once', () => {
    const world = worldOf(emailNetwork());
    const edit = { tab: 'Meetings', firstRow: 4, lastRow: 4 };
    const first = world.run((ports) => onSheetEdit(ports, edit));
    const second = world.run((ports) => onSheetEdit(ports, edit));
    expect(first.value?.delivered.map((d) => d.outcome)).toEqual(['Sent', 'Sent']);
    expect(second.value?.delivered).toEqual([]);
    expect(world.sent).toHaveLength(2);
  });

  it('an edit of another tab reads nothing and sends nothing', () => {
    const world = worldOf(emailNetwork());
    const { value } = world.run((ports) => onSheetEdit(ports, { tab: 'Actions', firstRow: 2, lastRow: 2 }));
    expect(value).toBeNull();
    expect(world.sent).toEqual([]);
  });

  it('a message Google refuses all day is tried three times that day, not every hour, and again the next day', () => {
    const world = worldOf(emailNetwork());
    world.beforeSend = (email) => {
      if (email.to.includes(RCO)) throw new Error('Invalid email: rco');
    };
    for (let hour = 0; hour < 24; hour++) {
      world.minutes = hour * 60 + 17;
      world.run((ports) => hourlyTick(ports));
    }
    const failed = () =>
      mailLog(world).filter((l) => l.startsWith('Minutes archived with RCO') && l.includes(' Failed '));
    expect(failed()).toHaveLength(FAILURES_A_DAY);
    world.today = '2026-06-16';
    world.run((ports) => hourlyTick(ports));
    expect(failed()).toHaveLength(FAILURES_A_DAY + 1);
    expect(world.sent.filter((e) => e.to.includes(MAILING_LIST))).toHaveLength(1);
  });

  it('a send failing half-way is logged Failed, and the next two ticks send the rest once and nothing more', () => {
    const world = worldOf(withFocalPoints(emailNetwork(), 120));
    let sends = 0;
    world.beforeSend = () => {
      if (++sends === 2) throw new Error('Service unavailable: Gmail');
    };
    const first = world.run((ports) => hourlyTick(ports));
    expect(first.value?.delivered.map((d) => `${d.event} ${d.outcome} ${d.recipients.length}`)).toEqual([
      'Minutes circulated Sent 50',
      'Minutes circulated Failed 50',
      'Minutes circulated Sent 23',
      'Minutes archived with RCO Sent 1',
    ]);
    expect(first.value?.delivered[1]?.details).toContain('Service unavailable: Gmail');
    expect(meetingOf(world, 'M-2026-03')?.minutesCirculatedOn).toBeNull();
    expect(meetingOf(world, 'M-2026-03')?.sharedWithRcoOn).toBe('2026-06-15');

    const second = world.run((ports) => hourlyTick(ports));
    expect(second.value?.delivered.map((d) => `${d.event} ${d.outcome} ${d.recipients.length}`)).toEqual([
      'Minutes circulated Sent 50',
    ]);
    expect(meetingOf(world, 'M-2026-03')?.minutesCirculatedOn).toBe('2026-06-15');

    const third = world.run((ports) => hourlyTick(ports));
    expect(third.value?.delivered).toEqual([]);
    expect([...perRecipient(world).values()].every((n) => n === 1)).toBe(true);
    expect(perRecipient(world).size).toBe(124);
  });

  it('an execution killed after its claim and before sending: the claim holds, nothing is sent automatically, the next tick reports it', () => {
    const world = worldOf(emailNetwork());
    world.beforeSend = (_email, execution) => execution.kill();
    const killed = world.run((ports) => hourlyTick(ports));
    expect(killed.killed).toBe(true);
    expect(mailLog(world)).toEqual([`Minutes circulated M-2026-03 Sending ${MAILING_LIST}`]);
    world.beforeSend = null;
    const next = world.run((ports) => hourlyTick(ports));
    expect(world.sent.map((e) => e.to)).toEqual([[RCO]]);
    expect(next.value?.unconfirmed.map((c) => `${c.event} ${c.ref}`)).toEqual(['Minutes circulated M-2026-03']);
    expect(mailLog(world)[1]).toBe(`Delivery unconfirmed M-2026-03 - ${MAILING_LIST}`);
    expect(meetingOf(world, 'M-2026-03')?.minutesCirculatedOn).toBeNull();
    world.run((ports) => hourlyTick(ports));
    expect(mailLog(world).filter((l) => l.startsWith('Delivery unconfirmed'))).toHaveLength(1);
    expect(world.sent).toHaveLength(1);
  });

  it('the archive copy failing after the members\u2019 copy: the next tick sends the archive copy alone', () => {
    const world = worldOf(emailNetwork());
    world.beforeSend = (email) => {
      if (email.to.includes(RCO)) throw new Error('Invalid email: rco');
    };
    world.run((ports) => hourlyTick(ports));
    expect(meetingOf(world, 'M-2026-03')).toMatchObject({ minutesCirculatedOn: '2026-06-15', sharedWithRcoOn: null });
    world.beforeSend = null;
    world.run((ports) => hourlyTick(ports));
    expect(world.sent.map((e) => e.to)).toEqual([[MAILING_LIST], [RCO]]);
    expect(meetingOf(world, 'M-2026-03')?.sharedWithRcoOn).toBe('2026-06-15');
    expect(mailLog(world).map((l) => l.split(' ').slice(-2, -1)[0])).toEqual([
      'Sending',
      'Sent',
      'Sending',
      'Failed',
      'Sending',
      'Sent',
    ]);
  });
});

describe('quota and time', () => {
  it('a quota too small sends nothing, logs Deferred once a day, and the next tick sends once the quota allows', () => {
    const world = worldOf(withFocalPoints(emailNetwork(), 60));
    world.quota = 30;
    const first = world.run((ports) => hourlyTick(ports));
    expect(world.sent).toEqual([]);
    expect(first.value?.stopped).toBe('quota');
    expect(mailLog(world)).toEqual([
      `Minutes circulated M-2026-03 Deferred ${first.value?.delivered[0]?.recipients.join(',')}`,
    ]);
    expect(first.value?.delivered[0]?.details).toContain('needs 50 recipients');
    world.run((ports) => hourlyTick(ports));
    expect(mailLog(world)).toHaveLength(1);
    world.quota = 100;
    world.run((ports) => hourlyTick(ports));
    expect(world.sent.map((e) => e.to.length)).toEqual([50, 13, 1]);
    expect(meetingOf(world, 'M-2026-03')?.minutesCirculatedOn).toBe('2026-06-15');
  });

  it('starts no message after 4.5 minutes; the next tick sends the rest', () => {
    const world = worldOf(withFocalPoints(emailNetwork(), 120));
    const first = world.run((ports) => hourlyTick(ports), {
      elapsedMs: () => (world.sent.length >= 1 ? TIME_BUDGET_MS + 1 : 0),
    });
    expect(first.value?.stopped).toBe('time');
    expect(world.sent).toHaveLength(1);
    world.run((ports) => hourlyTick(ports));
    expect(world.sent.map((e) => e.to.length)).toEqual([50, 50, 23, 1]);
  });
});

describe('recipients', () => {
  it('120 focal points and no mailing list: three messages of at most 50, Reply-To the Secretariat', () => {
    const world = worldOf(withFocalPoints(emailNetwork(), 120));
    world.run((ports) => deliver(ports, { reminders: false }));
    const members = world.sent.filter((e) => !e.to.includes(RCO));
    expect(members.map((e) => e.to.length)).toEqual([50, 50, 23]);
    expect(members.every((e) => e.replyTo === 'akarimova@iom.int')).toBe(true);
    expect(new Set(members.flatMap((e) => e.to)).size).toBe(123);
  });

  it('holds back a personal address under corporate domains with one Refused row, whatever the message', () => {
    const spec = emailNetwork();
    spec.settings = { ...spec.settings, mailingList: null, corporateEmailDomains: ['un.org', 'iom.int', 'undp.org'] };
    spec.focalPoints.push({
      agency: 'UNDP',
      name: 'Home',
      email: 'dilnoza@gmail.com',
      kind: 'Alternate',
      active: true,
    });
    spec.actions.push({
      id: 'A-2026-009',
      source: 'D-2026-03',
      action: 'Call',
      owner: 'UNDP',
      due: '2026-06-16',
      status: 'Open',
    });
    const world = worldOf(spec);
    world.run((ports) => hourlyTick(ports));
    world.run((ports) => hourlyTick(ports));
    expect(world.sent.some((e) => e.to.includes('dilnoza@gmail.com'))).toBe(false);
    expect(world.sent.some((e) => e.to.includes('dilnoza.yusupova@undp.org'))).toBe(true);
    const refused = logOf(world).filter((e) => e.outcome === 'Refused');
    expect(refused.map((e) => e.recipients)).toEqual([['dilnoza@gmail.com']]);
    expect(refused[0]?.details).toContain('a personal address is held back');
  });

  it('writes no reminder date for an action whose owner can only be written to at a held-back address', () => {
    const spec = emailNetwork();
    spec.settings = { ...spec.settings, mailingList: null, corporateEmailDomains: ['un.org', 'iom.int', 'undp.org'] };
    spec.members.push({
      agency: 'WFP',
      name: 'World Food Programme',
      roles: ['Member'],
      status: 'Active',
      joinedOn: '2025-12-01',
      leftOn: null,
    });
    spec.focalPoints.push({
      agency: 'WFP',
      name: 'Home',
      email: 'wfp.person@gmail.com',
      kind: 'Primary',
      active: true,
    });
    spec.actions.push({
      id: 'A-2026-009',
      source: 'D-2026-03',
      action: 'Call',
      owner: 'WFP',
      due: '2026-06-16',
      status: 'Open',
    });
    const world = worldOf(spec);
    world.run((ports) => hourlyTick(ports));
    world.run((ports) => hourlyTick(ports));
    expect(world.sent.some((e) => e.to.includes('wfp.person@gmail.com'))).toBe(false);
    expect(
      logOf(world)
        .filter((e) => e.outcome === 'Refused')
        .map((e) => e.recipients),
    ).toEqual([['wfp.person@gmail.com']]);
    expect(actionOf(world, 'A-2026-009')?.lastRemindedOn).toBeNull();
  });

  it('refuses an address outside the network once, in the Log, and sends to the rest', () => {
    const spec = emailNetwork();
    spec.settings = { ...spec.settings, mailingList: null };
    spec.members.push({
      agency: 'WFP',
      name: 'World Food Programme',
      roles: ['Member'],
      status: 'Withdrawn',
      joinedOn: '2025-12-01',
      leftOn: '2026-03-01',
    });
    spec.focalPoints.push({ agency: 'WFP', name: 'Left', email: 'left@wfp.org', kind: 'Primary', active: true });
    const world = worldOf(spec);
    world.run((ports) => hourlyTick(ports));
    expect(world.sent[0]?.to).toEqual(['akarimova@iom.int', 'jon.berg@un.org', 'dilnoza.yusupova@undp.org']);
    expect(mailLog(world)[0]).toBe('Minutes circulated M-2026-03 Refused left@wfp.org');
    expect(meetingOf(world, 'M-2026-03')?.minutesCirculatedOn).toBe('2026-06-15');
    world.run((ports) => hourlyTick(ports));
    expect(mailLog(world).filter((l) => l.includes('Refused'))).toHaveLength(1);
  });
});
