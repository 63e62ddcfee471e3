/**
 * Run the ToR compliance check: read each tab once under the document lock, run every rule, and (for
 * the secretariat) replace the Compliance tab in one batch and log the run below the Log as read under
 * that lock, so that no row appended by another run is overwritten. A member who is not secretariat
 * sees the summary and nothing is written: the Compliance tab and the Log belong to the secretariat.
 */
import { clipText } from '../domain/cells';
import { NETWORK_TABLES, type Network } from '../domain/network';
import { EDITION, editionChanges, isFirstOfEdition } from '../domain/rules/edition';
import { t, type MessageKey } from '../domain/i18n';
import { checkNetwork } from '../domain/rules';
// The labels from their own module, which Code.js keeps: the rules are read from a file when first run.
import {
  countBySeverity,
  describeCounts,
  SEVERITY_LABELS,
  type Finding,
  type Severity,
  type SeverityCounts,
} from '../domain/rules/finding';
import { ComplianceTable, LogTable, type LogEntry } from '../domain/tables';
import type { ReportColumn, ReportTable } from '../domain/reports';
import type { Ports, WorkbookPort } from '../ports';
import { NotAuthorizedError, requireSecretariat } from './authorize';
import { withLockedTabs } from './repository';
import { writeResultTab } from './report-tab';

/** The Log's event for a run (WORKBOOK.md fixes the Log's events: English whatever the language). */
export const COMPLIANCE_EVENT = 'Compliance check';

/** Light fills a person can read black text on: Google Sheets' light red, yellow and blue. */
export const SEVERITY_COLORS: Readonly<Record<Severity, string>> = {
  error: '#f4c7c3',
  warning: '#fce8b2',
  info: '#d2e3fc',
};

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
  return t('check.summary', {
    day,
    timed: time ? 'yes' : 'no',
    time: time?.slice(0, 5) ?? '',
    tor: network.profile.torName,
    custom: network.profile.id === 'custom' ? 'yes' : 'no',
    named: name ? 'yes' : 'no',
    name,
    counts: describeCounts(counts),
  });
}

/**
 * The Compliance tab's header in the network's language: the tab is the check's output, replaced at
 * every run and never read back, unlike the data tabs, whose headers the contract fixes in English.
 */
const COLUMN_KEYS: Readonly<Record<keyof typeof ComplianceTable.columns, MessageKey>> = {
  severity: 'check.column.severity',
  rule: 'check.column.rule',
  sheet: 'check.column.sheet',
  sheetRow: 'check.column.sheet-row',
  ref: 'check.column.ref',
  finding: 'check.column.finding',
  clause: 'check.column.clause',
  fix: 'check.column.fix',
};

/** The findings as the Compliance tab's one table, with no heading: the summary line above, the header, then findings only. */
function findingsTable(findings: readonly Finding[]): ReportTable {
  const columns = Object.entries(ComplianceTable.columns).map(([key, c]): ReportColumn => ({
    header: t(COLUMN_KEYS[key as keyof typeof ComplianceTable.columns]),
    kind: key === 'sheetRow' ? 'link' : 'text',
    width: c.width,
  }));
  return {
    id: 'findings',
    title: '',
    columns,
    rows: findings.map((f) => [
      f.severity,
      f.rule,
      f.sheet,
      f.row === null ? null : { text: String(f.row), sheet: f.sheet, row: f.row },
      f.ref,
      f.message,
      f.clause,
      f.fix,
    ]),
    totals: null,
    fills: findings.map((f) => SEVERITY_COLORS[f.severity]),
    note: '',
    empty: '',
  };
}

/** Replaces the Compliance tab (adding it when missing): the summary line, then the header and the findings. */
export function writeCompliance(workbook: WorkbookPort, findings: readonly Finding[], summary: string): void {
  writeResultTab(workbook, ComplianceTable.name, { lines: [summary], tables: [findingsTable(findings)], charts: [] });
}

function alertText(summary: string, findings: readonly Finding[], refusal: string): string {
  const shown = findings.slice(0, 10).map((f) =>
    t('check.alert.finding', {
      severity: SEVERITY_LABELS[f.severity],
      sheet: f.sheet,
      rowed: f.row === null ? 'no' : 'yes',
      row: f.row ?? '',
      message: f.message,
    }),
  );
  const more = findings.length > shown.length ? [t('check.alert.more', { n: findings.length - shown.length })] : [];
  return [summary, '', ...shown, ...more, '', t('check.alert.not-written', { refusal })].join('\n');
}

export function runComplianceCheck(ports: Pick<Ports, 'workbook' | 'clock' | 'user' | 'ui' | 'lock'>): CheckResult {
  // Everything is read once, under the lock: the Log read there is the one the run's row goes below.
  const run = withLockedTabs(ports, (tabs) => {
    const { network } = tabs.readNetwork(NETWORK_TABLES);
    const now = ports.clock.now();
    const findings = checkNetwork(network, ports.clock.today());
    const counts = countBySeverity(findings);
    const summary = summaryLine(network, now, counts);
    try {
      requireSecretariat(ports, network, t('check.secretariat-only'));
    } catch (error) {
      if (!(error instanceof NotAuthorizedError)) throw error;
      return { findings, counts, summary, refusal: error.message, logged: false, firstOfEdition: false };
    }
    writeCompliance(ports.workbook, findings, summary);
    if (network.log.header === null)
      return { findings, counts, summary, refusal: null, logged: false, firstOfEdition: false };
    const first = isFirstOfEdition(network.log.records.filter((r) => r.event === COMPLIANCE_EVENT));
    const entry: LogEntry = {
      timestamp: now,
      actor: ports.user.email(),
      event: COMPLIANCE_EVENT,
      ref: '',
      recipients: [],
      outcome: 'Done',
      details: t('check.log-details', {
        edition: EDITION,
        counts: describeCounts(counts),
        first: first ? 'yes' : 'no',
        changes: editionChanges(),
      }),
    };
    tabs.append(LogTable, [entry]);
    return { findings, counts, summary, refusal: null, logged: true, firstOfEdition: first };
  });
  const { findings, counts, logged, firstOfEdition } = run;
  if (run.refusal !== null) {
    ports.ui.alert(alertText(run.summary, findings, run.refusal), t('check.title'));
    return { findings, counts, written: false };
  }
  ports.ui.toast(
    t('check.toast', {
      total: findings.length,
      counts: describeCounts(counts),
      logged: logged ? 'yes' : 'no',
      first: firstOfEdition ? 'yes' : 'no',
      changes: editionChanges(),
    }),
    t('check.title'),
  );
  return { findings, counts, written: true };
}
