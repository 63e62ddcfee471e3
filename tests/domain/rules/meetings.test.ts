import { describe, expect, it } from 'vitest';
import { azerbaijan, check, refs, uzbekistan, type Spec } from './support';

type MeetingSpec = Spec['meetings'][number];

function held(id: string, date: string, more: MeetingSpec = {}): MeetingSpec {
  return { id, date, kind: 'Regular', mode: 'Online', status: 'Held', attendees: ['IOM'], agendaCirculatedOn: '2000-01-01', minutesLink: 'https://x', ...more };
}

function withMeetings(spec: Spec, meetings: MeetingSpec[]): Spec {
  spec.meetings = meetings;
  return spec;
}

describe('meetings.cadence', () => {
  it('accepts meetings exactly the cadence apart and reports one a day later, naming both', () => {
    const ok = withMeetings(uzbekistan(), [held('M-1', '2026-01-10'), held('M-2', '2026-04-10')]);
    expect(check(ok, '2026-06-15', 'meetings.cadence')).toEqual([]);
    const late = withMeetings(uzbekistan(), [held('M-1', '2026-01-18'), held('M-2', '2026-05-20')]);
    const [f, ...rest] = check(late, '2026-06-15', 'meetings.cadence');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', sheet: 'Meetings', row: 3, ref: 'M-2' });
    expect(f!.message).toBe('M-2 on 2026-05-20 came 4 months and 2 days after M-1 on 2026-01-18; the Uzbekistan ToR asks for one meeting a quarter');
    expect(f!.clause).toBe('Uzbekistan ToR, Working Arrangements: "The UNMN meets one time per quarter"');
  });

  it('does calendar months at month ends and leap days', () => {
    const monthEnd = withMeetings(uzbekistan(), [held('M-1', '2025-11-30'), held('M-2', '2026-02-28'), held('M-3', '2026-05-28')]);
    expect(check(monthEnd, '2026-06-15', 'meetings.cadence')).toEqual([]);
    monthEnd.meetings[1]!.date = '2026-03-01';
    expect(refs(check(monthEnd, '2026-06-15', 'meetings.cadence'))).toEqual(['meetings.cadence:M-2']);
    const leap = withMeetings(uzbekistan(), [held('M-1', '2023-11-29'), held('M-2', '2024-02-29')]);
    expect(check(leap, '2024-03-01', 'meetings.cadence')).toEqual([]);
    leap.meetings[1]!.date = '2024-03-01';
    expect(refs(check(leap, '2024-03-01', 'meetings.cadence'))).toEqual(['meetings.cadence:M-2']);
  });

  it('takes Jan 31 + 1 month as the end of February under a monthly cadence set in Settings', () => {
    const spec = withMeetings(uzbekistan(), [held('M-1', '2026-01-31'), held('M-2', '2026-02-28')]);
    spec.settings.meetingCadenceMonths = 1;
    expect(check(spec, '2026-03-28', 'meetings.cadence')).toEqual([]);
    spec.meetings[1]!.date = '2026-03-01';
    const [f] = check(spec, '2026-03-28', 'meetings.cadence');
    expect(f).toMatchObject({ ref: 'M-2' });
    expect(f!.clause).toBe('Network settings: "Meeting cadence (months)" = 1');
    expect(f!.message).toContain('the settings ask for a regular meeting at least every 1 months');
  });

  it('reports the gap up to today with ref null, from the last held meeting', () => {
    const spec = withMeetings(uzbekistan(), [held('M-1', '2026-01-10'), held('M-2', '2026-04-05'), { id: 'M-3', date: '2026-07-20', kind: 'Regular', status: 'Planned' }]);
    expect(check(spec, '2026-07-05', 'meetings.cadence')).toEqual([]);
    const [f] = check(spec, '2026-07-06', 'meetings.cadence');
    expect(f).toMatchObject({ ref: null, row: 3, severity: 'error' });
    expect(f!.message).toContain('The last regular meeting, M-2 on 2026-04-05, was 3 months and 1 day ago; the next was due by 2026-07-05');
    expect(f!.message).toContain('M-3 is planned for 2026-07-20');
  });

  it('counts from Founded on when no meeting was held, and ignores planned, cancelled and extraordinary meetings', () => {
    const spec = withMeetings(uzbekistan(), [
      { ...held('M-1', '2026-01-10'), status: 'Cancelled' },
      { ...held('M-2', '2026-02-10'), kind: 'Extraordinary' },
      { ...held('M-3', '2026-02-20'), status: 'Planned' },
    ]);
    expect(check(spec, '2026-03-01', 'meetings.cadence')).toEqual([]);
    const [f] = check(spec, '2026-03-02', 'meetings.cadence');
    expect(f).toMatchObject({ ref: null, row: null });
    expect(f!.message).toContain('founded on 2025-12-01; the first was due by 2026-03-01');
  });

  it('is silent when the cadence is left blank, and when nothing is known to count from', () => {
    const spec = withMeetings(uzbekistan(), [held('M-1', '2020-01-10')]);
    spec.settings.meetingCadenceMonths = null;
    expect(check(spec, undefined, 'meetings.cadence')).toEqual([]);
    const none = withMeetings(uzbekistan(), []);
    none.settings.foundedOn = null;
    expect(check(none, undefined, 'meetings.cadence')).toEqual([]);
  });

  it('holds the Azerbaijan network to six months', () => {
    const spec = withMeetings(azerbaijan(), [held('M-1', '2026-01-10'), held('M-2', '2026-07-10'), { id: 'M-3', date: '2026-11-20', kind: 'Annual', status: 'Planned' }]);
    expect(check(spec, '2026-08-01', 'meetings.cadence')).toEqual([]);
    spec.meetings[1]!.date = '2026-07-11';
    const [f] = check(spec, '2026-08-01', 'meetings.cadence');
    expect(f!.clause).toBe('Azerbaijan ToR, Role and Organizational Arrangements: "The UN Migration Network will meet on a bi-annual basis"');
  });
});

