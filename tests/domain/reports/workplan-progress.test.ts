/** Workplan progress of the example's 2026 and 2025 workplans, every figure added up by hand from examples/uzbekistan.ts. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../../src/domain/network';
import { OVERDUE_FILL } from '../../../src/domain/reports/report';
import { workplanProgress } from '../../../src/domain/reports/workplan-progress';
import { EXAMPLE_TODAY, exampleNetwork, values } from '../../support/example';

let network: Network;
beforeAll(async () => {
  network = await exampleNetwork();
});

const build = (year: number) => workplanProgress(network, { year, today: EXAMPLE_TODAY });

describe('workplan progress of the example, 2026', () => {
  it("lists each key action's lead, status, progress, budget, funded and gap, the late one highlighted", () => {
    const report = build(2026);
    expect(report.title).toBe('Workplan progress 2026');
    const items = report.tables[0]!;
    expect(values(items)).toEqual([
      [
        'W-2026-01',
        'Joint contribution to the regional review of the GCM',
        'IOM',
        'Completed',
        1,
        10000,
        10000,
        0,
        '2026-06-30',
      ],
      [
        'W-2026-02',
        'Technical support to the draft Law on Labour Migration',
        'ILO',
        'Completed',
        1,
        25000,
        25000,
        0,
        '2026-09-30',
      ],
      [
        'W-2026-03',
        'Mapping of migration data sources and gaps',
        'UNFPA',
        'Delayed',
        0.8,
        35000,
        20000,
        15000,
        '2026-10-31',
      ],
      [
        'W-2026-04',
        'Reintegration support for returning migrant women',
        'UNWOMEN',
        'On track',
        0.7,
        180000,
        150000,
        30000,
        '2026-12-31',
      ],
      [
        'W-2026-05',
        'Climate-induced mobility: assessment in the Aral Sea region',
        'FAO',
        'On track',
        0.55,
        60000,
        60000,
        0,
        '2026-12-31',
      ],
    ]);
    // 10,000 + 25,000 + 35,000 + 180,000 + 60,000; funded 10,000 + 25,000 + 20,000 + 150,000 + 60,000.
    expect(items.totals).toEqual(['Total', '5 key actions', null, null, null, 310000, 265000, 45000, null]);
    expect(items.fills).toEqual([null, null, OVERDUE_FILL, null, null]);
  });

  it('totals by lead agency in register order', () => {
    const byLead = build(2026).tables[1]!;
    expect(values(byLead)).toEqual([
      ['IOM', 1, 10000, 10000, 0],
      ['ILO', 1, 25000, 25000, 0],
      ['UNWOMEN', 1, 180000, 150000, 30000],
      ['UNFPA', 1, 35000, 20000, 15000],
      ['FAO', 1, 60000, 60000, 0],
    ]);
    expect(byLead.totals).toEqual(['Total', 5, 310000, 265000, 45000]);
  });

  it('totals by GCM objective, an item counting under each of its objectives', () => {
    const byObjective = build(2026).tables[2]!;
    expect(values(byObjective).map((r) => [r[0], ...r.slice(2)])).toEqual([
      ['1', 2, 45000, 30000, 15000],
      ['2', 1, 60000, 60000, 0],
      ['5', 1, 60000, 60000, 0],
      ['6', 1, 25000, 25000, 0],
      ['7', 1, 180000, 150000, 30000],
      ['21', 1, 180000, 150000, 30000],
      ['22', 1, 25000, 25000, 0],
      ['23', 1, 10000, 10000, 0],
    ]);
    expect(byObjective.rows[0]![1]).toBe(
      'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies',
    );
    expect(byObjective.totals).toBeNull();
  });

  it('counts by status, and charts budget against funding by objective and items by status', () => {
    const report = build(2026);
    expect(values(report.tables[3])).toEqual([
      ['Not started', 0, 0, 0, 0],
      ['On track', 2, 240000, 210000, 30000],
      ['Delayed', 1, 35000, 20000, 15000],
      ['Completed', 2, 35000, 35000, 0],
      ['Dropped', 0, 0, 0, 0],
    ]);
    expect(report.tables[3]!.totals).toEqual(['Total', 5, 310000, 265000, 45000]);
    expect(report.charts).toEqual([
      { title: 'Budget and funding by GCM objective (USD)', table: 'by-gcm-objective', category: 0, series: [3, 4] },
      { title: 'Key actions by status', table: 'by-status', category: 0, series: [1] },
    ]);
  });
});

describe('workplan progress of the example, 2025', () => {
  it('counts the dropped, unfunded survey with a gap of its whole budget', () => {
    const report = build(2025);
    expect(values(report.tables[0]).map((r) => [r[0], r[3], r[5], r[6], r[7]])).toEqual([
      ['W-2025-01', 'Completed', 15000, 15000, 0],
      ['W-2025-02', 'Completed', 120000, 95000, 25000],
      ['W-2025-03', 'Completed', 40000, 40000, 0],
      ['W-2025-04', 'Completed', 65000, 65000, 0],
      ['W-2025-05', 'Dropped', 30000, 0, 30000],
    ]);
    expect(report.tables[0]!.totals?.slice(5, 8)).toEqual([270000, 215000, 55000]);
    expect(values(report.tables[3]).map((r) => r.slice(0, 2))).toEqual([
      ['Not started', 0],
      ['On track', 0],
      ['Delayed', 0],
      ['Completed', 4],
      ['Dropped', 1],
    ]);
  });

  it('says so for a year with no workplan', () => {
    const report = build(2030);
    expect(report.tables[0]!.rows).toEqual([]);
    expect(report.tables[0]!.empty).toBe('The Workplan has no key action for 2030.');
    expect(report.tables[0]!.totals?.slice(5, 8)).toEqual([0, 0, 0]);
  });
});
