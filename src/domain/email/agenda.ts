/**
 * The meeting pack: the agenda to the members with its calendar invitation, the invitation's update
 * when the meeting moves, and its cancellation. Everything the sheet says goes through the block
 * renderer, which escapes it.
 */
import { firstListed, mattersArising, moreOpen } from '../matters-arising';
import { DEFAULT_MINUTES, DEFAULT_TIME, invitation, type Invitation, type InvitationMethod } from '../invitation';
import type { IsoDay } from '../dates';
import type { Network } from '../network';
import type { Meeting } from '../tables';
import { plural } from '../words';
import { compose, meetingTitle, networkName, type Composed } from './minutes';
import { longDay, type Block } from './render';

export type PackMeeting = Pick<
  Meeting,
  'id' | 'date' | 'time' | 'durationMinutes' | 'venueOrLink' | 'title' | 'kind' | 'mode' | 'agendaLink'
>;

/** What a calendar keeps of a meeting: a change of any of these after the invitation went out is an update. */
export function whenAndWhere(m: PackMeeting): string {
  const time = m.time?.trim() || DEFAULT_TIME;
  return `${m.date} ${time} ${m.durationMinutes ?? DEFAULT_MINUTES} ${m.venueOrLink.trim()}`;
}

/** A short, stable fingerprint of whenAndWhere (FNV-1a), for the Log's Details. */
export function fingerprint(m: PackMeeting): string {
  let hash = 0x811c9dc5;
  for (const ch of whenAndWhere(m)) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function zoneWords(network: Network): string {
  const zone = network.settings.timeZone.trim();
  return zone === '' ? '' : ` (${zone} time)`;
}

function facts(network: Network, m: PackMeeting): Block {
  const venue = m.venueOrLink.trim();
  const agenda = m.agendaLink.trim();
  const minutes = m.durationMinutes ?? DEFAULT_MINUTES;
  return {
    kind: 'facts',
    facts: [
      { label: 'Date', value: longDay(m.date) },
      {
        label: 'Time',
        value: `${m.time?.trim() || DEFAULT_TIME}${zoneWords(network)}, for ${plural(minutes, 'minute')}`,
      },
      { label: 'Mode', value: m.mode ?? 'not recorded' },
      {
        label: 'Venue or link',
        value: venue === '' ? 'to be confirmed' : venue,
        ...(venue === '' ? {} : { href: venue }),
      },
      ...(agenda === '' ? [] : [{ label: 'Agenda', value: agenda, href: agenda }]),
    ],
  };
}

function dueText(day: IsoDay | null): string {
  return day === null ? 'no due date' : `due ${longDay(day)}`;
}

/** The open action points and the decisions since the last held meeting, as the agenda lists them. */
export function mattersBlocks(network: Network, m: Pick<Meeting, 'id' | 'date'>, heading: string): Block[] {
  const { since, actions, decisions } = mattersArising(network, m);
  const blocks: Block[] = [{ kind: 'heading', text: heading }];
  if (actions.length === 0 && decisions.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'No action point is open and no decision was taken since the last meeting.',
    });
    return blocks;
  }
  if (actions.length > 0) {
    const { shown, more } = firstListed(actions);
    blocks.push({
      kind: 'table',
      headers: ['ID', 'Open action point', 'Owner', 'Due'],
      rows: shown.map((a) => [a.id, a.action, a.owner, a.due === null ? '' : longDay(a.due)]),
    });
    if (more > 0) blocks.push({ kind: 'paragraph', text: moreOpen(more) });
  }
  if (decisions.length > 0)
    blocks.push(
      {
        kind: 'paragraph',
        text:
          since === null ? 'Decisions taken so far:' : `Decisions taken since the meeting of ${longDay(since.date)}:`,
      },
      {
        kind: 'items',
        items: firstListed(decisions).shown.map((d) => {
          const follow = network.actions.records.filter(
            (a) => a.source.trim().toUpperCase() === d.id.trim().toUpperCase(),
          );
          const owners = follow.map((a) => `${a.id}: ${a.owner || 'no owner'}, ${dueText(a.due)}`).join('; ');
          return {
            lead: `${d.id} of ${longDay(d.date)}: ${d.title.trim() || d.kind} (${d.outcome})`,
            text: [d.decision.trim(), owners === '' ? '' : `Follow-up: ${owners}`].filter((t) => t !== '').join('\n'),
          };
        }),
      },
    );
  const moreDecisions = firstListed(decisions).more;
  if (moreDecisions > 0)
    blocks.push({
      kind: 'paragraph',
      text: `And ${plural(moreDecisions, 'more decision')} since then: see the Decisions tab.`,
    });
  return blocks;
}

