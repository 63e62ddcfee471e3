/** The action tracker of the example on 2026-11-23, every figure counted by hand from examples/uzbekistan.ts. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../../src/domain/network';
import { actionTracker } from '../../../src/domain/reports/action-tracker';
import { OVERDUE_FILL } from '../../../src/domain/reports/report';
import { EXAMPLE_TODAY, exampleNetwork, values } from '../../support/example';

let network: Network;
beforeAll(async () => {
  network = await exampleNetwork();
});

describe('action tracker of the example', () => {
  it('lists the three open action points, the two overdue first and highlighted', () => {
    const report = actionTracker(network, { today: EXAMPLE_TODAY });
    const open = report.tables[0]!;
    expect(values(open)).toEqual([
      // 15 October to 23 November: 16 days of October and 23 of November.
      [
        'A-2026-004',
        'OHCHR',
        "Brief the Ombudsman's office on migrant workers' rights under the draft law",
        'D-2026-04',
        '2026-10-15',
        39,
        '2026-10-22',
        'Date with the Ombudsman not yet confirmed',
      ],
      [
        'A-2026-005',
        'UNFPA',
        "Circulate the task team's mapping of migration data sources",
        'M-2026-05',
        '2026-11-06',
        17,
        '2026-11-09',
        '',
      ],
      [
        'A-2026-006',
        'IOM',
        "Collect the members' proposals for the 2027 workplan",
        'D-2026-05',
        '2026-12-15',
        null,
        null,
        '',
      ],
    ]);
    expect(open.fills).toEqual([OVERDUE_FILL, OVERDUE_FILL, null]);
    // The Actions tab: header in row 1, A-2026-004 is the tenth action.
    expect(open.rows[0]![0]).toEqual({ text: 'A-2026-004', sheet: 'Actions', row: 11 });
  });

  it("counts each owner agency's open, overdue, done and dropped action points and its completion rate", () => {
    const report = actionTracker(network, { today: EXAMPLE_TODAY });
    const byAgency = report.tables[1]!;
    expect(byAgency.columns.map((c) => c.header)).toEqual([
      'Agency',
      'Open',
      'Overdue',
      'Done',
      'Dropped',
      'Completion rate',
    ]);
    expect(values(byAgency)).toEqual([
      ['IOM', 1, 0, 3, 0, 0.75],
      ['UNRC', 0, 0, 1, 0, 1],
      ['UNDP', 0, 0, 0, 1, null],
      ['UNICEF', 0, 0, 1, 0, 1],
      ['ILO', 0, 0, 2, 0, 1],
      ['UNHCR', 0, 0, 1, 0, 1],
      ['OHCHR', 1, 1, 0, 0, 0],
      ['UNWOMEN', 0, 0, 1, 0, 1],
      ['UNFPA', 1, 1, 0, 0, 0],
    ]);
    // 13 action points: 3 open (2 overdue), 9 done, 1 dropped; 9 done of 12 = 75%.
    expect(byAgency.totals).toEqual(['Total', 3, 2, 9, 1, 0.75]);
    expect(report.charts).toEqual([
      { title: 'Action points by owner agency', table: 'by-agency', category: 0, series: [1, 2, 3] },
    ]);
  });

  it('says so when nothing is open', () => {
    const records = network.actions.records.map((a) => ({ ...a, status: 'Done' as const }));
    const report = actionTracker({ ...network, actions: { ...network.actions, records } }, { today: EXAMPLE_TODAY });
    expect(report.tables[0]!.rows).toEqual([]);
    expect(report.tables[0]!.empty).toBe('No action point is open.');
    expect(report.tables[1]!.totals).toEqual(['Total', 0, 0, 13, 0, 1]);
  });
});
