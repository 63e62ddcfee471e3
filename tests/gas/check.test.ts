/**
 * The Apps Script entry of the compliance check over the fake of Google's services: what a secretariat
 * sees in Sheets (links that jump to the row, coloured rows, a toast, the Log row) and what a member
 * who is not secretariat sees (an alert; nothing written).
 */
import { describe, expect, it } from 'vitest';
import { SEVERITY_COLORS } from '../../src/app/check';
import { MAX_CELL_TEXT } from '../../src/domain/cells';
import { runCommand_ } from '../../src/gas/main';
import { createGasFake, type GasFake } from '../fakes/gas';
import { gridsOf, uzbekistan } from '../domain/rules/support';
import { onFixedDay } from '../support/gas-day';

const runComplianceCheck = () => runCommand_('runComplianceCheck');

// The day the support network keeps every rule.
const install = onFixedDay(new Date(2026, 5, 15, 10, 0, 0));

function fakeFor(activeUser: string): GasFake {
  const spec = uzbekistan();
  spec.decisions[0]!.consulted = ['IOM'];
  return install(createGasFake({ owner: 'owner@un.org', activeUser, sheets: gridsOf(spec) }));
}

describe('runComplianceCheck in Sheets', () => {
  it('writes the Compliance tab with a link to each row and severity colours, toasts and logs', () => {
    const fake = fakeFor('akarimova@iom.int');
    runComplianceCheck();
    const values = fake.sheetValues('Compliance');
    expect(values[0]![0]).toMatch(
      /^Checked on 2026-06-15 at 10:00 against the Uzbekistan ToR .*: 1 not in line with the ToR, 0 need attention, 0 notes$/,
    );
    expect(values[1]).toEqual(['Severity', 'Rule', 'Sheet', 'Row', 'Ref', 'Finding', 'ToR clause', 'How to fix']);
    expect(values.slice(2).map((r) => r[0])).toEqual(['error']);
    expect(values[2]!.slice(0, 5)).toEqual(['error', 'decisions.consensus', 'Decisions', 2, 'D-2026-01']);
    const sheet = fake.sheet('Compliance');
    const decisionsId = fake.sheet('Decisions').sheetId;
    expect(sheet.formulas.get('3,4')).toBe(`=HYPERLINK("#gid=${decisionsId}&range=A2", 2)`);
    expect(sheet.backgrounds.get(3, 1)).toBe(SEVERITY_COLORS.error);
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.fontWeights.get(2, 8)).toBe('bold');
    expect(sheet.fontWeights.get(3, 1)).toBe('normal');
    expect(fake.ui.toasts.map((t) => t.message)).toEqual([
      '1 finding: 1 not in line with the ToR, 0 need attention, 0 notes. See the Compliance tab.',
    ]);
    const log = fake.sheetValues('Log');
    expect(log[log.length - 1]!.slice(1, 3)).toEqual(['akarimova@iom.int', 'Compliance check']);
    // Each tab once under the lock, and Settings once before it for the language of what the entry point shows.
    expect(fake.calls.of('Sheet.getSheetValues')).toBe(12);
  });

  it('shows a member who is not secretariat an alert and writes nothing', () => {
    const fake = fakeFor('dilnoza.yusupova@undp.org');
    const logBefore = fake.sheetValues('Log');
    runComplianceCheck();
    expect(fake.sheetNames()).not.toContain('Compliance');
    expect(fake.sheetValues('Log')).toEqual(logBefore);
    expect(fake.calls.of('Range.setValues')).toBe(0);
    const alert = fake.ui.dialogs.find((d) => d.kind === 'alert');
    expect(alert?.content).toContain('1 not in line with the ToR, 0 need attention, 0 notes');
    expect(alert?.content).toContain('Only the Secretariat can write the Compliance tab');
  });

  it('clips a network name and an ID as long as a cell holds, instead of failing on the write', () => {
    const spec = uzbekistan();
    spec.settings.networkName = 'N'.repeat(50_000);
    spec.decisions[0]!.consulted = ['IOM'];
    spec.decisions[0]!.id = `D-2026-01${'x'.repeat(49_991)}`;
    const fake = createGasFake({ owner: 'owner@un.org', activeUser: 'akarimova@iom.int', sheets: gridsOf(spec) });
    install(fake);
    runComplianceCheck();
    const values = fake.sheetValues('Compliance');
    const longest = Math.max(...values.flat().map((c) => String(c).length));
    expect(longest).toBeLessThanOrEqual(MAX_CELL_TEXT);
    const consensus = values.find((r) => r[1] === 'decisions.consensus')!;
    expect(String(consensus[4]).endsWith('x…')).toBe(true);
    expect(String(values[0]![0])).toMatch(
      / for N{199}…: \d+ not in line with the ToR, \d+ needs? attention, \d+ notes?$/,
    );
    const log = fake.sheetValues('Log');
    expect(log[log.length - 1]!.slice(1, 3)).toEqual(['akarimova@iom.int', 'Compliance check']);
  });
});
