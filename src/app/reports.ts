/**
 * Run a report: read the network once, build the report and replace its `Report: NAME` tab. Anyone who
 * may run reports may do this (members who are not secretariat included): it writes that tab and
 * nothing else. The secretariat may also email the two reports the ToRs ask to share, the member list
 * to the mailing list and the workplan report to the UNCT, and the Log records it, which is what the
 * rules `members.list-shared` and `workplan.reported` read.
 *
 * Everything happens under the document lock: two runs never interleave their writes to one tab, and
 * the Log is read inside the lock before a row is appended to it.
 */
import { yearOf } from '../domain/dates';
import { NETWORK_TABLES, type Network } from '../domain/network';
import {
  reportIds,
  reportNamed,
  type Period,
  type Report,
  type ReportDef,
  type ReportNotes,
  type ReportShare,
} from '../domain/reports';
import { reportMessage } from '../domain/reports/email';
import { t } from '../domain/i18n';
import { joinWords } from '../domain/words';
import type { Ports } from '../ports';
import { NotAuthorizedError, requireSecretariat } from './authorize';
import { reportSheet, writeResultTab } from './report-tab';
import { LogAppender, sendClaimed } from './deliver';
import { withLockedTabs, type LockedTabs } from './repository';
import { errorText } from '../domain/errors';

export interface RunReportOptions {
  /** The year of a report that has one; the current year when absent. */
  readonly year?: number;
  /** The days a report on a period covers; its default when absent (the GCM pack: since the last review). */
  readonly period?: Period;
  /** Text typed for this copy in place of the Settings rows (the cover note to the UNCT). */
  readonly notes?: ReportNotes;
  /** Also email the report where its REPORTS entry says to whom (secretariat only), and log it. */
  readonly send?: boolean;
}

export interface ReportRun {
  readonly report: Report;
  /** The tab written. */
  readonly tab: string;
  /** The addresses the report went to; empty when it was not emailed. */
  readonly sentTo: readonly string[];
}

export function reportDef(id: string): ReportDef {
  const def = reportNamed(id);
  if (def === undefined) throw new Error(t('reports.run.no-report', { id, reports: joinWords(reportIds()) }));
  return def;
}

/** Why the report cannot go out, or null when it can; said to the user, nothing is sent or logged. */
function cannotSend(ports: Ports, network: Network, share: ReportShare, to: string): string | null {
  try {
    requireSecretariat(ports, network, share.action);
  } catch (error) {
    if (error instanceof NotAuthorizedError) return error.message;
    throw error;
  }
  if (to === '') return t('reports.run.no-address', { recipient: share.recipient });
  if (network.log.header === null) return t('reports.run.no-log');
  if (ports.mailer.remainingQuota() < 1) return t('reports.run.no-quota');
  return null;
}

/**
 * Where the RCO archive is required (the Uzbekistan ToR: "minutes … and relevant documents/materials
 * on … AWP's implementation"), the workplan report goes to the archive address too; '' otherwise.
 */
function archiveCopy(network: Network, share: ReportShare): string {
  const rco = network.settings.rcoArchiveEmail.trim();
  return share.to === 'unctReportingEmail' && network.settings.rcoArchiveRequired === true ? rco : '';
}

/**
 * Claims, sends and confirms through the one sender deliveries use: `Failed` with Google's reason,
 * and the error goes on to the user.
 */
function send(ports: Ports, tabs: LockedTabs, report: Report, share: ReportShare, to: readonly string[]): void {
  const log = new LogAppender(ports, tabs);
  const sending = { event: share.event, ref: report.year === null ? '' : String(report.year), details: report.title };
  const error = sendClaimed(ports, log, sending, { to, ...reportMessage(report) });
  if (error !== null) {
    log.append({ ...sending, recipients: [...to], outcome: 'Failed', details: errorText(error) });
    throw error;
  }
  log.append({ ...sending, recipients: [...to], outcome: 'Sent' });
  ports.workbook.flush();
}

/**
 * Builds the report `id` (a REPORTS id) and replaces its tab; with `send`, also emails it as its REPORTS
 * entry says and logs it. A user who may not email it is told why, and still gets the tab.
 */
export function runReport(ports: Ports, id: string, options: RunReportOptions = {}): ReportRun {
  const def = reportDef(id);
  const today = ports.clock.today();
  const year = options.year ?? yearOf(today);
  return withLockedTabs(ports, (tabs) => {
    const { network } = tabs.readNetwork(NETWORK_TABLES);
    const report = def.build(network, {
      year,
      today,
      ...(options.period === undefined ? {} : { period: options.period }),
      ...(options.notes === undefined ? {} : { notes: options.notes }),
    });
    writeResultTab(ports.workbook, def.tab, reportSheet(report));
    const share = options.send ? def.share : null;
    if (share === null) {
      ports.ui.toast(t('reports.run.done', { tab: def.tab }), def.label);
      return { report, tab: def.tab, sentTo: [] };
    }
    const to = String(network.settings[share.to] ?? '').trim();
    const refusal = cannotSend(ports, network, share, to);
    if (refusal !== null) {
      ports.ui.alert(t('reports.run.not-sent', { tab: def.tab, reason: refusal }), def.label);
      return { report, tab: def.tab, sentTo: [] };
    }
    const archive = archiveCopy(network, share);
    send(ports, tabs, report, share, archive === '' ? [to] : [to, archive]);
    const said = { tab: def.tab, to, recipient: share.recipient, archive };
    ports.ui.toast(t(archive === '' ? 'reports.run.sent' : 'reports.run.sent-archive', said), def.label);
    return { report, tab: def.tab, sentTo: archive === '' ? [to] : [to, archive] };
  });
}
