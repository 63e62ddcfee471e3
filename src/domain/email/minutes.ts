/**
 * The minutes circulation: what the members receive when a meeting's minutes are approved, and the
 * copy the Resident Coordinator's Office archives. Everything the sheet says goes through the block
 * renderer, which escapes it.
 */
import type { Invitation } from '../invitation';
import { addDays, daysBetween, type IsoDay } from '../dates';
import { firstListed, mattersArising, moreOpen } from '../matters-arising';
import { isActiveOn } from '../membership';
import type { Network } from '../network';
import type { Action, Decision, Meeting } from '../tables';
import { t } from '../i18n';
import { agencyWithName, keyOf } from '../words';
import { longDay, renderHtml, renderText, type Block } from './render';

export interface Composed {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The calendar invitation that travels with it (the meeting pack). */
  readonly invitation?: Invitation;
}

/** The network's name as Settings give it: subjects and titles begin with it. */
export function networkName(network: Network): string {
  return network.settings.networkName.trim() || t('email.network.default-name');
}

/** The network's name inside a sentence: "the UN Network on Migration in Uzbekistan", "сети «…»". */
export function theNetwork(network: Network): string {
  const name = networkName(network);
  return t('email.network.in-sentence', { name, article: /^the\s/i.test(name) ? 'yes' : 'no' });
}

export function meetingTitle(meeting: Meeting): string {
  return meeting.title.trim() || t('email.meeting.untitled', { kind: meeting.kind });
}

/**
 * Who signs: the Secretariat, on behalf of the co-chairs, what goes to the members; the add-on what
 * it sends to the Secretariat itself, which would otherwise be signed by its own addressee.
 */
export type Signer = 'secretariat' | 'add-on';

/**
 * Blocks every message ends with: who writes, and the network's confidentiality notice, which only
 * the minutes of a meeting the members agreed to disclose go without (`notice` false).
 */
export function closing(network: Network, signer: Signer = 'secretariat', notice = true): Block[] {
  const text = notice ? network.settings.confidentialityNotice.trim() : '';
  const signature: Block[] =
    signer === 'secretariat'
      ? [
          { kind: 'paragraph', text: t('email.closing.regards') },
          { kind: 'paragraph', text: t('email.closing.secretariat', { network: theNetwork(network) }) },
        ]
      : [
          {
            kind: 'paragraph',
            text: t('email.closing.add-on', { network: theNetwork(network) }),
          },
        ];
  return [...signature, ...(text === '' ? [] : [{ kind: 'notice', text } as const])];
}

/** Subject, HTML and text of blocks that end with the closing. */
export function compose(
  network: Network,
  subject: string,
  blocks: readonly Block[],
  signer: Signer = 'secretariat',
  notice = true,
): Composed {
  const all = [...blocks, ...closing(network, signer, notice)];
  return { subject, text: renderText(all), html: renderHtml(subject, all) };
}

function agencyNames(network: Network, codes: readonly string[]): string {
  return codes
    .map((code) => {
      const member = network.members.records.find((m) => keyOf(m.agency) === keyOf(code));
      return member && member.name.trim() !== '' ? agencyWithName(member.agency, member.name) : code;
    })
    .join(', ');
}

/** Records grouped by a key, each group in the tab's order. */
function groupedBy<T>(records: readonly T[], key: (record: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const k = key(record);
    const group = groups.get(k);
    if (group) group.push(record);
    else groups.set(k, [record]);
  }
  return groups;
}

/**
 * Each tab grouped once, by the records it was decoded into: a tick composes the minutes of every
 * meeting due, and scanning both tabs for each of them grew with meetings × decisions.
 */
const decisionsByMeeting = new WeakMap<readonly Decision[], Map<string, Decision[]>>();
const actionsBySource = new WeakMap<readonly Action[], Map<string, { action: Action; at: number }[]>>();

