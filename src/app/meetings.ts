/**
 * Planning a meeting and keeping its row up to date from the sidebar's Meetings panel: agenda
 * circulated, attendance, minutes link, minutes approved on (which the hourly circulation then
 * picks up). Under the document lock, secretariat only, refused with the row's new state when it
 * changed since the sidebar read it.
 */
import { canonicalCodes, keepOrder, sameCode } from '../domain/decision-record';
import { savedMeeting } from '../domain/edits';
import { columnCells, nextId } from '../domain/ids';
import type { Network } from '../domain/network';
import {
  meetingFieldError,
  parseMeetingInput,
  unchangedMessage,
  type MeetingFieldError,
  type MeetingInput,
  type SaveMeetingResult,
  type SavedMeeting,
} from '../domain/rpc';
import { t } from '../domain/i18n';
import { FocalPointsTable, LogTable, MeetingsTable, MembersTable, SettingsTable, type Meeting } from '../domain/tables';
import type { Ports } from '../ports';
import { requireSecretariat } from './authorize';
import { describeSkipped, leftAlone, withLockedTabs } from './repository';

const TABS = [SettingsTable, MembersTable, FocalPointsTable, MeetingsTable, LogTable] as const;

class MeetingInputError extends Error {
  constructor(
    readonly errors: readonly MeetingFieldError[],
    readonly current?: SavedMeeting,
  ) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'MeetingInputError';
  }
}

/** The checks that need the workbook or today: the register's codes, the order of the days, the link. */
export function checkMeeting(value: MeetingInput, network: Network, today: string): MeetingFieldError[] {
  const errors: MeetingFieldError[] = [];
  const codes = network.members.records.map((m) => m.agency);
  for (const field of ['chairedBy', 'attendees'] as const) {
    const unknown = value[field].filter((a) => !codes.some((c) => sameCode(c, a)));
    if (unknown.length > 0)
      errors.push(
        meetingFieldError(field, t('app.meetings.not-members', { codes: unknown.join(', '), count: unknown.length })),
      );
  }
  if (value.status === 'Held' && value.date > today)
    errors.push(meetingFieldError('status', t('app.meetings.not-held-yet', { date: value.date, today })));
  if (value.agendaCirculatedOn > today)
    errors.push(
      meetingFieldError('agendaCirculatedOn', t('app.meetings.after-today', { day: value.agendaCirculatedOn, today })),
    );
  const link = value.minutesLink.trim();
  if (link !== '' && !/^https:\/\/\S+$/i.test(link))
    errors.push(meetingFieldError('minutesLink', t('app.meetings.not-a-link')));
  if (value.minutesApprovedOn !== '') {
    if (value.minutesApprovedOn > today)
      errors.push(
        meetingFieldError('minutesApprovedOn', t('app.meetings.after-today', { day: value.minutesApprovedOn, today })),
      );
    else if (value.minutesApprovedOn < value.date)
      errors.push(
        meetingFieldError(
          'minutesApprovedOn',
          t('app.meetings.before-meeting', { day: value.minutesApprovedOn, date: value.date }),
        ),
      );
    if (link === '') errors.push(meetingFieldError('minutesLink', t('app.meetings.link-first')));
    if (value.status !== 'Held') errors.push(meetingFieldError('status', t('app.meetings.approved-if-held')));
  }
  return errors;
}

/** What the Log's Details say of an update; '' when nothing changed. */
function changes(before: Meeting, after: Meeting): string {
  const parts = Object.entries(MeetingsTable.columns)
    .filter(([k]) => JSON.stringify(before[k as keyof Meeting]) !== JSON.stringify(after[k as keyof Meeting]))
    .map(([k, column]) => `${column.header}: ${JSON.stringify(after[k as keyof Meeting]) ?? t('app.meetings.blank')}`);
  return parts.join('; ');
}

/** Plans a new meeting (`M-YYYY-NN`) or changes one in place; a Log row says which and what. */
export interface SavedMeetingRow {
  readonly id: string;
  readonly row: number;
  /** The save recorded the minutes' approval, and they have not gone to the members yet. */
  readonly minutesToCirculate: boolean;
  /** False when an update changed nothing, and nothing was written or logged. */
  readonly changed: boolean;
  /** The cells the save left alone because people changed or moved them while it wrote (see writeIfUnchanged). */
  readonly notWritten?: readonly string[];
}