describe('meetings.annual', () => {
  it('reports each past year without a held Annual meeting, and warns for the current year', () => {
    const spec = azerbaijan();
    spec.settings.foundedOn = '2024-03-01';
    spec.meetings.push({ ...held('M-2025-09', '2025-12-15'), kind: 'Annual' });
    expect(refs(check(spec, undefined, 'meetings.annual'))).toEqual(['meetings.annual:2024']);
    spec.meetings = spec.meetings.filter((m) => m.kind !== 'Annual' || m.status !== 'Planned');
    const found = check(spec, undefined, 'meetings.annual');
    expect(found.map((f) => [f.ref, f.severity])).toEqual([
      ['2024', 'error'],
      ['2026', 'warning'],
    ]);
    expect(found[0]!.clause).toBe(
      'Azerbaijan ToR, Role and Organizational Arrangements: "There will be at least one Annual Network Meeting of the full membership of the Network"',
    );
  });

  it('does not count a cancelled annual meeting', () => {
    const spec = azerbaijan();
    spec.meetings.find((m) => m.kind === 'Annual')!.status = 'Cancelled';
    expect(refs(check(spec, undefined, 'meetings.annual'))).toEqual(['meetings.annual:2026']);
  });

  it('checks only the current year when Founded on is blank, and is silent under the Uzbekistan ToR', () => {
    const az = azerbaijan();
    az.settings.foundedOn = null;
    expect(check(az, undefined, 'meetings.annual')).toEqual([]);
    const uz = uzbekistan();
    uz.settings.foundedOn = '2020-01-01';
    expect(check(uz, undefined, 'meetings.annual')).toEqual([]);
  });
});

describe('meetings.mode', () => {
  it('asks the Uzbekistan network to record the mode of each held meeting', () => {
    const spec = uzbekistan();
    spec.meetings[1]!.mode = null;
    spec.meetings.push({ id: 'M-2026-03', date: '2026-07-01', kind: 'Regular', status: 'Planned' });
    const [f, ...rest] = check(spec, undefined, 'meetings.mode');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', ref: 'M-2026-02', row: 3 });
    expect(f!.clause).toBe('Uzbekistan ToR, Working Arrangements, note 4: "The chosen mode of a meeting shall be recorded in the minutes"');
  });

  it('is silent under the Azerbaijan ToR and cites the setting where a network turns it on', () => {
    const spec = azerbaijan();
    spec.meetings[1]!.mode = null;
    expect(check(spec, undefined, 'meetings.mode')).toEqual([]);
    spec.settings.meetingModeRequired = true;
    expect(check(spec, undefined, 'meetings.mode')[0]!.clause).toBe('Network settings: "Meeting mode must be recorded" = Yes');
  });
});

