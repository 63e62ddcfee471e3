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
import { t } from '../i18n';
import { columns, compose, meetingTitle, networkName, type Composed } from './minutes';
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

function timeWords(network: Network, m: PackMeeting): string {
  const zone = network.settings.timeZone.trim();
  const time = m.time?.trim() || DEFAULT_TIME;
  const minutes = m.durationMinutes ?? DEFAULT_MINUTES;
  return zone === ''
    ? t('email.agenda.time', { time, minutes })
    : t('email.agenda.time-zoned', { time, zone, minutes });
}

function facts(network: Network, m: PackMeeting): Block {
  const venue = m.venueOrLink.trim();
  const agenda = m.agendaLink.trim();
  return {
    kind: 'facts',
    facts: [
      { label: t('email.fact.date'), value: longDay(m.date) },
      { label: t('email.fact.time'), value: timeWords(network, m) },
      { label: t('email.fact.mode'), value: m.mode ?? t('email.fact.not-recorded') },
      {
        label: t('email.fact.venue'),
        value: venue === '' ? t('email.fact.to-be-confirmed') : venue,
        ...(venue === '' ? {} : { href: venue }),
      },
      ...(agenda === '' ? [] : [{ label: t('email.fact.agenda'), value: agenda, href: agenda }]),
    ],
  };
}

function dueText(day: IsoDay | null): string {
  return day === null ? t('email.matters.no-due') : t('email.matters.due', { date: longDay(day) });
}

/** The open action points and the decisions since the last held meeting, as the agenda lists them. */
export function mattersBlocks(network: Network, m: Pick<Meeting, 'id' | 'date'>): Block[] {
  const { since, actions, decisions } = mattersArising(network, m);
  const blocks: Block[] = [{ kind: 'heading', text: t('email.matters.heading') }];
  if (actions.length === 0 && decisions.length === 0) {
    blocks.push({ kind: 'paragraph', text: t('email.matters.nothing') });
    return blocks;
  }
  if (actions.length > 0) {
    const { shown, more } = firstListed(actions);
    blocks.push({
      kind: 'table',
      headers: columns('open-action'),
      rows: shown.map((a) => [a.id, a.action, a.owner, a.due === null ? '' : longDay(a.due)]),
    });
    if (more > 0) blocks.push({ kind: 'paragraph', text: moreOpen(more) });
  }
  if (decisions.length > 0)
    blocks.push(
      {
        kind: 'paragraph',
        text:
          since === null
            ? t('email.matters.decisions-so-far')
            : t('email.matters.decisions-since', { date: longDay(since.date) }),
      },
      {
        kind: 'items',
        items: firstListed(decisions).shown.map((d) => {
          const follow = network.actions.records.filter(
            (a) => a.source.trim().toUpperCase() === d.id.trim().toUpperCase(),
          );
          const owners = follow
            .map((a) =>
              t('email.matters.owner', {
                id: a.id,
                owner: a.owner || t('email.matters.no-owner'),
                due: dueText(a.due),
              }),
            )
            .join('; ');
          return {
            lead: t('email.matters.decision-lead', {
              id: d.id,
              date: longDay(d.date),
              title: d.title.trim() || d.kind,
              outcome: d.outcome,
            }),
            text: [d.decision.trim(), owners === '' ? '' : t('email.matters.follow-up', { owners })]
              .filter((line) => line !== '')
              .join('\n'),
          };
        }),
      },
    );
  const moreDecisions = firstListed(decisions).more;
  if (moreDecisions > 0)
    blocks.push({ kind: 'paragraph', text: t('email.matters.more-decisions', { more: moreDecisions }) });
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
  return agenda === '' ? m.id : t('email.agenda.calendar-text', { id: m.id, agenda });
}

/** The agenda to the members, with the invitation (sequence 0). */
export function agendaMessage(network: Network, m: PackMeeting, people: PackPeople): Composed {
  return {
    ...compose(
      network,
      t('email.agenda.subject', { network: networkName(network), title: title(m), date: longDay(m.date) }),
      [
        { kind: 'paragraph', text: t('email.greeting.all') },
        { kind: 'paragraph', text: t('email.agenda.intro', { title: title(m) }) },
        facts(network, m),
        ...mattersBlocks(network, m),
        { kind: 'paragraph', text: t('email.agenda.comments') },
      ],
    ),
    invitation: invite(network, m, 'REQUEST', 0, people, calendarText(m)),
  };
}

/** The invitation's update: the meeting moved, or its venue or link changed. */
export function updateMessage(network: Network, m: PackMeeting, sequence: number, people: PackPeople): Composed {
  return {
    ...compose(
      network,
      t('email.update.subject', { network: networkName(network), title: title(m), date: longDay(m.date) }),
      [
        { kind: 'paragraph', text: t('email.greeting.all') },
        { kind: 'paragraph', text: t('email.update.intro', { title: title(m) }) },
        facts(network, m),
      ],
    ),
    invitation: invite(network, m, 'REQUEST', sequence, people, calendarText(m)),
  };
}

/** The cancellation: removes the meeting from the members' calendars. */
export function cancellationMessage(network: Network, m: PackMeeting, sequence: number, people: PackPeople): Composed {
  return {
    ...compose(
      network,
      t('email.cancel.subject', { network: networkName(network), title: title(m), date: longDay(m.date) }),
      [
        { kind: 'paragraph', text: t('email.greeting.all') },
        { kind: 'paragraph', text: t('email.cancel.intro', { title: title(m), date: longDay(m.date) }) },
      ],
    ),
    invitation: invite(network, m, 'CANCEL', sequence, people, calendarText(m)),
  };
}
