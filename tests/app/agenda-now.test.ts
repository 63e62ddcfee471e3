/** "Circulate agenda now…": a preview, then the agenda named goes at once, once, with its invitation. */
import { describe, expect, it } from 'vitest';
import { circulateAgendaNow } from '../../src/app/tick';
import { EVENTS } from '../../src/domain/email/ledger';
import type { Ports } from '../../src/ports';
import { emailNetwork, logOf, meetingOf, worldOf } from '../sim/network';

function network() {
  const spec = emailNetwork();
  spec.meetings.push({
    id: 'M-2026-04',
    date: '2026-07-15',
    kind: 'Regular',
    title: 'Q3 2026 meeting',
    agendaLink: 'https://docs.example/agenda-4',
    status: 'Planned',
  });
  return spec;
}

function asking(ports: Ports, answer: string | null, seen: string[]): Ports {
  return {
    ...ports,
    ui: {
      ...ports.ui,
      prompt: (message) => (seen.push(message), answer),
      alert: (message) => void seen.push(message),
    },
  };
}

describe('Circulate agenda now', () => {
  it('previews the agenda, sends it weeks before its due day when the Secretariat names the meeting, and never twice', () => {
    const world = worldOf(network());
    const seen: string[] = [];
    world.run((ports) => circulateAgendaNow(asking(ports, 'm-2026-04', seen)));
    expect(seen[0]).toContain('M-2026-04: the agenda with the calendar invitation, to 4 recipients');
    const agendas = world.sent.filter((e) => e.invitation !== undefined);
    expect(agendas).toHaveLength(1);
    expect(agendas[0]!.invitation!.method).toBe('REQUEST');
    expect(meetingOf(world, 'M-2026-04')?.agendaCirculatedOn).toBe('2026-06-15');
    expect(
      logOf(world)
        .filter((e) => e.event === EVENTS.agendaCirculated)
        .map((e) => e.outcome),
    ).toEqual(['Sending', 'Sent']);
    world.run((ports) => circulateAgendaNow(asking(ports, 'M-2026-04', seen)));
    expect(world.sent.filter((e) => e.invitation !== undefined)).toHaveLength(1);
    expect(seen[seen.length - 1]).toContain('No planned meeting has an agenda link waiting to go out.');
  });

  it('sends nothing when the preview is cancelled', () => {
    const world = worldOf(network());
    world.run((ports) => circulateAgendaNow(asking(ports, null, [])));
    expect(world.sent.filter((e) => e.invitation !== undefined)).toEqual([]);
  });
});
