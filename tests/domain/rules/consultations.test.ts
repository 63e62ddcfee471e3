import { describe, expect, it } from 'vitest';
import { decodeNetwork } from '../../../src/domain/network';
import { checkNetwork } from '../../../src/domain/rules';
import { azerbaijan, check, gridsOf, refs, uzbekistan, type Spec } from './support';

type ConsultationSpec = NonNullable<Spec['consultations']>[number];

const proposal: ConsultationSpec = {
  id: 'C-2026-01',
  openedOn: '2026-05-04',
  deadline: '2026-05-12',
  kind: 'No objection',
  title: 'Joint statement for International Migrants Day',
  status: 'Open',
};

function withAnswers(spec: Spec, consultation: ConsultationSpec, answers: NonNullable<Spec['answers']>): Spec {
  spec.consultations = [consultation];
  spec.answers = answers;
  return spec;
}

describe('decisions.evidence', () => {
  it('accepts Consulted within the attendees and warns, naming them, for members who did not attend', () => {
    const spec = uzbekistan();
    spec.meetings[0]!.attendees = ['IOM', 'UNRC', 'UNDP'];
    expect(check(spec, undefined, 'decisions.evidence')).toEqual([]);
    spec.meetings[0]!.attendees = ['IOM', 'UNRC'];
    const found = check(spec, undefined, 'decisions.evidence');
    expect(refs(found)).toEqual(['decisions.evidence:D-2026-01', 'decisions.evidence:D-2026-02']);
    expect(found[0]).toMatchObject({ severity: 'warning', sheet: 'Decisions', row: 2 });
    expect(found[0]!.message).toBe(
      'D-2026-01 (10 January 2026) was taken at M-2026-01 and lists UNDP as consulted, but it did not attend M-2026-01 and no written consultation is named; the ToR asks for consultation with all members, and Consulted should show how each was reached',
    );
    expect(found[0]!.clause).toBe(
      'Uzbekistan ToR, Composition and Membership: "Decisions relevant to the UNMN work will be made by consensus based on consultations with all its Members"',
    );
  });

  it('lets a written consultation cover the members that did not attend: an answer, or silence where silence is agreement', () => {
    const spec = uzbekistan();
    spec.meetings[0]!.attendees = ['IOM', 'UNRC'];
    spec.decisions[0]!.consultation = 'C-2026-01';
    withAnswers(
      spec,
      {
        ...proposal,
        openedOn: '2026-01-02',
        deadline: '2026-01-09',
        kind: 'Approval',
        status: 'Closed',
        outcome: 'Agreed',
      },
      [],
    );
    expect(refs(check(spec, undefined, 'decisions.evidence'))).toEqual([
      'decisions.evidence:D-2026-01',
      'decisions.evidence:D-2026-02',
    ]);
    spec.answers = [
      {
        timestamp: '2026-01-05T09:00:00',
        consultation: 'C-2026-01',
        agency: 'UNDP',
        answer: 'Approve',
        answeredBy: 'dilnoza.yusupova@undp.org',
      },
    ];
    expect(refs(check(spec, undefined, 'decisions.evidence'))).toEqual(['decisions.evidence:D-2026-02']);
    spec.answers = [];
    spec.consultations![0]!.kind = 'No objection';
    expect(refs(check(spec, undefined, 'decisions.evidence'))).toEqual(['decisions.evidence:D-2026-02']);
  });

  it('notes a decision taken outside a meeting that names no consultation', () => {
    const spec = uzbekistan();
    spec.decisions[0]!.meeting = '';
    const [f, ...rest] = check(spec, undefined, 'decisions.evidence');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'info', ref: 'D-2026-01' });
    spec.decisions[0]!.consultation = 'C-2026-01';
    withAnswers(spec, { ...proposal, status: 'Closed', outcome: 'Agreed' }, []);
    expect(check(spec, undefined, 'decisions.evidence')).toEqual([]);
  });

  it('leaves a meeting without attendance to meetings.attendance, and Pending decisions alone', () => {
    const spec = uzbekistan();
    spec.meetings[0]!.attendees = [];
    spec.decisions[1]!.outcome = 'Pending';
    spec.decisions[1]!.meeting = '';
    expect(check(spec, undefined, 'decisions.evidence')).toEqual([]);
  });
});

describe('consultations.overdue', () => {
  it('warns about an Open consultation from the day after its deadline, not on it', () => {
    const spec = withAnswers(uzbekistan(), proposal, [
      { timestamp: '2026-05-05T10:00:00', consultation: 'C-2026-01', agency: 'UNDP', answer: 'No objection' },
    ]);
    expect(check(spec, '2026-05-12', 'consultations.overdue')).toEqual([]);
    const [f] = check(spec, '2026-05-13', 'consultations.overdue');
    expect(f).toMatchObject({ severity: 'warning', sheet: 'Consultations', row: 2, ref: 'C-2026-01' });
    expect(f!.message).toBe(
      'C-2026-01 ("Joint statement for International Migrants Day") closed for answers on 12 May 2026, 1 day ago, and is still Open with 1 answer; until it is closed, its outcome is not on record',
    );
    spec.consultations![0]!.status = 'Closed';
    expect(check(spec, '2026-05-13', 'consultations.overdue')).toEqual([]);
  });

  it('reports a decision or answer that names a consultation no row has', () => {
    const spec = withAnswers(uzbekistan(), proposal, [
      { timestamp: '2026-05-05T10:00:00', consultation: 'C-2026-09', agency: 'UNXX', answer: 'Object' },
    ]);
    spec.decisions[0]!.consultation = 'C-2026-07';
    expect(check(spec, '2026-05-10', 'data.reference').map((f) => [f.sheet, f.ref, f.message])).toEqual([
      [
        'Decisions',
        'D-2026-01',
        'Decisions row 2 (D-2026-01), Consultation: "C-2026-07" is not a consultation ID in Consultations',
      ],
      ['Answers', 'C-2026-09', 'Answers row 2 (C-2026-09), Agency: "UNXX" is not an agency in Members'],
      [
        'Answers',
        'C-2026-09',
        'Answers row 2 (C-2026-09), Consultation: "C-2026-09" is not a consultation ID in Consultations',
      ],
    ]);
  });
});

