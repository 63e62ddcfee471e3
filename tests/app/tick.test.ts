/**
 * The hourly tick's reminders over a simulated month, the reminders to the secretariat, and the
 * "Circulate minutes now" preview and confirmation, on the simulation of tests/sim.
 */
import { describe, expect, it } from 'vitest';
import { circulateMeetings, circulationPreview, confirmCirculation, hourlyTick } from '../../src/app/tick';
import { NotAuthorizedError } from '../../src/app/authorize';
import { addDays, daysBetween } from '../../src/domain/dates';
import { EVENTS } from '../../src/domain/email/ledger';
import { CirculationPreviewSchema } from '../../src/domain/email/preview';
import { MAILING_LIST, RCO, SECRETARIAT, actionOf, emailNetwork, logOf, meetingOf, worldOf } from '../sim/network';
import type { Spec } from '../domain/rules/support';

const START = '2026-06-01';

/** A regular meeting planned for 19 June 2026, with what a test adds to it. */
function plannedQ3(more: Partial<Spec['meetings'][number]> = {}): Spec['meetings'][number] {
  return { id: 'M-2026-04', date: '2026-06-19', kind: 'Regular', title: 'Q3 meeting', status: 'Planned', ...more };
}

/** A network whose owners have actions falling due all through June, some never done. */
function busyNetwork(): Spec {
  const spec = emailNetwork();
  spec.meetings = spec.meetings.filter((m) => m.id !== 'M-2026-03');
  spec.focalPoints.push(
    { agency: 'UNDP', name: 'Alternate', email: 'alt@undp.org', kind: 'Alternate', active: true },
    { agency: 'UNRC', name: 'Former', email: 'former@un.org', kind: 'Alternate', active: false },
  );
  const due = ['2026-05-20', '2026-06-03', '2026-06-06', '2026-06-12', '2026-06-20', '2026-06-27', '2026-07-10'];
  spec.actions = due.flatMap((day, i) =>
    ['IOM', 'UNRC', 'UNDP'].map((owner, j) => ({
      id: `A-2026-${String(i * 3 + j + 10).padStart(3, '0')}`,
      source: 'D-2026-01',
      action: `Action ${i}/${owner}`,
      owner,
      due: day,
      status: 'Open' as const,
      lastRemindedOn: i === 0 && j === 0 ? '2026-05-29' : null,
    })),
  );
  return spec;
}

describe('reminders over a month of hourly ticks', () => {
  it('one message per agency per day at most, no action twice within 7 days, each due action reminded, through failures', () => {
    const world = worldOf(busyNetwork(), START);
    let sends = 0;
    world.beforeSend = () => {
      if (++sends % 7 === 0) throw new Error('Service unavailable');
    };
    for (let day = 0; day < 30; day++) {
      world.today = addDays(START, day);
      world.quota = 100;
      for (let hour = 0; hour < 24; hour++) {
        world.minutes = hour * 60 + 17;
        // Someone finishes UNDP's first action on 10 June.
        if (world.today === '2026-06-10' && hour === 12) {
          world.run((ports) => {
            const at = ports.workbook.read('Actions')!.findIndex((r) => r[0] === 'A-2026-012');
            ports.workbook.write('Actions', at + 1, 6, [['Done']]);
          });
        }
        world.run((ports) => hourlyTick(ports));
      }
    }
    const sent = logOf(world).filter((e) => e.event === EVENTS.reminder && e.outcome === 'Sent');
    const perAgencyDay = new Map<string, number>();
    const daysOf = new Map<string, string[]>();
    for (const e of sent) {
      const k = `${e.ref} ${e.timestamp.slice(0, 10)}`;
      perAgencyDay.set(k, (perAgencyDay.get(k) ?? 0) + 1);
      for (const id of e.details.match(/A-\d{4}-\d{3}/g) ?? [])
        daysOf.set(id, [...(daysOf.get(id) ?? []), e.timestamp.slice(0, 10)]);
    }
    expect(Math.max(...perAgencyDay.values())).toBe(1);
    for (const [id, days] of daysOf) {
      for (let i = 1; i < days.length; i++)
        expect(daysBetween(days[i - 1]!, days[i]!), `${id} on ${days.join(', ')}`).toBeGreaterThanOrEqual(7);
    }
    const dueInJune = busyNetwork()
      .actions.filter((a) => a.due! <= addDays('2026-06-30', 7))
      .map((a) => a.id);
    expect([...daysOf.keys()].sort()).toEqual(dueInJune.sort());
    expect(daysOf.get('A-2026-010')?.[0]).toBe('2026-06-05');
    expect(daysOf.get('A-2026-011')).toEqual(['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22', '2026-06-29']);
    expect(daysOf.get('A-2026-012')).toEqual(['2026-06-01', '2026-06-08']);
    expect(logOf(world).some((e) => e.event === EVENTS.reminder && e.outcome === 'Failed')).toBe(true);
    expect(world.sent.every((e) => !e.to.includes('former@un.org'))).toBe(true);
    expect(actionOf(world, 'A-2026-011')?.lastRemindedOn).toBe('2026-06-29');
  });
});

