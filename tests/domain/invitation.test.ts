import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { invitation, invitationUid, type InvitationInput } from '../../src/domain/invitation';

const INPUT: InvitationInput = {
  meeting: {
    id: 'M-2026-05',
    date: '2026-09-16',
    time: '14:30',
    durationMinutes: 90,
    venueOrLink: 'UN House, Tashkent',
    title: 'Q3 2026 meeting',
    kind: 'Regular',
  },
  method: 'REQUEST',
  sequence: 0,
  networkName: 'UN Network on Migration in Uzbekistan',
  timeZone: 'Asia/Tashkent',
  organizer: 'secretariat@iom.int',
  attendees: ['a@iom.int', 'b@undp.org'],
  description: 'Agenda: https://docs.example/agenda',
  stamp: '2026-09-09',
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, event };
}

describe('the calendar invitation', () => {
  it('parses as RFC 5545 with the start in the network time zone, the UID and the focal points', () => {
    const { calendar, event } = parse(invitation(INPUT).ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const start = event.getFirstProperty('dtstart')!;
    expect(start.getParameter('tzid')).toBe('Asia/Tashkent');
    expect(String(start.getFirstValue())).toBe('2026-09-16T14:30:00');
    expect(String(event.getFirstPropertyValue('dtend'))).toBe('2026-09-16T16:00:00');
    expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Asia/Tashkent');
    expect(event.getFirstPropertyValue('uid')).toBe(invitationUid('M-2026-05', INPUT.networkName));
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(event.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase())).toEqual([
      'mailto:a@iom.int',
      'mailto:b@undp.org',
    ]);
    expect(String(event.getFirstPropertyValue('organizer')).toLowerCase()).toBe('mailto:secretariat@iom.int');
    expect(event.getFirstPropertyValue('location')).toBe('UN House, Tashkent');
    // RFC 5545 3.8.7.2: DTSTAMP is always in UTC, whatever the events' time zone.
    expect(invitation(INPUT).ics).toMatch(/\r\nDTSTAMP:20260909T000000Z\r\n/);
    expect((event.getFirstPropertyValue('dtstamp') as ICAL.Time).zone?.tzid).toBe('UTC');
  });

  it('keeps the UID and carries the sequence and the cancellation', () => {
    const { calendar, event } = parse(
      invitation({ ...INPUT, method: 'CANCEL', sequence: 2, meeting: { ...INPUT.meeting, time: '' } }).ics,
    );
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
    expect(event.getFirstPropertyValue('uid')).toBe(invitationUid('M-2026-05', INPUT.networkName));
    expect(String(event.getFirstPropertyValue('dtstart'))).toBe('2026-09-16T10:00:00');
  });
});