/** The decisions taken at the meeting, and the action points that come from it or from them. */
export function outcomesOf(network: Network, meeting: Meeting): { decisions: Decision[]; actions: Action[] } {
  const allDecisions = network.decisions.records;
  const allActions = network.actions.records;
  const byMeeting = decisionsByMeeting.get(allDecisions) ?? groupedBy(allDecisions, (d) => keyOf(d.meeting));
  decisionsByMeeting.set(allDecisions, byMeeting);
  const bySource =
    actionsBySource.get(allActions) ??
    groupedBy(
      allActions.map((action, at) => ({ action, at })),
      ({ action }) => keyOf(action.source),
    );
  actionsBySource.set(allActions, bySource);
  const id = keyOf(meeting.id);
  const decisions = byMeeting.get(id) ?? [];
  const sources = new Set([id, ...decisions.map((d) => keyOf(d.id))]);
  const actions = [...sources]
    .flatMap((source) => bySource.get(source) ?? [])
    .sort((a, b) => a.at - b.at)
    .map(({ action }) => action);
  return { decisions: [...decisions], actions };
}

/** The members active on the meeting's day that its Attendees do not list; null when attendance was not recorded. */
function absentMembers(network: Network, meeting: Meeting): string[] | null {
  if (meeting.attendees.length === 0) return null;
  const present = new Set(meeting.attendees.map(keyOf));
  return network.members.records
    .filter((m) => isActiveOn(m, meeting.date) && !present.has(keyOf(m.agency)))
    .map((m) => m.agency.trim());
}

/** The first meeting planned after this one, if any. */
function nextMeeting(network: Network, meeting: Meeting): Meeting | null {
  let next: Meeting | null = null;
  for (const m of network.meetings.records)
    if (m.status === 'Planned' && m.date > meeting.date && (next === null || m.date < next.date)) next = m;
  return next;
}

function listOrNone(codes: readonly string[]): string {
  return codes.length === 0 ? t('email.fact.none') : codes.join(', ');
}

/** The header of an action points table: ID, the action, its owner, its due day, then `last`. */
export function columns(action: 'action' | 'open-action', last?: 'status' | 'from'): string[] {
  const lasts = { status: () => t('email.column.status'), from: () => t('email.column.from') };
  return [
    t('email.column.id'),
    action === 'action' ? t('email.column.action') : t('email.column.open-action'),
    t('email.column.owner'),
    t('email.column.due'),
    ...(last === undefined ? [] : [lasts[last]()]),
  ];
}

function meetingBlocks(network: Network, meeting: Meeting): Block[] {
  const { decisions, actions } = outcomesOf(network, meeting);
  const carried = firstListed(mattersArising(network, meeting).actions);
  const absent = absentMembers(network, meeting);
  const next = nextMeeting(network, meeting);
  const external = meeting.externalParticipants.trim();
  const link = meeting.minutesLink.trim();
  return [
    {
      kind: 'facts',
      facts: [
        { label: t('email.fact.date'), value: longDay(meeting.date) },
        { label: t('email.fact.mode'), value: meeting.mode ?? t('email.fact.not-recorded') },
        {
          label: t('email.fact.chaired-by'),
          value:
            meeting.chairedBy.length === 0 ? t('email.fact.not-recorded') : agencyNames(network, meeting.chairedBy),
        },
        {
          label: t('email.fact.attendees'),
          value: meeting.attendees.length === 0 ? t('email.fact.not-recorded') : meeting.attendees.join(', '),
        },
        ...(absent === null ? [] : [{ label: t('email.fact.absent'), value: listOrNone(absent) }]),
        ...(external === '' ? [] : [{ label: t('email.fact.external'), value: external }]),
        { label: t('email.fact.minutes'), value: link, href: link },
        ...(next === null
          ? []
          : [
              {
                label: t('email.fact.next-meeting'),
                value: t('email.minutes.next-meeting', {
                  date: longDay(next.date),
                  title: meetingTitle(next),
                  id: next.id,
                }),
              },
            ]),
      ],
    },
    { kind: 'heading', text: t('email.minutes.decisions') },
    decisions.length === 0
      ? { kind: 'paragraph', text: t('email.minutes.no-decision') }
      : {
          kind: 'items',
          items: decisions.map((d) => ({
            lead: t('email.minutes.decision-lead', { id: d.id, title: d.title.trim() || d.kind, outcome: d.outcome }),
            text: [
              d.decision.trim(),
              t('email.minutes.consulted', {
                consulted: listOrNone(d.consulted),
                objections: listOrNone(d.objections),
              }),
            ]
              .filter((line) => line !== '')
              .join('\n'),
          })),
        },
    { kind: 'heading', text: t('email.minutes.actions') },
    actions.length === 0
      ? { kind: 'paragraph', text: t('email.minutes.no-action') }
      : {
          kind: 'table',
          headers: columns('action', 'status'),
          rows: actions.map((a) => [a.id, a.action, a.owner, a.due === null ? '' : longDay(a.due), a.status]),
        },
    { kind: 'heading', text: t('email.minutes.carried-over') },
    carried.shown.length === 0
      ? { kind: 'paragraph', text: t('email.minutes.none-carried') }
      : {
          kind: 'table',
          headers: columns('action', 'from'),
          rows: carried.shown.map((a) => [a.id, a.action, a.owner, a.due === null ? '' : longDay(a.due), a.source]),
        },
    ...(carried.more === 0 ? [] : [{ kind: 'paragraph' as const, text: moreOpen(carried.more) }]),
  ];
}

