/** The annual reviews of the example's 2026 and 2025, every figure counted by hand from examples/uzbekistan.ts. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../../src/domain/network';
import { annualReview } from '../../../src/domain/reports/annual-review';
import { EXAMPLE_TODAY, exampleNetwork, values } from '../../support/example';

let network: Network;
beforeAll(async () => {
  network = await exampleNetwork();
});

const review = (year: number) => {
  const report = annualReview(network, { year, today: EXAMPLE_TODAY });
  return { report, table: (id: string) => report.tables.find((t) => t.id === id) };
};

describe('annual review of the example, 2026', () => {
  it('counts the meetings held against the quarterly cadence and the annual meeting the network adopted', () => {
    const { report, table } = review(2026);
    expect(report.title).toBe('Annual review 2026');
    expect(report.tables.map((t) => t.id)).toEqual([
      'meetings',
      'meetings-held',
      'attendance',
      'external',
      'working-groups',
      'decisions',
      'decision-register',
      'joint-statements',
      'consultations',
      'answer-rates',
      'actions',
      'workplan',
      'compliance',
    ]);
    expect(values(table('meetings'))).toEqual([
      ['Regular and annual', 5, 4],
      ['Annual network meeting', 1, 1],
      ['Extraordinary', 0, null],
      ['Working group', 1, null],
    ]);
    expect(table('meetings')!.totals).toEqual(['Total', 6, null]);
    expect(values(table('meetings-held'))).toEqual([
      [
        'M-2026-01',
        '2026-01-07',
        'Regular',
        'In person',
        'Q1 2026 meeting: 2026 workplan and a migration data task team',
        13,
        '2026-01-21',
      ],
      ['M-2026-02', '2026-03-04', 'Working group', 'Online', 'Migration Data Task Team: kick-off', 5, null],
      ['M-2026-03', '2026-04-01', 'Regular', null, 'Q2 2026 meeting: the regional GCM review', 13, '2026-04-15'],
      [
        'M-2026-04',
        '2026-06-24',
        'Regular',
        'Online',
        'Mid-year meeting: the draft Law on Labour Migration',
        13,
        '2026-07-08',
      ],
      ['M-2026-05', '2026-09-16', 'Regular', 'Hybrid', 'Q3 2026 meeting: preparing the 2027 workplan', 13, null],
      [
        'M-2026-06',
        '2026-11-18',
        'Annual',
        'In person',
        'Year-end meeting: 2026 results and International Migrants Day',
        13,
        null,
      ],
    ]);
  });

  it('gives every member full attendance at the five network meetings', () => {
    const { table } = review(2026);
    const rows = values(table('attendance'));
    expect(rows.map((r) => r[0])).toEqual([
      'IOM',
      'UNRC',
      'UNDP',
      'UNICEF',
      'ILO',
      'UNHCR',
      'OHCHR',
      'UNWOMEN',
      'UNFPA',
      'UNODC',
      'WHO',
      'FAO',
      'UNHABITAT',
    ]);
    for (const row of rows) expect(row.slice(1)).toEqual([5, 5, 1]);
    expect(table('attendance')!.totals).toEqual(['Total', 65, 65, 1]);
  });

  it('lists the five decisions adopted, each consulting all 13 members, and counts the Pending one apart', () => {
    const { table } = review(2026);
    expect(values(table('decisions')).map((r) => [r[0], r[1], r[2], r[4], r[5], r[6], r[7]])).toEqual([
      ['D-2026-01', '2026-01-07', 'Workplan endorsement', 13, 13, '', ''],
      ['D-2026-02', '2026-01-07', 'Working group', 13, 13, '', ''],
      ['D-2026-03', '2026-04-01', 'General', 13, 13, '', ''],
      ['D-2026-04', '2026-06-24', 'General', 13, 13, '', ''],
      ['D-2026-05', '2026-09-16', 'General', 13, 13, '', ''],
    ]);
    expect(table('decisions')!.totals).toEqual(['Total', null, null, '5 adopted', 65, 65, null, null]);
    expect(table('decisions')!.note).toContain('Also recorded in 2026: 1 Pending, 0 Not adopted.');
  });

  it('follows the seven action points due in 2026', () => {
    const { table } = review(2026);
    expect(values(table('actions'))).toEqual([
      ['Done', 3],
      ['Done by the due day', 3],
      ['Open and overdue on 23 November 2026', 2],
      ['Open, not yet due', 1],
      ['Dropped', 1],
    ]);
    expect(table('actions')!.totals).toEqual(['Due in the year', 7]);
  });

  it('measures workplan delivery and funding by status', () => {
    const { table } = review(2026);
    expect(values(table('workplan'))).toEqual([
      ['Not started', 0, 0, 0, 0, null, 0],
      ['On track', 2, 0.4, 240000, 210000, 0.875, 30000],
      // 20,000 of 35,000.
      ['Delayed', 1, 0.2, 35000, 20000, 0.571, 15000],
      ['Completed', 2, 0.4, 35000, 35000, 1, 0],
      ['Dropped', 0, 0, 0, 0, null, 0],
    ]);
    // 265,000 of 310,000.
    expect(table('workplan')!.totals).toEqual(['Total', 5, 1, 310000, 265000, 0.855, 45000]);
  });

  it('sums up the compliance check of 2026-11-23 by rule, errors first', () => {
    const { report, table } = review(2026);
    expect(values(table('compliance'))).toEqual([
      ['meetings.circulated', 'Not in line with the ToR', 1],
      ['meetings.mode', 'Not in line with the ToR', 1],
      ['meetings.rco-archive', 'Not in line with the ToR', 1],
      ['actions.overdue', 'Needs attention', 2],
      ['consultations.overdue', 'Needs attention', 1],
      ['decisions.evidence', 'Needs attention', 1],
      ['meetings.agenda', 'Needs attention', 1],
      ['meetings.annual-membership', 'Needs attention', 1],
      ['meetings.disclosure', 'Needs attention', 1],
      ['meetings.minutes-approved', 'Needs attention', 1],
      ['meetings.status', 'Needs attention', 1],
      ['members.corporate-email', 'Needs attention', 1],
      ['workplan.overdue', 'Needs attention', 1],
      ['groups.ended', 'Note', 1],
      ['meetings.annual-membership', 'Note', 1],
    ]);
    expect(table('compliance')!.totals).toEqual(['Total', null, 16]);
    expect(report.charts).toEqual([
      { title: 'Meetings held against the ToR', table: 'meetings', category: 0, series: [1, 2] },
      { title: 'Attendance rate by agency', table: 'attendance', category: 0, series: [3] },
    ]);
  });
});

describe('annual review of the example, 2026: the network at work', () => {
  it('lists the external participants met, at the task team kick-off only', () => {
    const { table } = review(2026);
    expect(values(table('external'))).toEqual([
      [
        'M-2026-02',
        '2026-03-04',
        'Migration Data Task Team: kick-off',
        'Statistics Agency under the President of the Republic of Uzbekistan',
      ],
    ]);
  });

  it('lists both working groups of the year with the meetings each held', () => {
    const { table } = review(2026);
    expect(values(table('working-groups')).map((r) => [r[0], r[2], r[3], r[4], r[6], r[7], r[8]])).toEqual([
      ['WG-01', 'Permanent', 'ILO', 5, null, 0, ''],
      ['WG-02', 'Ad hoc', 'UNFPA', 5, '2026-10-31', 1, '4 March 2026: Migration Data Task Team: kick-off'],
    ]);
  });

  it('keeps a register of every decision of the year with its text, outcome, consulted and objections', () => {
    const { table } = review(2026);
    const register = values(table('decision-register'));
    expect(register.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['D-2026-01', '2026-01-07', 'Adopted'],
      ['D-2026-02', '2026-01-07', 'Adopted'],
      ['D-2026-03', '2026-04-01', 'Adopted'],
      ['D-2026-04', '2026-06-24', 'Adopted'],
      ['D-2026-05', '2026-09-16', 'Adopted'],
      ['D-2026-06', '2026-11-20', 'Pending'],
    ]);
    expect(register[5]).toEqual([
      'D-2026-06',
      '2026-11-20',
      'Joint statement for International Migrants Day 2026',
      'Draft joint statement on migrant health and social protection, circulated for written consultation until 4 December.',
      'Pending',
      'IOM, UNRC, WHO, ILO, UNICEF',
      '',
    ]);
    expect(values(table('joint-statements')).map((r) => [r[0], r[3]])).toEqual([['D-2026-06', 'Pending']]);
  });

  it("counts the written consultations, their answer rates and each member's", () => {
    const { table } = review(2026);
    // Thirteen members asked each time; ILO, UNDP and WHO answered the first, five members the second.
    expect(values(table('consultations')).map((r) => [r[0], r[5], r[7], r[8], r[9]])).toEqual([
      ['C-2026-01', 'Open', 13, 3, 0.231],
      ['C-2026-02', 'Open', 13, 5, 0.385],
    ]);
    expect(table('consultations')!.totals!.slice(7)).toEqual([26, 8, 0.308]);
    expect(values(table('answer-rates'))).toEqual([
      ['IOM', 2, 1, 0.5],
      ['UNRC', 2, 1, 0.5],
      ['UNDP', 2, 1, 0.5],
      ['UNICEF', 2, 1, 0.5],
      ['ILO', 2, 2, 1],
      ['UNHCR', 2, 0, 0],
      ['OHCHR', 2, 0, 0],
      ['UNWOMEN', 2, 0, 0],
      ['UNFPA', 2, 0, 0],
      ['UNODC', 2, 0, 0],
      ['WHO', 2, 2, 1],
      ['FAO', 2, 0, 0],
      ['UNHABITAT', 2, 0, 0],
    ]);
  });

  it('ends with the emerging challenges and recommendations of Settings, or those typed for this copy', () => {
    const { report } = review(2026);
    expect(report.sections.map((s) => [s.title, s.place, s.text.slice(0, 40)])).toEqual([
      ['Emerging challenges', 'after', 'Climate-related displacement from the Ar'],
      ['Recommendations', 'after', 'Fund the 2027 data actions before the pl'],
    ]);
    const typed = annualReview(network, {
      year: 2026,
      today: EXAMPLE_TODAY,
      notes: { emergingChallenges: 'Winter returns.', recommendations: '' },
    });
    expect(typed.sections).toEqual([{ title: 'Emerging challenges', text: 'Winter returns.', place: 'after' }]);
  });
});

describe('annual review of the example, 2025', () => {
  it('counts three regular meetings, the annual one and one extraordinary', () => {
    const { table } = review(2025);
    expect(values(table('meetings')).map((r) => r.slice(0, 3))).toEqual([
      ['Regular and annual', 4, 4],
      ['Annual network meeting', 1, 1],
      ['Extraordinary', 1, null],
      ['Working group', 0, null],
    ]);
  });

  it('rates attendance from the attendees lists (FAO missed two meetings; UN-Habitat joined after the last)', () => {
    const { table } = review(2025);
    expect(values(table('attendance'))).toEqual([
      ['IOM', 5, 5, 1],
      ['UNRC', 5, 5, 1],
      ['UNDP', 5, 5, 1],
      ['UNICEF', 5, 5, 1],
      ['ILO', 5, 5, 1],
      ['UNHCR', 5, 5, 1],
      ['OHCHR', 5, 4, 0.8],
      ['UNWOMEN', 5, 4, 0.8],
      ['UNFPA', 5, 4, 0.8],
      ['UNODC', 5, 4, 0.8],
      ['WHO', 5, 4, 0.8],
      ['FAO', 5, 3, 0.6],
    ]);
    // 6 × 5 + 5 × 4 + 3 = 53 of 60.
    expect(table('attendance')!.totals).toEqual(['Total', 60, 53, 0.883]);
  });

  it('counts six decisions adopted, the admission consulting the twelve members, and one action point done late', () => {
    const { table } = review(2025);
    expect(values(table('decisions')).map((r) => [r[0], r[4], r[5]])).toEqual([
      ['D-2025-01', 12, 12],
      ['D-2025-02', 12, 12],
      ['D-2025-03', 12, 12],
      ['D-2025-04', 12, 12],
      ['D-2025-05', 12, 12],
      ['D-2025-06', 12, 12],
    ]);
    expect(values(table('actions'))).toEqual([
      ['Done', 6],
      ['Done by the due day', 5],
      ['Open and overdue on 23 November 2026', 0],
      ['Open, not yet due', 0],
      ['Dropped', 0],
    ]);
  });

  it('asks for no regular meeting in the founding year before a full cadence has passed', () => {
    const { table } = review(2024);
    expect(values(table('meetings'))[0]).toEqual(['Regular and annual', 0, 0]);
  });

  it('requires an annual meeting where the ToR asks for one (the Azerbaijan profile)', () => {
    const azerbaijan = {
      ...network,
      settings: { ...network.settings, annualMeetingRequired: true, meetingCadenceMonths: 6 },
    };
    const report = annualReview(azerbaijan, { year: 2026, today: EXAMPLE_TODAY });
    expect(values(report.tables[0]).map((r) => r.slice(0, 3))).toEqual([
      ['Regular and annual', 5, 2],
      ['Annual network meeting', 1, 1],
      ['Extraordinary', 0, null],
      ['Working group', 1, null],
    ]);
  });
});
