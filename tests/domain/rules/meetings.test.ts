import { describe, expect, it } from 'vitest';
import { azerbaijan, check, refs, uzbekistan, type Spec } from './support';

type MeetingSpec = Spec['meetings'][number];

function held(id: string, date: string, more: MeetingSpec = {}): MeetingSpec {
  return {
    id,
    date,
    kind: 'Regular',
    mode: 'Online',
    status: 'Held',
    attendees: ['IOM'],
    agendaCirculatedOn: '2000-01-01',
    minutesLink: 'https://x',
    ...more,
  };
}

function withMeetings(spec: Spec, meetings: MeetingSpec[]): Spec {
  spec.meetings = meetings;
  return spec;
}

describe('meetings.cadence', () => {
  it('counts calendar quarters: a meeting moved from late March to 10 April keeps one in each quarter', () => {
    const spec = withMeetings(uzbekistan(), [
      held('M-1', '2026-01-10'),
      held('M-2', '2026-04-10'),
      held('M-3', '2026-06-30'),
    ]);
    expect(check(spec, '2026-06-30', 'meetings.cadence')).toEqual([]);
    expect(check(spec, '2026-07-01', 'meetings.cadence').map((f) => [f.ref, f.severity])).toEqual([
      ['2026-Q3', 'warning'],
    ]);
  });

  it('reports an ended quarter from its first next day, not on its last', () => {
    const spec = withMeetings(uzbekistan(), [
      held('M-1', '2026-01-10'),
      { ...held('M-2', '2026-06-20'), status: 'Planned' },
    ]);
    const lastDay = check(spec, '2026-06-30', 'meetings.cadence');
    expect(lastDay.map((f) => [f.ref, f.severity])).toEqual([['2026-Q2', 'warning']]);
    expect(lastDay[0]!.message).toBe(
      'No regular meeting is held or planned in the second quarter of 2026 (April to June), which ends on 30 June 2026; the Uzbekistan ToR asks for one meeting a quarter. The last regular meeting before it was M-1 on 10 January 2026.',
    );
    const [f, ...rest] = check(spec, '2026-07-01', 'meetings.cadence');
    expect(f).toMatchObject({ severity: 'error', sheet: 'Meetings', row: null, ref: '2026-Q2' });
    expect(f!.message).toBe(
      'No regular meeting was held in the second quarter of 2026 (April to June); the Uzbekistan ToR asks for one meeting a quarter. The last regular meeting before it was M-1 on 10 January 2026.',
    );
    expect(f!.clause).toBe('Uzbekistan ToR, Working Arrangements: "The UNMN meets one time per quarter"');
    expect(rest.map((r) => [r.ref, r.severity])).toEqual([['2026-Q3', 'warning']]);
  });

  it('does not ask for a meeting in the founding quarter, and asks for one in the next', () => {
    const spec = withMeetings(uzbekistan(), []);
    spec.settings.foundedOn = '2025-11-15';
    expect(check(spec, '2025-12-31', 'meetings.cadence')).toEqual([]);
    expect(check(spec, '2026-01-01', 'meetings.cadence').map((f) => [f.ref, f.severity])).toEqual([
      ['2026-Q1', 'warning'],
    ]);
    expect(check(spec, '2026-04-01', 'meetings.cadence').map((f) => [f.ref, f.severity])).toEqual([
      ['2026-Q1', 'error'],
      ['2026-Q2', 'warning'],
    ]);
    // Founded on the first day of a quarter: that quarter counts in full.
    spec.settings.foundedOn = '2026-01-01';
    expect(check(spec, '2026-01-01', 'meetings.cadence').map((f) => f.ref)).toEqual(['2026-Q1']);
  });

  it('counts only held Regular and Annual meetings; a planned one answers for the current period only', () => {
    const spec = withMeetings(uzbekistan(), [
      { ...held('M-1', '2026-01-10'), status: 'Cancelled' },
      { ...held('M-2', '2026-02-10'), kind: 'Extraordinary' },
      { ...held('M-3', '2026-03-20'), kind: 'Annual' },
      { ...held('M-4', '2026-05-20'), status: 'Planned' },
    ]);
    expect(check(spec, '2026-05-01', 'meetings.cadence')).toEqual([]);
    expect(refs(check(spec, '2026-07-02', 'meetings.cadence'))).toEqual([
      'meetings.cadence:2026-Q2',
      'meetings.cadence:2026-Q3',
    ]);
  });

  it('names half-years, years and months as RULES.md does', () => {
    const az = withMeetings(azerbaijan(), [held('M-1', '2026-03-10')]);
    az.settings.foundedOn = '2025-01-01';
    const found = check(az, '2026-08-01', 'meetings.cadence');
    expect(found.map((f) => [f.ref, f.severity])).toEqual([
      ['2025-H1', 'error'],
      ['2025-H2', 'error'],
      ['2026-H2', 'warning'],
    ]);
    expect(found[0]!.message).toContain(
      'the first half of 2025 (January to June); the Azerbaijan ToR asks for a meeting on a bi-annual basis',
    );
    expect(found[0]!.clause).toBe(
      'Azerbaijan ToR, Role and Organizational Arrangements: "The UN Migration Network will meet on a bi-annual basis"',
    );
    az.settings.meetingCadenceMonths = 12;
    expect(check(az, '2026-08-01', 'meetings.cadence').map((f) => f.ref)).toEqual(['2025']);
    az.settings.meetingCadenceMonths = 2;
    const monthly = check(az, '2025-03-01', 'meetings.cadence');
    expect(monthly.map((f) => f.ref)).toEqual(['2025-01', '2025-03']);
    expect(monthly[0]!.message).toContain(
      'January to February 2025; the settings ask for a regular meeting in every period of 2 months',
    );
    expect(monthly[0]!.clause).toBe('Network settings: "Meeting cadence (months)" = 2');
  });

  it('counts from the first regular meeting on record when Founded on is blank, and is silent when the cadence is blank', () => {
    const spec = withMeetings(uzbekistan(), [held('M-1', '2026-02-10')]);
    spec.settings.foundedOn = null;
    expect(refs(check(spec, '2026-07-01', 'meetings.cadence'))).toEqual([
      'meetings.cadence:2026-Q2',
      'meetings.cadence:2026-Q3',
    ]);
    spec.settings.meetingCadenceMonths = null;
    expect(check(spec, '2026-07-01', 'meetings.cadence')).toEqual([]);
    const none = withMeetings(uzbekistan(), []);
    none.settings.foundedOn = null;
    expect(check(none, undefined, 'meetings.cadence')).toEqual([]);
  });

  it("takes only a cadence that divides the year: anything else is a Settings problem, and the profile's cadence is used", () => {
    const spec = withMeetings(uzbekistan(), [held('M-1', '2026-01-10'), held('M-2', '2026-04-10')]);
    spec.settings.meetingCadenceMonths = 5;
    const found = check(spec, '2026-06-15').filter((f) => f.rule === 'data.invalid' || f.rule === 'meetings.cadence');
    expect(found.map((f) => `${f.rule}:${f.sheet}`)).toEqual(['data.invalid:Settings']);
    expect(found[0]!.message).toContain('is not one of 1, 2, 3, 4, 6 or 12');
  });
});

