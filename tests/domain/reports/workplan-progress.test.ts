/** Workplan progress of the example's 2026 and 2025 workplans, every figure added up by hand from examples/uzbekistan.ts. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../../src/domain/network';
import { OVERDUE_FILL } from '../../../src/domain/reports/report';
import { workplanProgress } from '../../../src/domain/reports/workplan-progress';
import { EXAMPLE_TODAY, exampleNetwork, table, values } from '../../support/example';

let network: Network;
beforeAll(async () => {
  network = await exampleNetwork();
});

const build = (year: number) => workplanProgress(network, { year, today: EXAMPLE_TODAY });

describe('workplan progress of the example, 2026', () => {
  it("lists each key action's result, partners, period, money, status, progress and results, the late one highlighted", () => {
    const report = build(2026);
    expect(report.title).toBe('Workplan progress 2026');
    const items = table(report, 'key-actions');
    expect(items.columns.map((c) => c.header)).toEqual([
      'ID',
      'Key action',
      'Expected result',
      'Lead agency',
      'Partner agencies',
      'Start',
      'End',
      'Budget',
      'Funded',
      'Funding gap',
      'Status',
      'Progress',
      'Results to date',
      'Cooperation Framework outcome',
    ]);
    expect(values(items).map((r) => [r[0], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11]])).toEqual([
      ['W-2026-01', 'IOM', 'UNRC, UNWOMEN, UNICEF, ILO', '2026-02-01', '2026-06-30', 10000, 10000, 0, 'Completed', 1],
      ['W-2026-02', 'ILO', 'IOM, OHCHR, UNWOMEN', '2026-03-01', '2026-09-30', 25000, 25000, 0, 'Completed', 1],
      [
        'W-2026-03',
        'UNFPA',
        'IOM, UNICEF, UNHCR, UNHABITAT',
        '2026-03-01',
        '2026-10-31',
        35000,
        20000,
        15000,
        'Delayed',
        0.8,
      ],
      ['W-2026-04', 'UNWOMEN', 'IOM, UNDP', '2026-04-01', '2026-12-31', 180000, 150000, 30000, 'On track', 0.7],
      ['W-2026-05', 'FAO', 'UNDP, UNHABITAT, IOM', '2026-05-01', '2026-12-31', 60000, 60000, 0, 'On track', 0.55],
    ]);
    expect(values(items)[2]!.slice(1, 3)).toEqual([
      'Mapping of migration data sources and gaps',
      'A data map shared with the Statistics Agency',
    ]);
    expect(values(items).map((r) => r[13])).toEqual([
      'Outcome 4: Effective and accountable governance',
      'Outcome 2: Decent work and inclusive growth',
      'Outcome 4: Effective and accountable governance',
      'Outcome 3: Social protection for all',
      '',
    ]);
    expect(values(items)[3]![12]).toBe('212 returning women counselled and 64 small business grants awarded.');
    // 10,000 + 25,000 + 35,000 + 180,000 + 60,000; funded 10,000 + 25,000 + 20,000 + 150,000 + 60,000.
    expect(items.totals).toEqual([
      'Total',
      '5 key actions',
      null,
      null,
      null,
      null,
      null,
      310000,
      265000,
      45000,
      null,
      null,
      null,
      null,
    ]);
    expect(items.fills).toEqual([null, null, OVERDUE_FILL, null, null]);
    expect(items.note).toContain('Highlighted in red: past its End on 23 November 2026');
  });

  it('opens with the cover note of Settings, or the one typed for this copy', () => {
    const cover = build(2026).sections;
    expect(cover).toEqual([
      {
        title: 'Cover note',
        text: 'The Network asks the UN Country Team to help close the funding gap of the reintegration and data mapping actions, and to take the migration data map into the Cooperation Framework joint work plans for 2027.',
        place: 'before',
      },
    ]);
    const typed = workplanProgress(network, {
      year: 2026,
      today: EXAMPLE_TODAY,
      notes: { coverNote: ' Please fund W-2026-03. ' },
    });
    expect(typed.sections).toEqual([{ title: 'Cover note', text: 'Please fund W-2026-03.', place: 'before' }]);
    expect(workplanProgress(network, { year: 2026, today: EXAMPLE_TODAY, notes: { coverNote: '' } }).sections).toEqual(
      [],
    );
  });

  it('totals by Cooperation Framework outcome, the rows naming none apart', () => {
    const byOutcome = table(build(2026), 'by-cf-outcome');
    expect(values(byOutcome)).toEqual([
      ['Outcome 4: Effective and accountable governance', 2, 45000, 30000, 15000],
      ['Outcome 2: Decent work and inclusive growth', 1, 25000, 25000, 0],
      ['Outcome 3: Social protection for all', 1, 180000, 150000, 30000],
      ['(no outcome named)', 1, 60000, 60000, 0],
    ]);
    expect(byOutcome.totals).toEqual(['Total', 5, 310000, 265000, 45000]);
  });

  it('totals by lead agency in register order', () => {
    const byLead = table(build(2026), 'by-lead-agency');
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
    const byObjective = table(build(2026), 'by-gcm-objective');
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
    expect(values(table(report, 'by-status'))).toEqual([
      ['Not started', 0, 0, 0, 0],
      ['On track', 2, 240000, 210000, 30000],
      ['Delayed', 1, 35000, 20000, 15000],
      ['Completed', 2, 35000, 35000, 0],
      ['Dropped', 0, 0, 0, 0],
    ]);
    expect(table(report, 'by-status').totals).toEqual(['Total', 5, 310000, 265000, 45000]);
    expect(report.charts).toEqual([
      { title: 'Budget and funding by GCM objective (USD)', table: 'by-gcm-objective', category: 0, series: [3, 4] },
      { title: 'Key actions by status', table: 'by-status', category: 0, series: [1] },
    ]);
  });
});

describe('workplan progress of the example, 2025', () => {
  it('counts the dropped, unfunded survey with a gap of its whole budget', () => {
    const report = build(2025);
    expect(values(report.tables[0]).map((r) => [r[0], r[10], r[7], r[8], r[9]])).toEqual([
      ['W-2025-01', 'Completed', 15000, 15000, 0],
      ['W-2025-02', 'Completed', 120000, 95000, 25000],
      ['W-2025-03', 'Completed', 40000, 40000, 0],
      ['W-2025-04', 'Completed', 65000, 65000, 0],
      ['W-2025-05', 'Dropped', 30000, 0, 30000],
    ]);
    expect(report.tables[0]!.totals?.slice(7, 10)).toEqual([270000, 215000, 55000]);
    expect(values(table(report, 'by-status')).map((r) => r.slice(0, 2))).toEqual([
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
    expect(report.tables[0]!.totals?.slice(7, 10)).toEqual([0, 0, 0]);
  });
});
