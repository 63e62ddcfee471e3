/** The GCM review pack of the example, every figure counted by hand from examples/uzbekistan.ts. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../../src/domain/network';
import { gcmSummary, yearPeriod } from '../../../src/domain/reports/gcm-summary';
import { EXAMPLE_TODAY, exampleNetwork, table, values } from '../../support/example';

let network: Network;
beforeAll(async () => {
  network = await exampleNetwork();
});

/** Since the last review (Settings: 31 March 2026), to the example's today. */
const sinceReview = () => gcmSummary(network, { year: 2026, today: EXAMPLE_TODAY });
const of2025 = () => gcmSummary(network, { year: 2026, today: EXAMPLE_TODAY, period: yearPeriod(2025) });

describe('GCM review pack of the example, since the last review', () => {
  it('covers 1 April to 23 November 2026 by default: the day after Last GCM review on, to today', () => {
    const report = sinceReview();
    expect(report.period).toEqual({ from: '2026-04-01', to: '2026-11-23' });
    expect(report.title).toBe('GCM review pack, 1 April to 23 November 2026');
  });

  it('goes through the 23 objectives with the key actions running then and the decisions adopted then', () => {
    const rows = values(table(sinceReview(), 'objectives'));
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 23 }, (_, i) => String(i + 1)));
    expect(rows[12]![1]).toBe('Use migration detention only as a measure of last resort and work towards alternatives');
    const touched = rows.filter((r) => r[2] !== 0 || r[5] !== 0).map((r) => [r[0], r[2], r[3], r[4], r[5], r[6], r[7]]);
    expect(touched).toEqual([
      ['1', 2, 45000, 30000, 1, 'W-2026-01, W-2026-03', 'D-2026-03'],
      ['2', 1, 60000, 60000, 0, 'W-2026-05', ''],
      ['5', 1, 60000, 60000, 0, 'W-2026-05', ''],
      ['6', 1, 25000, 25000, 1, 'W-2026-02', 'D-2026-04'],
      ['7', 1, 180000, 150000, 0, 'W-2026-04', ''],
      ['21', 1, 180000, 150000, 0, 'W-2026-04', ''],
      ['22', 1, 25000, 25000, 1, 'W-2026-02', 'D-2026-04'],
      ['23', 1, 10000, 10000, 1, 'W-2026-01', 'D-2026-03'],
    ]);
  });

  it('lists per objective each key action with its results and each decision with its text', () => {
    const contributions = values(table(sinceReview(), 'contributions'));
    expect(contributions.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['1', 'W-2026-01', 'Key action'],
      ['1', 'W-2026-03', 'Key action'],
      ['1', 'D-2026-03', 'General'],
      ['2', 'W-2026-05', 'Key action'],
      ['5', 'W-2026-05', 'Key action'],
      ['6', 'W-2026-02', 'Key action'],
      ['6', 'D-2026-04', 'General'],
      ['7', 'W-2026-04', 'Key action'],
      ['21', 'W-2026-04', 'Key action'],
      ['22', 'W-2026-02', 'Key action'],
      ['22', 'D-2026-04', 'General'],
      ['23', 'W-2026-01', 'Key action'],
      ['23', 'D-2026-03', 'General'],
    ]);
    expect(contributions[1]!.slice(3)).toEqual([
      'Mapping of migration data sources and gaps',
      'UNFPA',
      'Delayed',
      'Data sources of 11 of the 14 ministries and agencies mapped; the report is in draft.',
    ]);
    expect(contributions[2]![6]).toBe(
      'The Network submits one joint contribution to the regional review of the GCM for Europe and Central Asia.',
    );
  });

  it('lists the fifteen objectives nothing served as gaps', () => {
    const gaps = table(sinceReview(), 'gaps');
    expect(values(gaps).map((r) => r[0])).toEqual([
      '3',
      '4',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
      '17',
      '18',
      '19',
      '20',
    ]);
    expect(values(gaps)[2]).toEqual([
      '8',
      'Save lives and establish coordinated international efforts on missing migrants',
    ]);
  });

  it('counts the guiding principles the key actions name, and says which none names', () => {
    const principles = table(sinceReview(), 'principles');
    expect(values(principles)).toEqual([
      ['(a) People-centred', 1, 'W-2026-04'],
      ['(b) International cooperation', 1, 'W-2026-01'],
      ['(c) National sovereignty', 0, ''],
      ['(d) Rule of law and due process', 1, 'W-2026-02'],
      ['(e) Sustainable development', 2, 'W-2026-03, W-2026-05'],
      ['(f) Human rights', 1, 'W-2026-02'],
      ['(g) Gender-responsive', 1, 'W-2026-04'],
      ['(h) Child-sensitive', 0, ''],
      ['(i) Whole-of-government approach', 1, 'W-2026-03'],
      ['(j) Whole-of-society approach', 1, 'W-2026-01'],
    ]);
    expect(principles.note).toContain('Named by none: National sovereignty and Child-sensitive.');
  });

  it('lists the SDG targets, 10.7 first, then in the order of goals and targets', () => {
    const report = sinceReview();
    expect(values(table(report, 'sdg-targets'))).toEqual([
      ['10.7', 5, 310000, 265000, 'W-2026-01, W-2026-02, W-2026-03, W-2026-04, W-2026-05'],
      ['5.1', 1, 180000, 150000, 'W-2026-04'],
      ['8.5', 1, 180000, 150000, 'W-2026-04'],
      ['8.8', 1, 25000, 25000, 'W-2026-02'],
      ['13.1', 1, 60000, 60000, 'W-2026-05'],
      ['17.18', 2, 45000, 30000, 'W-2026-01, W-2026-03'],
    ]);
    expect(report.charts.map((c) => [c.table, c.series])).toEqual([
      ['objectives', [2, 5]],
      ['principles', [1]],
    ]);
  });
});

