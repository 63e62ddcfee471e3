/**
 * Run the ToR compliance check: read each tab once, run every rule, and (for the secretariat) replace
 * the Compliance tab in one batch and log the run (the Log read again under the lock, so that a row
 * appended since the first read is not overwritten). A member who is not secretariat sees the summary
 * and nothing is written: the Compliance tab and the Log belong to the secretariat.
 */
import { clipText } from '../domain/cells';
import { headerRow } from '../domain/codec';
import type { Network } from '../domain/network';
import { checkNetwork, countBySeverity, describeCounts, type Finding, type Severity, type SeverityCounts } from '../domain/rules';
import { ComplianceTable, LogTable, type LogEntry } from '../domain/tables';
import type { Cell, CellLink, Ports } from '../ports';
import { NotAuthorizedError, requireSecretariat } from './authorize';
import { tabLayout } from './layout';
import { withLockedTabs } from './repository';
import { readNetwork } from './network';

export const COMPLIANCE_EVENT = 'Compliance check';

/** Light fills a person can read black text on: Google Sheets' light red, yellow and blue. */
export const SEVERITY_COLORS: Readonly<Record<Severity, string>> = {
  error: '#f4c7c3',
  warning: '#fce8b2',
  info: '#d2e3fc',
};
const SUMMARY_COLOR = '#e8eaed';

/** Rows of the Compliance tab: 1 the header, 2 the summary, findings from 3. */
export const FIRST_FINDING_ROW = 3;
const ROW_COLUMN = headerRow(ComplianceTable).indexOf('Row') + 1;

export interface CheckResult {
  readonly findings: Finding[];
  readonly counts: SeverityCounts;
  /** False when the user is not secretariat and only saw the summary. */
  readonly written: boolean;
}

/** The most of a network's name the summary shows: a name pasted whole into Settings must leave the counts in view. */
const NAME_SHOWN = 200;

/** "Checked on 2026-11-23 at 09:30 against the Uzbekistan ToR for …: 3 errors, 5 warnings, 0 info". */
export function summaryLine(network: Network, now: string, counts: SeverityCounts): string {
  const name = clipText(network.settings.networkName.trim(), NAME_SHOWN);
  const [day, time] = now.split('T');
  return `Checked on ${day}${time ? ` at ${time.slice(0, 5)}` : ''} against the ${network.profile.torName}${network.profile.id === 'custom' ? ' (custom profile)' : ''}${name ? ` for ${name}` : ''}: ${describeCounts(counts)}`;
}

/** A finding quotes the sheet (a ref, a title, a name), which may be as long as a cell holds: each cell is clipped to fit. */
function findingRow(f: Finding): Cell[] {
  return [f.severity, f.rule, f.sheet, f.row ?? '', f.ref ?? '', f.message, f.clause, f.fix].map((c) => (typeof c === 'string' ? clipText(c) : c));
}

function writeCompliance(ports: Pick<Ports, 'workbook'>, findings: readonly Finding[], summary: string): void {
  const { workbook } = ports;
  const tab = ComplianceTable.name;
  if (!workbook.tabNames().includes(tab)) {
    workbook.addTab(tab);
    workbook.format(tab, tabLayout(ComplianceTable));
  }
  const width = headerRow(ComplianceTable).length;
  const block: Cell[][] = [headerRow(ComplianceTable), ['', 'Summary', '', '', '', summary, '', ''], ...findings.map(findingRow)];
  workbook.write(tab, 1, 1, block);
  if (findings.some((f) => f.row !== null)) {
    const links = findings.map((f): (CellLink | null)[] => [f.row === null ? null : { text: String(f.row), sheet: f.sheet, row: f.row }]);
    workbook.writeLinks(tab, FIRST_FINDING_ROW, ROW_COLUMN, links);
  }
  const colors = [SUMMARY_COLOR, ...findings.map((f) => SEVERITY_COLORS[f.severity])].map((c) => Array<string | null>(width).fill(c));
  workbook.paint(tab, 2, 1, colors);
  workbook.clearFrom(tab, FIRST_FINDING_ROW + findings.length);
}

function alertText(summary: string, findings: readonly Finding[], refusal: string): string {
  const shown = findings.slice(0, 10).map((f) => `• ${f.severity}: ${f.sheet}${f.row === null ? '' : ` row ${f.row}`} — ${f.message}`);
  const more = findings.length > shown.length ? [`… and ${findings.length - shown.length} more.`] : [];
  return [summary, '', ...shown, ...more, '', `The Compliance tab was not updated. ${refusal}`].join('\n');
}

export function runComplianceCheck(ports: Pick<Ports, 'workbook' | 'clock' | 'user' | 'ui' | 'lock'>): CheckResult {
  const { network } = readNetwork(ports.workbook);
  const now = ports.clock.now();
  const findings = checkNetwork(network, ports.clock.today());
  const counts = countBySeverity(findings);
  const summary = summaryLine(network, now, counts);
  try {
    requireSecretariat(ports, network, 'write the Compliance tab');
  } catch (error) {
    if (!(error instanceof NotAuthorizedError)) throw error;
    ports.ui.alert(alertText(summary, findings, error.message), COMPLIANCE_EVENT);
    return { findings, counts, written: false };
  }
  const logged = withLockedTabs(ports, (tabs) => {
    writeCompliance(ports, findings, summary);
    // The Log read before the lock may be stale: a decision recorded since has appended its row there.
    if (tabs.read(LogTable).header === null) return false;
    const entry: LogEntry = {
      timestamp: now,
      actor: ports.user.email(),
      event: COMPLIANCE_EVENT,
      ref: '',
      recipients: [],
      outcome: 'Done',
      details: describeCounts(counts),
    };
    tabs.append(LogTable, [entry]);
    return true;
  });
  const total = findings.length;
  ports.ui.toast(
    `${total === 0 ? 'No findings' : `${total} finding${total === 1 ? '' : 's'}`}: ${describeCounts(counts)}. See the Compliance tab.${logged ? '' : ' (The Log tab is missing, so this run was not logged.)'}`,
    COMPLIANCE_EVENT,
  );
  return { findings, counts, written: true };
}
