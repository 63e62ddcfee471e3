/**
 * The reports, as RULES is for the compliance check: one entry per report with the tab it writes, the
 * Apps Script global that runs it, whether it reports on a year, and its pure builder. Two reports
 * can also be emailed by the secretariat, and their Log rows are what two compliance rules read.
 */
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
export {
  CURRENCY,
  csvHeader,
  csvText,
  displayText,
  isNumeric,
  isRowLink,
  periodWords,
  plainText,
  titleLine,
} from './report';

/** Sending a report by email: to whom (a setting), and the Log event that records it. */
export interface ReportShare {
  readonly to: Extract<SettingKey, 'mailingList' | 'unctReportingEmail'>;
  /** Who that is, in a sentence: "the members' mailing list". */
  readonly recipient: string;
  /** The Log's Event: the compliance rule that asks for it reads this row. */
  readonly event: string;
}

export interface ReportDef {
  readonly id: string;
  readonly name: string;
  /** `Report: NAME` (WORKBOOK.md, Report tabs). */
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
  takesYear: boolean | 'period',
  build: ReportDef['build'],
  share: ReportShare | null = null,
): ReportDef {
  return {
    id,
    name,
    tab: `Report: ${name}`,
    takesYear: takesYear !== false,
    takesPeriod: takesYear === 'period',
    share,
    build,
  };
}

export const REPORTS: readonly ReportDef[] = [
  report('member-list', 'Member list', false, memberList, {
    to: 'mailingList',
    recipient: "the members' mailing list",
    event: 'Member list shared',
  }),
  report('action-tracker', 'Action tracker', false, actionTracker),
  report('workplan-progress', 'Workplan progress', true, workplanProgress, {
    to: 'unctReportingEmail',
    recipient: 'the UN Country Team (UNCT reporting email)',
    event: 'Workplan report sent',
  }),
  report('gcm-summary', 'GCM summary', 'period', gcmSummary),
  report('annual-review', 'Annual review', true, annualReview),
];

/** The report of an id (`workplan-progress`) or a name as a person types it (`Workplan progress`). */
export function reportNamed(name: string): ReportDef | undefined {
  const wanted = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return REPORTS.find((r) => r.id === wanted);
}