export function saveMeeting(
  ports: Pick<Ports, 'workbook' | 'clock' | 'user' | 'lock'>,
  input: unknown,
): SavedMeetingRow {
  return withLockedTabs(ports, (tabs) => {
    const { network, grids } = tabs.readNetwork(TABS);
    requireSecretariat(ports, network, t('app.meetings.command'));
    const parsed = parseMeetingInput(input);
    if (!parsed.ok) throw new MeetingInputError(parsed.errors);
    const value = parsed.value;
    const errors = checkMeeting(value, network, ports.clock.today());
    if (errors.length > 0) throw new MeetingInputError(errors);
    if (network.meetings.header === null || network.log.header === null) throw new Error(t('app.meetings.no-header'));
    const before = value.id === '' ? null : savedMeeting(network, value.id);
    if (value.id !== '' && before === null)
      throw new MeetingInputError([meetingFieldError('id', t('app.meetings.unknown', { id: value.id }))]);
    if (before !== null && before.version !== value.version) {
      throw new MeetingInputError(
        [meetingFieldError('', t('app.meetings.changed', { id: before.meeting.id }))],
        before,
      );
    }
    const cells = [
      ...columnCells(grids.Meetings, network.meetings.header.index.get('id')),
      ...columnCells(grids.Log, network.log.header.index.get('ref')),
    ];
    const id = before?.meeting.id ?? nextId(MeetingsTable, cells, Number(value.date.slice(0, 4)));
    const day = (d: string) => (d === '' ? null : d);
    const typed: Meeting = {
      ...(before?.meeting ?? {
        time: '',
        durationMinutes: null,
        venueOrLink: '',
        agendaLink: '',
        externalParticipants: '',
        minutesCirculatedOn: null,
        sharedWithRcoOn: null,
        confidentiality: null,
      }),
      id,
      date: value.date,
      kind: value.kind,
      mode: value.mode === '' ? null : value.mode,
      title: value.title.trim(),
      chairedBy: canonicalCodes(value.chairedBy, network),
      status: value.status,
      agendaCirculatedOn: day(value.agendaCirculatedOn),
      attendees: canonicalCodes(value.attendees, network),
      minutesLink: value.minutesLink.trim(),
      minutesApprovedOn: day(value.minutesApprovedOn),
    };
    const meeting = before === null ? typed : keepOrder(before.meeting, typed, ['chairedBy', 'attendees']);
    const details =
      before === null
        ? t('app.meetings.planned', { kind: meeting.kind, date: meeting.date, title: meeting.title })
        : changes(before.meeting, meeting);
    let row: number;
    let notWritten: string[] = [];
    if (before === null) row = tabs.append(MeetingsTable, [meeting])[0] ?? network.meetings.lastRow + 1;
    else {
      row = network.meetings.records.find((m) => m.id === id)?.row ?? 0;
      if (details === '') return { id, row, minutesToCirculate: false, changed: false };
      notWritten = describeSkipped(MeetingsTable, tabs.update(MeetingsTable, [meeting]).skipped);
    }
    const email = ports.user.email();
    const logged =
      notWritten.length === 0 ? details : t('app.meetings.not-written', { details, cells: notWritten.join('; ') });
    tabs.append(LogTable, [
      {
        timestamp: ports.clock.now(),
        actor: email,
        // @i18n-exempt: the Log's Event values (WORKBOOK.md)
        event: before === null ? 'Meeting planned' : 'Meeting updated',
        ref: id,
        recipients: [],
        outcome: 'Done',
        details: logged,
      },
    ]);
    const minutesToCirculate =
      meeting.minutesApprovedOn !== null &&
      (before?.meeting.minutesApprovedOn ?? null) === null &&
      meeting.minutesCirculatedOn === null;
    return { id, row, minutesToCirculate, changed: true, notWritten };
  });
}

/** `circulateLabel`: the menu item that circulates minutes at once, as the command table names it. */
export function saveMeetingRpc(
  ports: Pick<Ports, 'workbook' | 'clock' | 'user' | 'lock' | 'ui'>,
  input: unknown,
  circulateLabel: string,
): SaveMeetingResult {
  try {
    const { id, row, minutesToCirculate, changed, notWritten = [] } = saveMeeting(ports, input);
    // A script's write sets off no edit trigger: the approval waits for the hourly tick or the menu.
    const saved = [
      t('app.meetings.saved', { id, row }),
      ...(minutesToCirculate ? [t('app.meetings.circulate-next', { command: circulateLabel })] : []),
    ].join(' ');
    ports.ui.toast(
      changed ? `${saved}${leftAlone(notWritten)}` : unchangedMessage('Meeting', id),
      t('app.meetings.title'),
    );
    return { ok: true, id, row, changed };
  } catch (error) {
    if (error instanceof MeetingInputError)
      return { ok: false, errors: [...error.errors], ...(error.current ? { current: error.current } : {}) };
    throw error;
  }
}
