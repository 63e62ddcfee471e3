import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNetwork } from '../../../src/app/network';
import { checkNetwork } from '../../../src/domain/rules';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';

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
  ['warning', 'meetings.annual-membership', 'Meetings', 'M-2025-05'],
  ['warning', 'meetings.minutes-approved', 'Meetings', 'M-2026-02'],
  ['warning', 'meetings.disclosure', 'Meetings', 'M-2026-04'],
  ['warning', 'meetings.status', 'Meetings', 'M-2026-07'],
  ['warning', 'decisions.evidence', 'Decisions', 'D-2025-04'],
  ['warning', 'actions.overdue', 'Actions', 'A-2026-004'],
  ['warning', 'actions.overdue', 'Actions', 'A-2026-005'],
  ['warning', 'workplan.overdue', 'Workplan', 'W-2026-03'],
  ['warning', 'consultations.overdue', 'Consultations', 'C-2026-01'],
  ['info', 'meetings.annual-membership', 'Meetings', 'M-2026-06'],
  ['info', 'groups.ended', 'Working groups', 'WG-02'],
];

describe.runIf(existsSync(FILE))('the example workbook on 23 November 2026', () => {
  it('reports exactly the lapses it was built with', async () => {
    const { network } = readNetwork(await XlsxWorkbook.open(FILE));
    const findings = checkNetwork(network, '2026-11-23');
    expect(findings.map((f) => [f.severity, f.rule, f.sheet, f.ref])).toEqual(EXPECTED);
    for (const f of findings) {
      // Two working methods the network adopted beyond its ToR cite its Settings.
      expect(f.clause).toMatch(
        /^(Uzbekistan ToR, |Network settings: "(Annual network meeting required|Disclosure needs agreement)" = Yes)/,
      );
      expect(f.row).toBeGreaterThan(1);
    }
    const mode = findings[0]!;
    expect(mode.message).toBe(
      'M-2026-03 on 1 April 2026 was held but its Mode (In person, Online or Hybrid) is not recorded',
    );
    expect(findings[2]!.message).toContain(
      'approved on 7 October 2026 but have not been circulated; they were due to go out by 14 October 2026',
    );
  });

  it('asks about the Q1 2027 meeting once its day has passed, and reports the quarter once it has ended', async () => {
    const { network } = readNetwork(await XlsxWorkbook.open(FILE));
    const about2027 = (today: string) =>
      checkNetwork(network, today).filter((f) => f.rule === 'meetings.cadence' || f.ref === 'M-2027-01');
    expect(about2027('2027-02-10')).toEqual([]);
    expect(about2027('2027-02-11').map((f) => [f.rule, f.severity, f.ref])).toEqual([
      ['meetings.cadence', 'warning', '2027-Q1'],
      ['meetings.status', 'warning', 'M-2027-01'],
    ]);
    const [late] = about2027('2027-04-01');
    expect(late).toMatchObject({ rule: 'meetings.cadence', severity: 'error', ref: '2027-Q1' });
    expect(late!.message).toBe(
      'No regular meeting was held in the first quarter of 2027 (January to March); the Uzbekistan ToR asks for one meeting a quarter. The last regular meeting before it was M-2026-06 on 18 November 2026.',
    );
  });
});