describe('meetings.agenda', () => {
  it('accepts an agenda exactly the due days ahead and warns one day later or when none is recorded', () => {
    const spec = uzbekistan();
    expect(check(spec, undefined, 'meetings.agenda')).toEqual([]);
    spec.meetings[1]!.agendaCirculatedOn = '2026-04-01';
    spec.meetings[0]!.agendaCirculatedOn = null;
    const found = check(spec, undefined, 'meetings.agenda');
    expect(refs(found)).toEqual(['meetings.agenda:M-2026-01', 'meetings.agenda:M-2026-02']);
    expect(found[1]!.message).toContain('went out on 2026-04-01, 4 days before the meeting on 2026-04-05; it was due by 2026-03-31');
  });

  it('is silent when the agenda days are left blank', () => {
    const spec = uzbekistan();
    spec.meetings[0]!.agendaCirculatedOn = null;
    spec.settings.agendaDueDays = null;
    expect(check(spec, undefined, 'meetings.agenda')).toEqual([]);
  });
});

describe('meetings.minutes', () => {
  it('reports a held meeting older than the minutes days without a link', () => {
    const spec = uzbekistan();
    spec.meetings.push(held('M-2026-03', '2026-06-01', { minutesLink: '' }));
    expect(check(spec, '2026-06-15', 'meetings.minutes')).toEqual([]);
    expect(check(spec, '2026-06-16', 'meetings.minutes')).toMatchObject([{ ref: 'M-2026-03', severity: 'error', row: 4 }]);
  });
});

describe('meetings.circulated', () => {
  it('reports approved minutes not circulated within the circulation days', () => {
    const spec = uzbekistan();
    spec.meetings[1]!.minutesApprovedOn = '2026-06-08';
    spec.meetings[1]!.minutesCirculatedOn = null;
    expect(check(spec, '2026-06-15', 'meetings.circulated')).toEqual([]);
    const [f] = check(spec, '2026-06-16', 'meetings.circulated');
    expect(f).toMatchObject({ ref: 'M-2026-02', severity: 'error' });
    expect(f!.clause).toBe('Uzbekistan ToR, Coordination and Secretariat: "The Secretariat will share all minutes of UNMN meetings"');
  });
});

describe('meetings.rco-archive', () => {
  it('is silent until an RCO archive email is set, then asks for every circulated set of minutes', () => {
    const spec = uzbekistan();
    expect(check(spec, undefined, 'meetings.rco-archive')).toEqual([]);
    spec.settings.rcoArchiveEmail = 'rco.archive@un.org';
    spec.meetings[0]!.sharedWithRcoOn = '2026-01-23';
    const [f, ...rest] = check(spec, undefined, 'meetings.rco-archive');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ref: 'M-2026-02' });
    expect(f!.clause).toContain("with UNRC's Office (RCO) for reporting and archiving purposes");
    const az = azerbaijan();
    az.settings.rcoArchiveEmail = 'rco.archive@un.org';
    expect(check(az, undefined, 'meetings.rco-archive')[0]!.clause).toBe('Network settings: "RCO archive email" = rco.archive@un.org');
  });
});

describe('meetings.attendance', () => {
  it('warns about a held meeting without attendees, not a planned one', () => {
    const spec = uzbekistan();
    spec.meetings[0]!.attendees = [];
    spec.meetings.push({ id: 'M-2026-03', date: '2026-07-01', kind: 'Regular', status: 'Planned' });
    expect(check(spec, undefined, 'meetings.attendance')).toMatchObject([{ ref: 'M-2026-01', severity: 'warning' }]);
  });
});
