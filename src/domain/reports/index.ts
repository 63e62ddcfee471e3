/**
 * The reports, as RULES is for the compliance check: one entry per report with the tab it writes, the
 * Apps Script global that runs it, whether it reports on a year, and its pure builder. Two reports
 * can also be emailed by the secretariat, and their Log rows are what two compliance rules read.
 */
import { t, type MessageKey } from '../i18n';
import type { Network } from '../network';
import type { SettingKey } from '../settings';
import { actionTracker } from './action-tracker';
import { annualReview } from './annual-review';
import { gcmSummary } from './gcm-summary';
import { memberList } from './member-list';
import type { Report, ReportOptions } from './report';
import { workplanProgress } from './workplan-progress';

export type {
  ChartSpec,
  ColumnKind,
  Period,
  Report,
  ReportCell,
  ReportColumn,
  ReportNotes,
  ReportOptions,
  ReportSection,
  ReportTable,
  RowLink,
} from './report';
export { csvHeader, csvText, displayText, isNumeric, isRowLink, periodWords, plainText, titleLine } from './report';

/** Sending a report by email: to whom (a setting), and the Log event that records it. */
export interface ReportShare {
  readonly to: Extract<SettingKey, 'mailingList' | 'unctReportingEmail'>;
  /** Who that is, in a sentence: "the members' mailing list". */
  readonly recipient: string;
  /** What sending it is, after "Only the Secretariat can": "email the member list". */
  readonly action: string;
  /** The Log's Event: the compliance rule that asks for it reads this row. */
  readonly event: string;
}

export interface ReportDef {
  readonly id: string;
  /** The English name, which names its tab. */
  readonly name: string;
  /** Its name in the execution's language, as a person reads it: "Member list", "Список членов". */
  readonly label: string;
  /** `Report: NAME` (WORKBOOK.md, Report tabs): the same in every language, as the contract fixes it. */
  readonly tab: string;
  readonly takesYear: boolean;
  /** Covers a period (`--from`, `--to`; a year stands for its twelve months). */
  readonly takesPeriod: boolean;
  readonly share: ReportShare | null;
  build(network: Network, options: ReportOptions): Report;
}

function report(
  id: string,
  name: string,
  label: MessageKey,
  takesYear: boolean | 'period',
  build: ReportDef['build'],
  share: ReportShare | null = null,
): ReportDef {
  return {
    id,
    name,
    get label() {
      return t(label);
    },
    tab: `Report: ${name}`,
    takesYear: takesYear !== false,
    takesPeriod: takesYear === 'period',
    share,
    build,
  };
}

function share(
  to: ReportShare['to'],
  recipient: MessageKey,
  action: MessageKey,
  event: ReportShare['event'],
): ReportShare {
  return {
    to,
    get recipient() {
      return t(recipient);
    },
    get action() {
      return t(action);
    },
    event,
  };
}

/** @i18n-exempt: the names of the tabs and the Log's events are the contract's (WORKBOOK.md) */
export const REPORTS: readonly ReportDef[] = [
  report(
    'member-list',
    'Member list',
    'reports.name.member-list',
    false,
    memberList,
    share(
      'mailingList',
      'reports.share.member-list.recipient',
      'reports.share.member-list.action',
      'Member list shared',
    ),
  ),
  report('action-tracker', 'Action tracker', 'reports.name.action-tracker', false, actionTracker),
  report(
    'workplan-progress',
    'Workplan progress',
    'reports.name.workplan-progress',
    true,
    workplanProgress,
    share(
      'unctReportingEmail',
      'reports.share.workplan-progress.recipient',
      'reports.share.workplan-progress.action',
      'Workplan report sent',
    ),
  ),
  report('gcm-summary', 'GCM summary', 'reports.name.gcm-summary', 'period', gcmSummary),
  report('annual-review', 'Annual review', 'reports.name.annual-review', true, annualReview),
];

/** The report of an id (`workplan-progress`) or a name as a person types it (`Workplan progress`). */
export function reportNamed(name: string): ReportDef | undefined {
  const wanted = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return REPORTS.find((r) => r.id === wanted);
}

/** Every report's ID, for the message that names them: a function, as Code.js may call it before the reports are read. */
export function reportIds(): string[] {
  return REPORTS.map((r) => r.id);
}