export interface PackPeople {
  /** The secretariat's address (the organiser); '' when the register names none. */
  readonly organizer: string;
  /** The focal points invited (the calendar's attendees). */
  readonly attendees: readonly string[];
  readonly today: IsoDay;
}

function invite(
  network: Network,
  m: PackMeeting,
  method: InvitationMethod,
  sequence: number,
  people: PackPeople,
  description: string,
): Invitation {
  return invitation({
    meeting: m,
    method,
    sequence,
    networkName: networkName(network),
    timeZone: network.settings.timeZone,
    organizer: people.organizer,
    attendees: people.attendees,
    description,
    stamp: people.today,
  });
}

function title(m: PackMeeting): string {
  return meetingTitle({ title: m.title, kind: m.kind } as Meeting);
}

function calendarText(m: PackMeeting): string {
  const agenda = m.agendaLink.trim();
  return `${m.id}${agenda === '' ? '' : `. Agenda: ${agenda}`}`;
}

/** The agenda to the members, with the invitation (sequence 0). */
export function agendaMessage(network: Network, m: PackMeeting, people: PackPeople): Composed {
  return {
    ...compose(network, `${networkName(network)}: agenda of "${title(m)}", ${longDay(m.date)}`, [
      { kind: 'paragraph', text: 'Dear colleagues,' },
      {
        kind: 'paragraph',
        text: `Please find below the draft agenda of "${title(m)}". The calendar invitation is attached.`,
      },
      facts(network, m),
      ...mattersBlocks(network, m, 'Matters arising'),
      { kind: 'paragraph', text: 'Comments on the draft agenda are welcome in reply to this message.' },
    ]),
    invitation: invite(network, m, 'REQUEST', 0, people, calendarText(m)),
  };
}

/** The invitation's update: the meeting moved, or its venue or link changed. */
export function updateMessage(network: Network, m: PackMeeting, sequence: number, people: PackPeople): Composed {
  return {
    ...compose(network, `${networkName(network)}: "${title(m)}" changed, now ${longDay(m.date)}`, [
      { kind: 'paragraph', text: 'Dear colleagues,' },
      {
        kind: 'paragraph',
        text: `The date, time, venue or link of "${title(m)}" has changed since the invitation went out. The meeting now stands as follows, and the attached invitation updates your calendar.`,
      },
      facts(network, m),
    ]),
    invitation: invite(network, m, 'REQUEST', sequence, people, calendarText(m)),
  };
}

/** The cancellation: removes the meeting from the members' calendars. */
export function cancellationMessage(network: Network, m: PackMeeting, sequence: number, people: PackPeople): Composed {
  return {
    ...compose(network, `${networkName(network)}: "${title(m)}" of ${longDay(m.date)} is cancelled`, [
      { kind: 'paragraph', text: 'Dear colleagues,' },
      {
        kind: 'paragraph',
        text: `"${title(m)}", planned for ${longDay(m.date)}, is cancelled. The attached cancellation removes it from your calendar. The Secretariat will write when a new date is set.`,
      },
    ]),
    invitation: invite(network, m, 'CANCEL', sequence, people, calendarText(m)),
  };
}