/** Whether the members agreed to disclose the meeting: marked Public, with an Adopted Disclosure decision about it (meetings.disclosure). */
export function disclosed(network: Network, meeting: Meeting): boolean {
  return (
    meeting.confidentiality === 'Public' &&
    network.decisions.records.some(
      (d) => d.kind === 'Disclosure' && d.outcome === 'Adopted' && keyOf(d.subject) === keyOf(meeting.id),
    )
  );
}

function subjectOf(network: Network, meeting: Meeting): string {
  return t('email.minutes.subject', {
    network: networkName(network),
    title: meetingTitle(meeting),
    date: longDay(meeting.date),
  });
}

/** What the members receive. */
export function minutesMessage(network: Network, meeting: Meeting): Composed {
  return compose(
    network,
    subjectOf(network, meeting),
    [
      { kind: 'paragraph', text: t('email.greeting.all') },
      {
        kind: 'paragraph',
        text:
          meeting.minutesApprovedOn === null
            ? t('email.minutes.intro', { title: meetingTitle(meeting), date: longDay(meeting.date) })
            : t('email.minutes.intro-approved', {
                title: meetingTitle(meeting),
                date: longDay(meeting.date),
                approved: longDay(meeting.minutesApprovedOn),
              }),
      },
      ...meetingBlocks(network, meeting),
    ],
    'secretariat',
    !disclosed(network, meeting),
  );
}

/**
 * The separate copy the Resident Coordinator's Office keeps in its archive. One that goes later than
 * the circulation's days after the approval says when the minutes were approved, so that the archive
 * does not date them by the copy.
 */
export function archiveMessage(network: Network, meeting: Meeting, today: IsoDay): Composed {
  const approved = meeting.minutesApprovedOn;
  const days = network.settings.circulationDueDays ?? 0;
  const late =
    approved !== null && today > addDays(approved, days)
      ? [
          {
            kind: 'paragraph',
            text: t('email.minutes.archive-late', { approved: longDay(approved), days: daysBetween(approved, today) }),
          } as const,
        ]
      : [];
  return compose(network, t('email.minutes.archive-subject', { subject: subjectOf(network, meeting) }), [
    {
      kind: 'paragraph',
      text: t('email.minutes.archive-intro', {
        title: meetingTitle(meeting),
        date: longDay(meeting.date),
        network: theNetwork(network),
      }),
    },
    ...late,
    ...meetingBlocks(network, meeting),
  ]);
}
