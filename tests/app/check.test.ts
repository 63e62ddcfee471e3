import { describe, expect, it } from 'vitest';
import { runComplianceCheck, SEVERITY_COLORS } from '../../src/app/check';
import { recordDecision } from '../../src/app/decisions';
import { headerRow } from '../../src/domain/codec';
import { ComplianceTable, LogTable } from '../../src/domain/tables';
import type { Cell, Ports } from '../../src/ports';
import { memoryPorts } from '../support/ports';
import { MemoryWorkbook } from '../support/memory-workbook';
import { gridsOf, uzbekistan, type Spec } from '../domain/rules/support';

const SECRETARIAT = 'akarimova@iom.int';
const MEMBER = 'dilnoza.yusupova@undp.org';
const TODAY = '2027-01-10';

function portsFor(workbook: MemoryWorkbook, email: string) {
  const ports = memoryPorts({ workbook, email, owner: '', today: TODAY, time: '09:30:00' });
  return { ports, toasts: ports.ui.toasts, alerts: ports.ui.alerts };
}

/** A network with lapses on 2027-01-10 in Meetings, Decisions, Actions and Workplan, plus `extra` more late actions. */
function lapsed(extra = 0): Spec {
  const spec = uzbekistan();
  spec.meetings[1]!.attendees = [];
  spec.decisions[0]!.consulted = ['IOM'];
  for (let i = 0; i < extra; i++) {
    spec.actions.push({
      id: `A-2026-${String(i + 100)}`,
      source: 'D-2026-01',
      action: `Task ${i}`,
      owner: 'UNDP',
      due: '2026-08-01',
      status: 'Open',
    });
  }
  return spec;
}

function workbookOf(spec: Spec, compliance?: Cell[][]): MemoryWorkbook {
  const tabs: Record<string, Cell[][]> = { ...gridsOf(spec) };
  if (compliance) tabs.Compliance = compliance;
  return new MemoryWorkbook(tabs);
}