describe('a reminder the Log remembers', () => {
  it('is not sent again within 7 days when a person\'s save took "Last reminded on" back', () => {
    const world = worldOf(busyNetwork(), START);
    world.run((ports) => hourlyTick(ports));
    expect(actionOf(world, 'A-2026-011')?.lastRemindedOn).toBe(START);
    // A copy of the row saved over it, as it stood before the tick: the date is gone, the Log still has it.
    world.run((ports) => {
      const grid = ports.workbook.read('Actions')!;
      const at = grid.findIndex((r) => r[0] === 'A-2026-011');
      ports.workbook.write('Actions', at + 1, grid[0]!.indexOf('Last reminded on') + 1, [['']]);
    });
    for (let day = 1; day < 7; day++) {
      world.today = addDays(START, day);
      world.run((ports) => hourlyTick(ports));
    }
    const listed = logOf(world).filter(
      (e) => e.event === EVENTS.reminder && e.outcome === 'Sent' && /A-2026-011(?!\d)/.test(e.details),
    );
    expect(listed.map((e) => e.timestamp.slice(0, 10))).toEqual([START]);
  });
});

describe('an invitation update that failed', () => {
  it('is given back, so that the next change goes as the same sequence and none is skipped', () => {
    const spec = emailNetwork();
    spec.meetings.push(
      plannedQ3({ time: '14:00', venueOrLink: 'UN House', agendaLink: 'https://docs.example/agenda-4' }),
    );
    const world = worldOf(spec, '2026-06-15');
    const edit = (header: string, value: string) =>
      world.run((ports) => {
        const grid = ports.workbook.read('Meetings')!;
        const row = grid.findIndex((r) => r[0] === 'M-2026-04');
        ports.workbook.write('Meetings', row + 1, grid[0]!.indexOf(header) + 1, [[value]]);
      });
    world.run((ports) => hourlyTick(ports));
    edit('Date', '2026-06-22');
    world.beforeSend = (email) => {
      if (email.invitation) throw new Error('Service unavailable');
    };
    world.run((ports) => hourlyTick(ports));
    world.beforeSend = null;
    edit('Venue or link', 'https://meet.example/q3');
    world.run((ports) => hourlyTick(ports));
    const sequences = world.sent
      .filter((e) => e.invitation)
      .map((e) => Number(/^SEQUENCE:(\d+)/m.exec(e.invitation!.ics)?.[1]));
    expect(sequences).toEqual([0, 1]);
    expect(
      logOf(world)
        .filter((e) => e.event === EVENTS.invitationUpdated)
        .map((e) => e.outcome),
    ).toEqual(['Sending', 'Failed', 'Sending', 'Sent']);
  });
});

