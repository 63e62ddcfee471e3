/**
 * The Apps Script entry of the compliance check over the fake of Google's services: what a secretariat
 * sees in Sheets (links that jump to the row, coloured rows, a toast, the Log row) and what a member
 * who is not secretariat sees (an alert; nothing written).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEVERITY_COLORS } from '../../src/app/check';
import { runComplianceCheck } from '../../src/gas/check';
import { createGasFake, type GasFake } from '../fakes/gas';
import { gridsOf, uzbekistan } from '../rules/support';

let restore: (() => void) | null = null;

beforeEach(() => {
  // The Apps Script clock is the process's: fix it on the day the support network keeps every rule.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 5, 15, 10, 0, 0));
});

afterEach(() => {
  vi.useRealTimers();
  restore?.();
  restore = null;
});

function fakeFor(activeUser: string): GasFake {
  const spec = uzbekistan();
  spec.decisions[0]!.consulted = ['IOM'];
  const fake = createGasFake({ owner: 'owner@un.org', activeUser, sheets: gridsOf(spec) });
  restore = fake.install();
  return fake;
}

describe('runComplianceCheck in Sheets', () => {
  it('writes the Compliance tab with a link to each row and severity colours, toasts and logs', () => {
    const fake = fakeFor('akarimova@iom.int');
    runComplianceCheck();
    const values = fake.sheetValues('Compliance');
    expect(values[0]![0]).toMatch(/^Checked on 2026-06-15 at 10:00 against the Uzbekistan ToR .*: 1 error, 0 warnings, 0 info$/);
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
    expect(fake.ui.toasts.map((t) => t.message)).toEqual(['1 finding: 1 error, 0 warnings, 0 info. See the Compliance tab.']);
    const log = fake.sheetValues('Log');
    expect(log[log.length - 1]!.slice(1, 3)).toEqual(['akarimova@iom.int', 'Compliance check']);
    expect(fake.calls.of('Range.getValues')).toBe(9);
  });

  it('shows a member who is not secretariat an alert and writes nothing', () => {
    const fake = fakeFor('dilnoza.yusupova@undp.org');
    const logBefore = fake.sheetValues('Log');
    runComplianceCheck();
    expect(fake.sheetNames()).not.toContain('Compliance');
    expect(fake.sheetValues('Log')).toEqual(logBefore);
    expect(fake.calls.of('Range.setValues')).toBe(0);
    const alert = fake.ui.dialogs.find((d) => d.kind === 'alert');
    expect(alert?.content).toContain('1 error, 0 warnings, 0 info');
    expect(alert?.content).toContain('Only the secretariat can write the Compliance tab');
  });
});