describe('GCM review pack of the example, 2025', () => {
  it('counts neither the workplan endorsement nor the admission as a contribution', () => {
    const rows = values(table(of2025(), 'objectives'));
    // D-2025-01 (the 2025 workplan endorsed) named objectives 1, 6, 10 and 16; it counts under none of them.
    expect(rows.filter((r) => r[2] !== 0 || r[5] !== 0).map((r) => [r[0], r[2], r[5], r[7]])).toEqual([
      ['1', 1, 1, 'D-2025-03'],
      ['3', 1, 0, ''],
      ['6', 1, 2, 'D-2025-02, D-2025-06'],
      ['7', 1, 1, 'D-2025-04'],
      ['10', 1, 0, ''],
      ['11', 1, 0, ''],
      ['15', 0, 1, 'D-2025-06'],
      ['17', 0, 1, 'D-2025-06'],
      ['21', 1, 1, 'D-2025-04'],
      ['23', 1, 1, 'D-2025-03'],
    ]);
    expect(values(table(of2025(), 'gaps')).map((r) => r[0])).toEqual([
      '2',
      '4',
      '5',
      '8',
      '9',
      '12',
      '13',
      '14',
      '16',
      '18',
      '19',
      '20',
      '22',
    ]);
  });

  it('counts the principles of 2025, the Dropped survey aside', () => {
    expect(values(table(of2025(), 'principles')).map((r) => r[1])).toEqual([2, 1, 0, 1, 0, 2, 1, 1, 2, 0]);
    expect(table(of2025(), 'principles').note).toContain(
      'Named by none: National sovereignty, Sustainable development and Whole-of-society approach.',
    );
  });

  it('keeps 10.7 first even when no item names it, and orders lettered targets after numbered ones', () => {
    const records = network.workplan.records.map((w, i) => ({
      ...w,
      sdgTargets: i === 0 ? ['10.c', '10.2', '3.8'] : [],
    }));
    const report = gcmSummary(
      { ...network, workplan: { ...network.workplan, records } },
      { year: 2025, today: EXAMPLE_TODAY, period: yearPeriod(2025) },
    );
    expect(values(table(report, 'sdg-targets')).map((r) => [r[0], r[1]])).toEqual([
      ['10.7', 0],
      ['3.8', 1],
      ['10.2', 1],
      ['10.c', 1],
    ]);
  });
});