describe('meetings.annual', () => {
  it('does not ask for an Annual meeting in the founding year, and asks for one in every year after it', () => {
    const spec = azerbaijan();
    spec.settings.foundedOn = '2024-11-01';
    spec.meetings = spec.meetings.filter((m) => m.kind !== 'Annual');
    expect(check(spec, '2024-12-31', 'meetings.annual')).toEqual([]);
    expect(check(spec, '2025-01-01', 'meetings.annual').map((f) => [f.ref, f.severity])).toEqual([['2025', 'warning']]);
    const found = check(spec, '2026-06-15', 'meetings.annual');
    expect(found.map((f) => [f.ref, f.severity])).toEqual([
      ['2025', 'error'],
      ['2026', 'warning'],
    ]);
    expect(found[0]!.clause).toBe(
      'Azerbaijan ToR, Role and Organizational Arrangements: "There will be at least one Annual Network Meeting of the full membership of the Network"',
    );
    spec.meetings.push({ ...held('M-2025-09', '2025-12-15'), kind: 'Annual' });
    expect(refs(check(spec, '2026-06-15', 'meetings.annual').filter((f) => f.rule === 'meetings.annual'))).toEqual([
      'meetings.annual:2026',
    ]);
  });

  it('does not count a cancelled annual meeting', () => {
    const spec = azerbaijan();
    spec.settings.foundedOn = '2025-06-01';
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

describe('meetings.annual-membership', () => {
  it('asks an Annual meeting for the full membership and for stakeholders', () => {
    const spec = azerbaijan();
    spec.meetings.push({ ...held('M-2026-04', '2026-05-20'), kind: 'Annual', attendees: ['IOM', 'UNRC'] });
    const found = check(spec, undefined, 'meetings.annual-membership');
    expect(found.map((f) => [f.ref, f.severity])).toEqual([
      ['M-2026-04', 'warning'],
      ['M-2026-04', 'info'],
    ]);
    expect(found[0]!.message).toBe(
      'M-2026-04, the Annual meeting of 20 May 2026, lists 2 members among its Attendees; UNDP was a member that day and is not listed; the ToR asks for a meeting of the full membership',
    );
    expect(found[1]!.message).toContain(
      'names no External participants; the ToR asks the annual meeting to include other relevant stakeholders',
    );
    expect(found[0]!.clause).toContain('of the full membership of the Network to include other relevant stakeholders');
    spec.meetings[spec.meetings.length - 1] = {
      ...spec.meetings[spec.meetings.length - 1]!,
      attendees: ['IOM', 'UNRC', 'UNDP'],
      externalParticipants: 'State Migration Service',
    };
    expect(check(spec, undefined, 'meetings.annual-membership')).toEqual([]);
  });

  it('counts only members active on the day, takes RCO for UNRC, and is silent where no annual meeting is required', () => {
    const spec = azerbaijan();
    spec.members.push({ agency: 'WHO', roles: ['Member'], status: 'Active', joinedOn: '2026-06-01' });
    spec.meetings.push({
      ...held('M-2026-04', '2026-05-20'),
      kind: 'Annual',
      attendees: ['IOM', 'RCO', 'UNDP'],
      externalParticipants: 'IFRC',
    });
    expect(check(spec, undefined, 'meetings.annual-membership')).toEqual([]);
    const uz = uzbekistan();
    uz.meetings.push({ ...held('M-2026-04', '2026-05-20'), kind: 'Annual', attendees: ['IOM'] });
    expect(check(uz, undefined, 'meetings.annual-membership')).toEqual([]);
  });
});

describe('meetings.status', () => {
  it('asks for a Planned meeting whose day has passed to be marked Held or Cancelled', () => {
    const spec = uzbekistan();
    spec.meetings.push({
      id: 'M-2026-03',
      date: '2026-06-14',
      kind: 'Regular',
      status: 'Planned',
      title: 'Q2 meeting',
    });
    expect(check(spec, '2026-06-14', 'meetings.status')).toEqual([]);
    const [f] = check(spec, '2026-06-15', 'meetings.status');
    expect(f).toMatchObject({ severity: 'warning', ref: 'M-2026-03', row: 4 });
    expect(f!.message).toBe(
      'M-2026-03 ("Q2 meeting") was planned for 14 June 2026, 1 day ago, and is still recorded as Planned',
    );
    expect(f!.clause).toContain('ensure that all meetings are convened, facilitated, documented');
  });
});

describe('meetings.minutes-approved', () => {
  it('asks for approval once the minutes are older than the minutes and approval days together', () => {
    const spec = uzbekistan();
    spec.meetings.push(held('M-2026-03', '2026-05-01', { minutesApprovedOn: null, minutesCirculatedOn: null }));
    // 14 days for the minutes, 14 more for their approval: due by 2026-05-29.
    expect(check(spec, '2026-05-29', 'meetings.minutes-approved')).toEqual([]);
    const [f] = check(spec, '2026-05-30', 'meetings.minutes-approved');
    expect(f).toMatchObject({ severity: 'warning', ref: 'M-2026-03' });
    expect(f!.message).toContain('were due for approval by 29 May 2026');
    spec.settings.minutesApprovalDueDays = 30;
    expect(check(spec, '2026-05-30', 'meetings.minutes-approved')).toEqual([]);
    expect(check(spec, '2026-06-15', 'meetings.minutes-approved')[0]!.clause).toBe(
      'Network settings: "Minutes approval due (days after minutes due)" = 30',
    );
  });

  it('leaves minutes without a link to meetings.minutes', () => {
    const spec = uzbekistan();
    spec.meetings.push(held('M-2026-03', '2026-05-01', { minutesLink: '' }));
    expect(check(spec, '2026-06-15', 'meetings.minutes-approved')).toEqual([]);
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
    expect(f!.clause).toBe(
      'Uzbekistan ToR, Working Arrangements, note 4: "The chosen mode of a meeting shall be recorded in the minutes"',
    );
  });

  it('is silent under the Azerbaijan ToR and cites the setting where a network turns it on', () => {
    const spec = azerbaijan();
    spec.meetings[1]!.mode = null;
    expect(check(spec, undefined, 'meetings.mode')).toEqual([]);
    spec.settings.meetingModeRequired = true;
    expect(check(spec, undefined, 'meetings.mode')[0]!.clause).toBe(
      'Network settings: "Meeting mode must be recorded" = Yes',
    );
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
    expect(found[1]!.message).toContain(
      'went out on 1 April 2026, 4 days before the meeting on 5 April 2026; it was due by 31 March 2026',
    );
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
    expect(check(spec, '2026-06-16', 'meetings.minutes')).toMatchObject([
      { ref: 'M-2026-03', severity: 'error', row: 4 },
    ]);
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
    expect(f!.clause).toBe(
      'Uzbekistan ToR, Coordination and Secretariat: "The Secretariat will share all minutes of UNMN meetings"',
    );
  });
});

describe('meetings.rco-archive', () => {
  it('asks the Uzbekistan network for the archive address when it is blank, and for every circulated set of minutes', () => {
    const spec = uzbekistan();
    expect(check(spec, undefined, 'meetings.rco-archive')).toEqual([]);
    spec.settings.rcoArchiveEmail = null;
    spec.meetings[0]!.sharedWithRcoOn = null;
    const found = check(spec, undefined, 'meetings.rco-archive');
    expect(found.map((f) => [f.sheet, f.ref])).toEqual([
      ['Settings', null],
      ['Meetings', 'M-2026-01'],
    ]);
    expect(found[0]!.row).toBe(4);
    expect(found[0]!.clause).toContain("with UNRC's Office (RCO) for reporting and archiving purposes");
  });

  it('is silent under the Azerbaijan ToR until an address is set, then cites the setting', () => {
    const az = azerbaijan();
    az.settings.rcoArchiveEmail = null;
    for (const m of az.meetings) m.sharedWithRcoOn = null;
    expect(check(az, undefined, 'meetings.rco-archive')).toEqual([]);
    az.settings.rcoArchiveEmail = 'rco.archive@un.org';
    const found = check(az, undefined, 'meetings.rco-archive');
    expect(refs(found)).toEqual(['meetings.rco-archive:M-2026-01', 'meetings.rco-archive:M-2026-02']);
    expect(found[0]!.clause).toBe('Network settings: "RCO archive email" = rco.archive@un.org');
    az.settings.rcoArchiveRequired = true;
    expect(check(az, undefined, 'meetings.rco-archive')[0]!.clause).toBe(
      'Network settings: "RCO archive required" = Yes',
    );
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

describe('meetings.disclosure', () => {
  it('asks the Azerbaijan network for a Disclosure decision behind a Public meeting', () => {
    const spec = azerbaijan();
    spec.meetings[1]!.confidentiality = 'Public';
    const [f, ...rest] = check(spec, undefined, 'meetings.disclosure');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', ref: 'M-2026-02', row: 3 });
    expect(f!.clause).toContain('meant for internal use only, unless explicitly stated and agreed otherwise');
    spec.decisions.push({
      id: 'D-2026-03',
      date: '2026-04-05',
      meeting: 'M-2026-02',
      kind: 'Disclosure',
      subject: 'M-2026-02',
      consulted: ['IOM', 'UNRC', 'UNDP'],
      outcome: 'Pending',
    });
    expect(refs(check(spec, undefined, 'meetings.disclosure'))).toEqual(['meetings.disclosure:M-2026-02']);
    spec.decisions[spec.decisions.length - 1]!.outcome = 'Adopted';
    expect(check(spec, undefined, 'meetings.disclosure')).toEqual([]);
  });

  it('is silent where disclosure needs no agreement', () => {
    const spec = uzbekistan();
    spec.meetings[1]!.confidentiality = 'Public';
    expect(check(spec, undefined, 'meetings.disclosure')).toEqual([]);
  });
});
