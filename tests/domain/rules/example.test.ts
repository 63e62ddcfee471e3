import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNetwork } from '../../../src/app/network';
import { checkNetwork } from '../../../src/domain/rules';
import { XlsxWorkbook } from '../../../src/node/xlsx-workbook';

const FILE = 'examples/uzbekistan.xlsx';

/**
 * The example's lapses (examples/README.md) as a reader of the Uzbekistan ToR would list them on
 * 2026-11-23, and nothing else: what looks like a lapse but is not (minutes of a meeting five days
 * old, a Pending statement, an inactive focal point, a Dropped row, a Planned meeting) stays silent.
 */
const EXPECTED = [
  ['error', 'meetings.mode', 'Meetings', 'M-2026-03'],
  ['error', 'meetings.rco-archive', 'Meetings', 'M-2026-04'],
  ['error', 'meetings.circulated', 'Meetings', 'M-2026-05'],
  ['warning', 'members.corporate-email', 'Focal points', 'UNFPA'],
  ['warning', 'meetings.agenda', 'Meetings', 'M-2025-03'],
  ['warning', 'actions.overdue', 'Actions', 'A-2026-004'],
  ['warning', 'actions.overdue', 'Actions', 'A-2026-005'],
  ['warning', 'workplan.overdue', 'Workplan', 'W-2026-03'],
];

describe.runIf(existsSync(FILE))('the example workbook on 2026-11-23', () => {
  it('reports exactly the lapses it was built with', async () => {
    const { network } = readNetwork(await XlsxWorkbook.open(FILE));
    const findings = checkNetwork(network, '2026-11-23');
    expect(findings.map((f) => [f.severity, f.rule, f.sheet, f.ref])).toEqual(EXPECTED);
    for (const f of findings) {
      expect(f.clause).toMatch(/^Uzbekistan ToR, /);
      expect(f.row).toBeGreaterThan(1);
    }
    const mode = findings[0]!;
    expect(mode.message).toBe('M-2026-03 on 2026-04-01 was held but its Mode (In person, Online or Hybrid) is not recorded');
    expect(findings[2]!.message).toContain('approved on 2026-10-07 but have not been circulated; they were due to go out by 2026-10-14');
  });

  it('finds the missed regular meeting a week after the Q1 2027 meeting was due', async () => {
    const { network } = readNetwork(await XlsxWorkbook.open(FILE));
    expect(checkNetwork(network, '2027-02-18').filter((f) => f.rule === 'meetings.cadence')).toEqual([]);
    const [late] = checkNetwork(network, '2027-02-19').filter((f) => f.rule === 'meetings.cadence');
    expect(late).toMatchObject({ ref: null, severity: 'error' });
    expect(late!.message).toContain('the next was due by 2027-02-18');
    expect(late!.message).toContain('M-2027-01 is planned for 2027-02-10');
  });
});
