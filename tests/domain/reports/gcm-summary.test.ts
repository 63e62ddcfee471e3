/** The GCM summary of the example, every figure counted by hand from examples/uzbekistan.ts. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../../src/domain/network';
import { gcmSummary } from '../../../src/domain/reports/gcm-summary';
import { EXAMPLE_TODAY, exampleNetwork, values } from '../../support/example';

let network: Network;
beforeAll(async () => {
  network = await exampleNetwork();
});

describe('GCM summary of the example', () => {
  it('goes through the 23 objectives in order with their workplan items (Dropped aside), money and Adopted decisions', () => {
    const objectives = gcmSummary(network, { today: EXAMPLE_TODAY }).tables[0]!;
    const rows = values(objectives);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 23 }, (_, i) => String(i + 1)));
    expect(rows[12]![1]).toBe('Use migration detention only as a measure of last resort and work towards alternatives');
    expect(rows.map((r) => [r[0], r[2], r[3], r[4], r[5]])).toEqual([
      ['1', 3, 60000, 45000, 5],
      ['2', 1, 60000, 60000, 0],
      ['3', 1, 120000, 95000, 0],
      ['4', 0, 0, 0, 0],
      ['5', 1, 60000, 60000, 0],
      ['6', 2, 145000, 120000, 5],
      ['7', 2, 220000, 190000, 2],
      ['8', 0, 0, 0, 0],
      ['9', 0, 0, 0, 0],
      ['10', 1, 65000, 65000, 2],
      ['11', 1, 65000, 65000, 0],
      ['12', 0, 0, 0, 0],
      ['13', 0, 0, 0, 0],
      ['14', 0, 0, 0, 0],
      // W-2025-05 (health insurance survey) was Dropped; D-2026-06 is Pending.
      ['15', 0, 0, 0, 1],
      ['16', 0, 0, 0, 1],
      ['17', 0, 0, 0, 1],
      ['18', 0, 0, 0, 0],
      ['19', 0, 0, 0, 0],
      ['20', 0, 0, 0, 0],
      ['21', 2, 220000, 190000, 2],
      ['22', 1, 25000, 25000, 1],
      ['23', 2, 25000, 25000, 2],
    ]);
    expect(rows[0]!.slice(6)).toEqual([
      'W-2025-01, W-2026-01, W-2026-03',
      'D-2025-01, D-2025-03, D-2026-01, D-2026-02, D-2026-03',
    ]);
    expect(rows[5]!.slice(6)).toEqual([
      'W-2025-02, W-2026-02',
      'D-2025-01, D-2025-02, D-2025-06, D-2026-01, D-2026-04',
    ]);
    expect(rows[14]!.slice(6)).toEqual(['', 'D-2025-06']);
  });

  it('lists the nine objectives the network has not touched', () => {
    const untouched = gcmSummary(network, { today: EXAMPLE_TODAY }).tables[1]!;
    expect(values(untouched).map((r) => r[0])).toEqual(['4', '8', '9', '12', '13', '14', '18', '19', '20']);
    expect(values(untouched)[1]).toEqual([
      '8',
      'Save lives and establish coordinated international efforts on missing migrants',
    ]);
  });

  it('lists the SDG targets, 10.7 first, then in the order of goals and targets', () => {
    const report = gcmSummary(network, { today: EXAMPLE_TODAY });
    expect(values(report.tables[2])).toEqual([
      [
        '10.7',
        8,
        485000,
        415000,
        'W-2025-01, W-2025-02, W-2025-03, W-2026-01, W-2026-02, W-2026-03, W-2026-04, W-2026-05',
      ],
      ['5.1', 1, 180000, 150000, 'W-2026-04'],
      ['5.2', 1, 65000, 65000, 'W-2025-04'],
      ['8.5', 1, 180000, 150000, 'W-2026-04'],
      ['8.8', 2, 145000, 120000, 'W-2025-02, W-2026-02'],
      ['13.1', 1, 60000, 60000, 'W-2026-05'],
      ['16.2', 2, 105000, 105000, 'W-2025-03, W-2025-04'],
      ['17.18', 3, 60000, 45000, 'W-2025-01, W-2026-01, W-2026-03'],
    ]);
    expect(report.charts).toEqual([
      { title: 'Workplan items and decisions by GCM objective', table: 'objectives', category: 0, series: [2, 5] },
    ]);
  });

  it('keeps 10.7 first even when no item names it, and orders lettered targets after numbered ones', () => {
    const records = network.workplan.records.map((w, i) => ({
      ...w,
      sdgTargets: i === 0 ? ['10.c', '10.2', '3.8'] : [],
    }));
    const report = gcmSummary({ ...network, workplan: { ...network.workplan, records } }, { today: EXAMPLE_TODAY });
    expect(values(report.tables[2]).map((r) => [r[0], r[1]])).toEqual([
      ['10.7', 0],
      ['3.8', 1],
      ['10.2', 1],
      ['10.c', 1],
    ]);
  });
});