describe('groups.ended', () => {
  it('notes an Ad hoc group past its end until a decision closes it', () => {
    const spec = uzbekistan();
    spec.groups.push({
      id: 'WG-02',
      name: 'Task team on the returnees study',
      kind: 'Ad hoc',
      leadAgency: 'IOM',
      members: ['IOM'],
      establishedBy: 'D-2026-01',
      endsOn: '2026-06-14',
    });
    expect(check(spec, '2026-06-14', 'groups.ended')).toEqual([]);
    const [f] = check(spec, '2026-06-15', 'groups.ended');
    expect(f).toMatchObject({ severity: 'info', sheet: 'Working groups', row: 3, ref: 'WG-02' });
    expect(f!.message).toBe(
      'WG-02 (Task team on the returnees study) is an Ad hoc working group whose term ended on 14 June 2026, and no later adopted decision about it is on record',
    );
    spec.decisions.push({
      id: 'D-2026-03',
      date: '2026-06-14',
      meeting: 'M-2026-02',
      kind: 'Working group',
      subject: 'WG-02',
      consulted: ['IOM', 'UNRC', 'UNDP'],
      outcome: 'Adopted',
    });
    expect(check(spec, '2026-06-15', 'groups.ended')).toEqual([]);
  });

  it('leaves Permanent groups alone', () => {
    const spec = uzbekistan();
    spec.groups[0]!.endsOn = '2026-01-01';
    expect(check(spec, undefined, 'groups.ended')).toEqual([]);
  });
});

describe('data.duplicate-id in Settings', () => {
  it('reports a setting named twice, on its later row, and uses the first', () => {
    const grids = gridsOf(uzbekistan());
    grids.Settings.push(['  meeting cadence (months)', 6], ['Meeting cadence (months)', 3]);
    const network = decodeNetwork(grids);
    expect(network.settings.meetingCadenceMonths).toBe(6);
    const found = checkNetwork(network, '2026-06-15').filter((f) => f.rule === 'data.duplicate-id');
    expect(found.map((f) => [f.sheet, f.row, f.ref])).toEqual([['Settings', 6, 'Meeting cadence (months)']]);
    expect(found[0]!.message).toBe(
      'Settings row 6 repeats the setting "Meeting cadence (months)" of row 5; the add-on uses row 5 and ignores row 6',
    );
  });
});

describe('what a consultation proves, and blank settings', () => {
  it('counts no withdrawn consultation as evidence, and silence only once a No objection one closed agreed', () => {
    const spec = uzbekistan();
    spec.meetings[0]!.attendees = ['IOM', 'UNRC'];
    spec.decisions[0]!.consultation = 'C-2026-01';
    withAnswers(spec, { ...proposal, openedOn: '2026-01-02', deadline: '2026-01-09', status: 'Withdrawn' }, [
      { timestamp: '2026-01-05T09:00:00', consultation: 'C-2026-01', agency: 'UNDP', answer: 'No objection' },
    ]);
    expect(refs(check(spec, undefined, 'decisions.evidence'))).toEqual([
      'decisions.evidence:D-2026-01',
      'decisions.evidence:D-2026-02',
    ]);
    spec.consultations![0]!.status = 'Open';
    spec.answers = [];
    expect(refs(check(spec, undefined, 'decisions.evidence'))).toEqual([
      'decisions.evidence:D-2026-01',
      'decisions.evidence:D-2026-02',
    ]);
    spec.consultations![0] = { ...spec.consultations![0]!, status: 'Closed', outcome: 'Agreed' };
    expect(refs(check(spec, undefined, 'decisions.evidence'))).toEqual(['decisions.evidence:D-2026-02']);
  });

  it('takes the first meeting on record for the founding year when Founded on is blank', () => {
    const spec = azerbaijan();
    spec.settings.foundedOn = null;
    spec.meetings = [heldOn('M-2024-01', '2024-03-10'), ...spec.meetings.filter((m) => m.kind !== 'Annual')];
    expect(check(spec, '2026-06-15', 'meetings.annual').map((f) => [f.ref, f.severity])).toEqual([
      ['2025', 'error'],
      ['2026', 'warning'],
    ]);
  });

  it('gives a blank endorsement day the default of 90 days, and asks for no approval of minutes that have no due day', () => {
    const spec = uzbekistan();
    spec.decisions.splice(1, 1);
    spec.settings.workplanEndorsementDueDays = null;
    expect(check(spec, '2026-01-05', 'workplan.endorsed')).toMatchObject([{ severity: 'info' }]);
    const minutes = uzbekistan();
    minutes.settings.minutesDueDays = null;
    minutes.meetings.push({ ...heldOn('M-2026-03', '2026-04-05'), minutesApprovedOn: null });
    expect(check(minutes, '2026-06-15', 'meetings.minutes-approved')).toEqual([]);
  });
});

function heldOn(id: string, date: string): NonNullable<Spec['meetings']>[number] {
  return {
    id,
    date,
    kind: 'Regular',
    mode: 'Online',
    status: 'Held',
    attendees: ['IOM', 'UNRC', 'UNDP'],
    agendaCirculatedOn: '2000-01-01',
    minutesLink: 'https://x',
  };
}