describe('reminders to the Secretariat', () => {
  it('about a planned meeting with no agenda link: 3 working days ahead of the due day, then on it', () => {
    const spec = emailNetwork();
    spec.meetings.push(plannedQ3());
    const world = worldOf(spec, '2026-06-09');
    world.run((ports) => hourlyTick(ports));
    expect(world.sent.filter((e) => e.subject.includes('agenda'))).toEqual([]);
    for (const day of ['2026-06-10', '2026-06-11', '2026-06-14', '2026-06-14', '2026-06-15']) {
      world.today = day;
      world.run((ports) => hourlyTick(ports));
    }
    const agenda = world.sent.filter((e) => e.subject.includes('agenda'));
    expect(agenda.map((e) => e.to)).toEqual([[SECRETARIAT], [SECRETARIAT]]);
    expect(agenda[0]?.subject).toContain('is due on 14 June 2026');
    expect(agenda[1]?.text).toContain('by 14 June 2026');
  });

  it('about a held meeting with no minutes past the minutes days, again a week later', () => {
    const spec = emailNetwork();
    spec.meetings.push({ id: 'M-2026-04', date: '2026-05-20', kind: 'Regular', title: 'Q3 meeting', status: 'Held' });
    const world = worldOf(spec, '2026-06-04');
    for (const day of ['2026-06-04', '2026-06-05', '2026-06-10', '2026-06-11']) {
      world.today = day;
      world.run((ports) => hourlyTick(ports));
    }
    const late = logOf(world).filter((e) => e.event === EVENTS.minutes && e.outcome === 'Sent');
    expect(late.map((e) => e.timestamp.slice(0, 10))).toEqual(['2026-06-04', '2026-06-11']);
  });
});

describe('Circulate minutes now', () => {
  it('previews each message: recipients, subject and the HTML body, and writes nothing', () => {
    const world = worldOf(emailNetwork());
    const before = world.tab('Log');
    const { value: preview } = world.run((ports) => circulationPreview(ports));
    expect(CirculationPreviewSchema.safeParse(preview).success).toBe(true);
    expect(preview?.refusal).toBe('');
    expect(preview?.meetings.map((m) => [m.id, m.messages.map((x) => x.to)])).toEqual([
      ['M-2026-03', [[MAILING_LIST], [RCO]]],
    ]);
    expect(preview?.meetings[0]?.messages[0]?.subject).toBe(
      'UN Network on Migration in Uzbekistan: minutes of "Q2 2026 meeting: the regional review", 1 June 2026',
    );
    expect(preview?.meetings[0]?.messages[0]?.html).toContain('A joint position for the regional review');
    expect(world.tab('Log')).toEqual(before);
    expect(world.sent).toEqual([]);
  });

  it('sends on confirmation through the same path, and nothing when a trigger sent it in between', () => {
    const world = worldOf(emailNetwork());
    const { value: preview } = world.run((ports) => circulationPreview(ports));
    world.run((ports) => hourlyTick(ports));
    const { value: result } = world.run((ports) =>
      confirmCirculation(ports, { meetings: preview!.meetings.map((m) => m.id) }),
    );
    expect(result).toEqual({ sent: 0, lines: ['Nothing was due.'] });
    expect(world.sent).toHaveLength(2);
  });

  it('sends on confirmation and says what went', () => {
    const world = worldOf(emailNetwork());
    const { value: result } = world.run((ports) => confirmCirculation(ports, { meetings: ['m-2026-03'] }));
    expect(result?.sent).toBe(2);
    expect(result?.lines).toEqual([
      `Sent: the minutes of M-2026-03 to the members (${MAILING_LIST})`,
      `Sent: the archive copy of M-2026-03's minutes to the RCO (${RCO})`,
    ]);
    expect(meetingOf(world, 'M-2026-03')?.minutesCirculatedOn).toBe('2026-06-15');
  });

  it('refuses a member who is not secretariat: the preview says why, the confirmation sends nothing', () => {
    const world = worldOf(emailNetwork());
    const member = { user: 'dilnoza.yusupova@undp.org' };
    const { value: preview } = world.run((ports) => circulationPreview(ports), member);
    expect(preview?.meetings).toEqual([]);
    expect(preview?.refusal).toContain('Only the Secretariat can circulate minutes');
    expect(() => world.run((ports) => circulateMeetings(ports, ['M-2026-03']), member)).toThrow(NotAuthorizedError);
    expect(world.sent).toEqual([]);
    expect(() => world.run((ports) => confirmCirculation(ports, { meetings: 'M-2026-03' }))).toThrow(
      'did not say which meetings',
    );
  });

  it('names what it cannot send: minutes approved without a link', () => {
    const spec = emailNetwork();
    spec.meetings = spec.meetings.map((m) => (m.id === 'M-2026-03' ? { ...m, minutesLink: '' } : m));
    const world = worldOf(spec);
    const { value: preview } = world.run((ports) => circulationPreview(ports));
    expect(preview?.meetings).toEqual([]);
    expect(preview?.blocked).toEqual([
      { ref: 'M-2026-03', reason: "M-2026-03's minutes are approved but have no Minutes link to send" },
    ]);
  });
});