describe('runComplianceCheck', () => {
  it('adds the Compliance tab: the summary above the header, then the findings only, sorted, linked and coloured', () => {
    const workbook = workbookOf(lapsed());
    const { ports, toasts } = portsFor(workbook, SECRETARIAT);
    const result = runComplianceCheck(ports);
    expect(result.written).toBe(true);
    const tab = workbook.tabs.get('Compliance')!;
    expect(tab[0]).toEqual([
      `Checked on ${TODAY} at 09:30 against the Uzbekistan ToR for UN Network on Migration in Uzbekistan: ${result.counts.error} not in line with the ToR, ${result.counts.warning} need attention, ${result.counts.info} notes`,
      ...Array(7).fill(''),
    ]);
    expect(tab[1]).toEqual(headerRow(ComplianceTable));
    const rows = tab.slice(2);
    expect(rows).toHaveLength(result.findings.length);
    const severities = rows.map((r) => r[0]);
    expect(severities).toEqual(
      [...severities].sort(
        (a, b) => ['error', 'warning', 'info'].indexOf(a as string) - ['error', 'warning', 'info'].indexOf(b as string),
      ),
    );
    const errors = rows.filter((r) => r[0] === 'error').map((r) => `${r[1]}:${r[2]}:${r[3]}`);
    expect(errors).toEqual([
      'meetings.cadence:Meetings:',
      'meetings.cadence:Meetings:',
      'decisions.consensus:Decisions:2',
    ]);
    expect(rows.filter((r) => r[0] === 'warning').map((r) => r[1])).toEqual([
      'meetings.cadence',
      'meetings.attendance',
      'actions.overdue',
      'workplan.exists',
      'workplan.overdue',
      'workplan.reported',
    ]);
    expect(workbook.links.get('Compliance!5,4')).toEqual({ text: '2', sheet: 'Decisions', row: 2 });
    expect(workbook.links.has('Compliance!3,4')).toBe(false);
    const workplanExists = rows.findIndex((r) => r[1] === 'workplan.exists') + 3;
    expect(workbook.links.has(`Compliance!${workplanExists},4`)).toBe(false);
    expect(workbook.colors.get('Compliance!3,1')).toBe(SEVERITY_COLORS.error);
    expect(workbook.colors.get(`Compliance!${workplanExists},8`)).toBe(SEVERITY_COLORS.warning);
    const style = workbook.styles.get('Compliance')!;
    expect(style.frozenRows).toBe(2);
    expect(style.bold).toEqual([
      { row: 1, column: 1, rows: 1, columns: 1 },
      { row: 2, column: 1, rows: 1, columns: 8 },
    ]);
    expect(workbook.charts.get('Compliance')).toEqual([]);
    expect(toasts).toEqual([
      `${result.findings.length} findings: 3 not in line with the ToR, 6 need attention, 0 notes. See the Compliance tab.`,
    ]);
  });

  it('appends one Compliance check row to the Log', () => {
    const workbook = workbookOf(lapsed());
    const before = workbook.tabs.get('Log')!.length;
    runComplianceCheck(portsFor(workbook, SECRETARIAT).ports);
    const log = workbook.tabs.get('Log')!;
    expect(log).toHaveLength(before + 1);
    expect(log[log.length - 1]).toEqual([
      `${TODAY}T09:30:00`,
      SECRETARIAT,
      'Compliance check',
      '',
      '',
      'Done',
      'Rules, second edition: 3 not in line with the ToR, 6 need attention, 0 notes',
    ]);
  });

  it('names what the second edition changed once, at the first check of a network checked under the first', () => {
    const spec = lapsed();
    spec.log.push({
      timestamp: '2026-12-01T10:00:00',
      actor: SECRETARIAT,
      event: 'Compliance check',
      outcome: 'Done',
      details: '2 errors, 5 warnings, 0 info',
    });
    const workbook = workbookOf(spec);
    const first = portsFor(workbook, SECRETARIAT);
    runComplianceCheck(first.ports);
    expect(first.toasts[0]).toContain(
      "The compliance rules' second edition applies from this check: the meeting cadence counts calendar quarters",
    );
    const details = () =>
      workbook.tabs
        .get('Log')!
        .filter((r) => r[2] === 'Compliance check')
        .pop()![6] as string;
    expect(details()).toMatch(
      /^Rules, second edition: 3 not in line with the ToR, 6 need attention, 0 notes\. The compliance rules' second edition applies/,
    );
    const second = portsFor(workbook, SECRETARIAT);
    runComplianceCheck(second.ports);
    expect(second.toasts[0]).not.toContain('second edition');
    expect(details()).toBe('Rules, second edition: 3 not in line with the ToR, 6 need attention, 0 notes');
  });

  it('says nothing of editions to a network whose first check runs under the second', () => {
    const { ports, toasts } = portsFor(workbookOf(lapsed()), SECRETARIAT);
    runComplianceCheck(ports);
    expect(toasts[0]).not.toContain('second edition');
  });

  it('keeps the Log row of a decision recorded between its read and its lock', () => {
    const workbook = workbookOf(lapsed());
    const before = workbook.read(LogTable.name)!.length;
    const { ports } = portsFor(workbook, SECRETARIAT);
    let recorded = '';
    // The decision takes the lock first: the check has read every tab and waits for the lock.
    const contended: Ports = {
      ...ports,
      lock: {
        withDocumentLock: (fn) => {
          recorded ||= recordDecision(ports, {
            date: '2027-01-05',
            meeting: '',
            kind: 'General',
            title: 'Adopt the communication plan',
            decision: 'Adopted by written consultation.',
            subject: '',
            consulted: ['IOM'],
            objections: [],
            outcome: 'Adopted',
            stateRelevant: false,
            stateConsultedOn: '',
            gcmObjectives: [],
            confirmed: true,
          }).id;
          return fn();
        },
      },
    };
    runComplianceCheck(contended);
    const log = workbook.read(LogTable.name)!;
    expect(log).toHaveLength(before + 2);
    expect(log.slice(before).map((r) => [r[2], r[3]])).toEqual([
      ['Decision recorded', recorded],
      ['Compliance check', ''],
    ]);
  });

  it('replaces the old findings: nothing of a longer earlier run is left', () => {
    const old = [
      headerRow(ComplianceTable),
      ...Array.from({ length: 60 }, (_, i) => ['error', 'old.rule', 'Members', i + 2, '', 'stale', '', ''] as Cell[]),
    ];
    const workbook = workbookOf(lapsed(), old);
    const result = runComplianceCheck(portsFor(workbook, SECRETARIAT).ports);
    const tab = workbook.tabs.get('Compliance')!;
    expect(tab).toHaveLength(2 + result.findings.length);
    expect(tab.some((r) => r[1] === 'old.rule')).toBe(false);
    expect(workbook.calls.addTab).toBeUndefined();
  });

  it('reads each tab once, under the lock, and writes a constant number of blocks, whatever the rows', () => {
    const calls = (extra: number) => {
      const workbook = workbookOf(lapsed(extra), [headerRow(ComplianceTable)]);
      const result = runComplianceCheck(portsFor(workbook, SECRETARIAT).ports);
      return { calls: workbook.calls, findings: result.findings.length };
    };
    const small = calls(0);
    const large = calls(500);
    expect(large.findings).toBeGreaterThan(small.findings + 400);
    expect(large.calls).toEqual(small.calls);
    expect(small.calls.read).toBe(11);
    expect(small.calls).toEqual({
      read: 11,
      hasTab: 1,
      write: 2,
      writeLinks: 1,
      style: 1,
      paint: 1,
      clearFrom: 1,
      chart: 1,
    });
  });

  it('shows a member who is not secretariat the summary and writes nothing', () => {
    const workbook = workbookOf(lapsed());
    const logBefore = JSON.stringify(workbook.tabs.get('Log'));
    const { ports, alerts, toasts } = portsFor(workbook, MEMBER);
    const result = runComplianceCheck(ports);
    expect(result.written).toBe(false);
    expect(workbook.tabs.has('Compliance')).toBe(false);
    expect(JSON.stringify(workbook.tabs.get('Log'))).toBe(logBefore);
    expect(Object.keys(workbook.calls)).toEqual(['read']);
    expect(toasts).toEqual([]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('3 not in line with the ToR, 6 need attention, 0 notes');
    expect(alerts[0]).toContain('Decisions row 2 — D-2026-01');
    expect(alerts[0]).toContain(`Only the Secretariat can write the Compliance tab`);
  });

  it('still writes the Compliance tab when the Log tab is missing, and says the run was not logged', () => {
    const workbook = workbookOf(lapsed());
    workbook.tabs.delete('Log');
    const { ports, toasts } = portsFor(workbook, SECRETARIAT);
    const result = runComplianceCheck(ports);
    expect(result.findings.some((f) => f.rule === 'data.invalid' && f.sheet === 'Log')).toBe(true);
    expect(workbook.tabs.get('Compliance')!.length).toBe(2 + result.findings.length);
    expect(toasts[0]).toContain('The Log tab is missing');
  });
});
