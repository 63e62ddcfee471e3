/**
 * The calendar invitation that travels with a meeting's agenda: an iCalendar object (RFC 5545) built
 * by ical-generator. One UID per meeting for ever, so that a calendar replaces the event it holds;
 * SEQUENCE raised on each change after the first invitation; METHOD:CANCEL when the meeting is
 * cancelled. Times are the wall clock of the network's time zone (Settings' Time zone), as the
 * Meetings tab holds them.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { IsoDay } from './dates';
import { t } from './i18n';
import type { Meeting } from './tables';
import { wallClockIn } from './wall-clock';

export type InvitationMethod = 'REQUEST' | 'CANCEL';

/** An invitation as the Mailer carries it: in Apps Script an `invite.ics` attachment, in an .eml a text/calendar part. */
export interface Invitation {
  readonly method: InvitationMethod;
  readonly ics: string;
}

/** A meeting starts at 10:00 and lasts two hours where the Meetings tab says nothing else (WORKBOOK.md). */
export const DEFAULT_TIME = '10:00';
export const DEFAULT_MINUTES = 120;

export interface InvitationInput {
  readonly meeting: Pick<Meeting, 'id' | 'date' | 'time' | 'durationMinutes' | 'venueOrLink' | 'title' | 'kind'>;
  readonly method: InvitationMethod;
  readonly sequence: number;
  /** Names the calendar and makes the UID the network's own. */
  readonly networkName: string;
  /** IANA zone; blank: floating times, read in each attendee's own zone. */
  readonly timeZone: string;
  /** The secretariat's address ('' when the register names none). */
  readonly organizer: string;
  readonly attendees: readonly string[];
  readonly description: string;
  /** When the invitation was made (DTSTAMP), as a day. */
  readonly stamp: IsoDay;
}

/** The meeting's UID: its ID and the network's name, so that no other network's M-2026-05 replaces it. */
export function invitationUid(meetingId: string, networkName: string): string {
  const network = networkName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${meetingId.trim().toUpperCase()}@${network || 'un-network-on-migration'}.unmn`;
}

/** Wall-clock `YYYY-MM-DDTHH:MM:00` plus minutes, with no zone: arithmetic on the fields only. */
function wallClock(day: IsoDay, time: string, plusMinutes = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const t = new Date(Date.UTC(y, m - 1, d, h, min + plusMinutes));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}T${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:00`;
}

/** The zone's UTC offset (`+0400`) at a wall-clock time, from the platform's time zone data. */
function offsetAt(timeZone: string, local: string): string {
  const guess = new Date(`${local}Z`);
  const [y, m, d, h, min] = wallClockIn(guess, timeZone);
  const shown = Date.UTC(y, m - 1, d, h, min);
  const minutes = Math.round((shown - guess.getTime()) / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The VTIMEZONE that RFC 5545 asks for each TZID used: ical-generator takes it from a generator
 * function. Calendars resolve an IANA TZID by its name; this block gives the offset in force at the
 * meeting for those that read it, which is all one meeting needs.
 */
function vtimezone(local: string): (timeZone: string) => string {
  return (timeZone) => {
    const offset = offsetAt(timeZone, local);
    return [
      'BEGIN:VTIMEZONE',
      `TZID:${timeZone}`,
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      'END:STANDARD',
      'END:VTIMEZONE',
    ].join('\r\n');
  };
}

/** Whether a zone name is one the platform knows (a typo in Settings gives floating times, not a crash). */
function knownZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function invitation(input: InvitationInput): Invitation {
  const { meeting } = input;
  const time = /^\d{1,2}:\d{2}$/.test(meeting.time?.trim() ?? '') ? meeting.time!.trim() : DEFAULT_TIME;
  const start = wallClock(meeting.date, time);
  const end = wallClock(meeting.date, time, meeting.durationMinutes ?? DEFAULT_MINUTES);
  const zone = input.timeZone.trim();
  const zoned = zone !== '' && knownZone(zone);
  const calendar = ical({
    // @i18n-exempt: the calendar product's identifier (RFC 5545 PRODID), which no person reads
    prodId: { company: 'UN Network on Migration', product: 'unmn-secretariat', language: 'EN' },
    name: input.networkName,
    method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  // The zone goes on the event, with its VTIMEZONE from the generator: a calendar-wide zone would make
  // ical-generator write DTSTAMP in local time, where RFC 5545 asks for UTC.
  if (zoned) calendar.timezone({ name: null, generator: vtimezone(start) });
  const venue = meeting.venueOrLink.trim();
  calendar.createEvent({
    id: invitationUid(meeting.id, input.networkName),
    sequence: input.sequence,
    stamp: new Date(`${input.stamp}T00:00:00Z`),
    start,
    end,
    ...(zoned ? { timezone: zone } : { floating: true }),
    summary: t('email.invitation.summary', {
      network: input.networkName,
      title: meeting.title.trim() || t('email.meeting.untitled', { kind: meeting.kind }),
    }),
    description: input.description,
    ...(venue === '' ? {} : { location: venue }),
    ...(/^https?:\/\/\S+$/i.test(venue) ? { url: venue } : {}),
    status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    ...(input.organizer === '' ? {} : { organizer: { name: t('email.invitation.organizer'), email: input.organizer } }),
    attendees: input.attendees.map((email) => ({
      email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: input.method === 'REQUEST',
    })),
  });
  return { method: input.method, ics: calendar.toString() };
}
