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
import { FocalPointsTable, LogTable, MeetingsTable, MembersTable, SettingsTable, type Meeting } from '../domain/tables';
import type { Ports } from '../ports';
import { requireSecretariat } from './authorize';
import { describeSkipped, leftAlone, withLockedTabs } from './repository';

const WHAT = 'plan or update a meeting';
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
        meetingFieldError(
          field,
          `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a member' : 'are not members'} of the Members tab`,
        ),
      );
  }
  if (value.status === 'Held' && value.date > today)
    errors.push(meetingFieldError('status', `a meeting on ${value.date} cannot be Held yet (today is ${today})`));
  if (value.agendaCirculatedOn > today)
    errors.push(meetingFieldError('agendaCirculatedOn', `${value.agendaCirculatedOn} is after today (${today})`));
  const link = value.minutesLink.trim();
  if (link !== '' && !/^https:\/\/\S+$/i.test(link))
    errors.push(meetingFieldError('minutesLink', 'must be a link starting with https://'));
  if (value.minutesApprovedOn !== '') {
    if (value.minutesApprovedOn > today)
      errors.push(meetingFieldError('minutesApprovedOn', `${value.minutesApprovedOn} is after today (${today})`));
    else if (value.minutesApprovedOn < value.date)
      errors.push(
        meetingFieldError('minutesApprovedOn', `${value.minutesApprovedOn} is before the meeting (${value.date})`),
      );
    if (link === '')
      errors.push(meetingFieldError('minutesLink', 'give the link to the minutes before recording their approval'));
    if (value.status !== 'Held')
      errors.push(meetingFieldError('status', 'minutes are approved only for a Held meeting'));
  }
  return errors;
}

/** What the Log's Details say of an update; '' when nothing changed. */
function changes(before: Meeting, after: Meeting): string {
  const parts = Object.entries(MeetingsTable.columns)
    .filter(([k]) => JSON.stringify(before[k as keyof Meeting]) !== JSON.stringify(after[k as keyof Meeting]))
    .map(([k, column]) => `${column.header}: ${JSON.stringify(after[k as keyof Meeting]) ?? 'blank'}`);
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
    requireSecretariat(ports, network, WHAT);
    const parsed = parseMeetingInput(input);
    if (!parsed.ok) throw new MeetingInputError(parsed.errors);
    const value = parsed.value;
    const errors = checkMeeting(value, network, ports.clock.today());
    if (errors.length > 0) throw new MeetingInputError(errors);
    if (network.meetings.header === null || network.log.header === null)
      throw new Error('The Meetings or Log tab is missing or has no header row: run Set up / repair workbook first.');
    const before = value.id === '' ? null : savedMeeting(network, value.id);
    if (value.id !== '' && before === null)
      throw new MeetingInputError([meetingFieldError('id', `${value.id} is not a meeting of the Meetings tab`)]);
    if (before !== null && before.version !== value.version) {
      throw new MeetingInputError(
        [
          meetingFieldError(
            '',
            `${before.meeting.id} was changed by someone else since you opened it; nothing was saved. The panel now shows it as it stands.`,
          ),
        ],
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
        ? `${meeting.kind} meeting on ${meeting.date}: ${meeting.title}`
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
    const logged = notWritten.length === 0 ? details : `${details}; not written: ${notWritten.join('; ')}`;
    tabs.append(LogTable, [
      {
        timestamp: ports.clock.now(),
        actor: email,
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
    const next = minutesToCirculate
      ? ` Its minutes go to the members at the next hourly tick when automation is on, or now from ${circulateLabel}`
      : '';
    ports.ui.toast(
      changed ? `Meeting ${id} saved in row ${row}.${next}${leftAlone(notWritten)}` : unchangedMessage('Meeting', id),
      'Meetings',
    );
    return { ok: true, id, row, changed };
  } catch (error) {
    if (error instanceof MeetingInputError)
      return { ok: false, errors: [...error.errors], ...(error.current ? { current: error.current } : {}) };
    throw error;
  }
}
