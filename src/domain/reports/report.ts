/**
 * What a report is: plain data (no Date, no class) that the Sheets tab, the HTML file, the CSV files,
 * the email and the CLI's JSON all render, so that every one of them shows the same figures.
 */
import type { IsoDay } from '../dates';
import { longDay } from '../email/render';
import { currentLanguage, formatNumber, t } from '../i18n';

/** How a column's values read: the Sheets number format and the HTML alignment follow from it. */
export type ColumnKind = 'text' | 'count' | 'money' | 'percent' | 'date' | 'link';

/** A link to a row of a data tab: Sheets makes it a link that jumps there; HTML and CSV show the text. */
export interface RowLink {
  readonly text: string;
  readonly sheet: string;
  readonly row: number;
}

/**
 * One cell: text; a number (a count, US dollars, the workbook's currency; a share from 0 to 1 for `percent`); a day as
 * `YYYY-MM-DD` text in a `date` column; a row link in a `link` column; null for blank.
 */
export type ReportCell = string | number | RowLink | null;

export interface ReportColumn {
  /** The header a person reads: no unit, the cells carry it ("USD 10,000", "80%"); CSV adds it (`csvHeader`). */
  readonly header: string;
  readonly kind: ColumnKind;
  /** Pixels in Sheets; absent: the kind's default. */
  readonly width?: number;
}

export interface ReportTable {
  /** A short slug, unique in its report: names the table's CSV file. */
  readonly id: string;
  /** The heading above the table; '' for none. */
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly ReportCell[])[];
  /** The totals row shown under the rows, or null. */
  readonly totals: readonly ReportCell[] | null;
  /** A row's background (an overdue action, a finding's severity), by row index; absent or null: none. */
  readonly fills?: readonly (string | null)[];
  /** What a reader needs to read the figures right (how a figure is counted), shown under the table; '' for none. */
  readonly note: string;
  /** Said in place of the rows when there are none ("No open actions."); '' to show the bare header. */
  readonly empty: string;
}

/** A chart drawn from one table: its categories from one column, one series per value column. */
export interface ChartSpec {
  readonly title: string;
  /** The table's id in the same report. */
  readonly table: string;
  /** 0-based column of the categories (text). */
  readonly category: number;
  /** 0-based columns of the values compared, of one kind. */
  readonly series: readonly number[];
}

/** Text the secretariat writes (a Settings row, or typed for this copy): a cover note, emerging challenges. */
export interface ReportSection {
  readonly title: string;
  readonly text: string;
  /** Before the tables (a cover note) or after them (recommendations). */
  readonly place: 'before' | 'after';
}

/** The days a report covers, both included. */
export interface Period {
  readonly from: IsoDay;
  readonly to: IsoDay;
}

/** What the secretariat typed for one copy, in place of the Settings rows of the same name. */
export interface ReportNotes {
  readonly coverNote?: string;
  readonly emergingChallenges?: string;
  readonly recommendations?: string;
}

export interface ReportOptions {
  /** The year reported on (reports without one ignore it). */
  readonly year: number;
  readonly today: IsoDay;
  /** The days reported on, for a report that covers a period; absent: its default (the GCM pack: since the last review). */
  readonly period?: Period;
  readonly notes?: ReportNotes;
}

export interface Report {
  /** The id of its REPORTS entry. */
  readonly id: string;
  /** "Workplan progress 2026". */
  readonly title: string;
  /** The network's name, from Settings. */
  readonly network: string;
  /** The year reported on; null for a report of today's state. */
  readonly year: number | null;
  /** The day the figures are computed as of. */
  readonly today: IsoDay;
  /** One sentence on what the report is for and who reads it. */
  readonly subtitle: string;
  /** The network's confidentiality notice (Settings), shown on every copy. */
  readonly notice: string;
  /** The period reported on, for a report that covers one (the GCM review pack); null otherwise. */
  readonly period: Period | null;
  readonly sections: readonly ReportSection[];
  readonly tables: readonly ReportTable[];
  readonly charts: readonly ChartSpec[];
}

/** The light red of an overdue row, Google Sheets' own light red 2. */
export const OVERDUE_FILL = '#f4c7c3';

/** "Workplan progress 2026 — UN Network on Migration in Uzbekistan — 23 November 2026": the first line of every copy. */
export function titleLine(report: Report): string {
  return [report.title, report.network, longDay(report.today)].filter((part) => part !== '').join(' — ');
}

/** "1 April", "1 апреля": a day of a period whose year the period's last day says. */
function dayOfMonth(day: IsoDay): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(currentLanguage() === 'ru' ? 'ru' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year!, month! - 1, date!)));
}

/** "1 April to 23 November 2026", "1 December 2025 to 23 November 2026", "с 1 апреля по 23 ноября 2026 г.". */
export function periodWords({ from, to }: Period): string {
  return from.slice(0, 4) === to.slice(0, 4)
    ? t('reports.period.same-year', { from: dayOfMonth(from), to: longDay(to) })
    : t('reports.period.years', { from: longDay(from), to: longDay(to) });
}

/** The sections the secretariat wrote, without the blank ones. */
export function sections(...list: ReportSection[]): ReportSection[] {
  return list.filter((s) => s.text.trim() !== '').map((s) => ({ ...s, text: s.text.trim() }));
}

export function isRowLink(cell: ReportCell): cell is RowLink {
  return typeof cell === 'object' && cell !== null;
}

/** A cell as text with no formatting: a chart's category. */
export function plainText(cell: ReportCell): string {
  if (cell === null) return '';
  if (isRowLink(cell)) return cell.text;
  return String(cell);
}

/** A column's CSV header: the unit of its plain numbers in brackets, "Budget (USD)", "Progress (%)". */
export function csvHeader(column: ReportColumn): string {
  if (column.kind === 'money') return t('reports.csv.money', { header: column.header });
  if (column.kind === 'percent') return t('reports.csv.percent', { header: column.header });
  return column.header;
}

/** A CSV cell: plain numbers (a share as a percentage to one decimal, as the header says), days as YYYY-MM-DD. */
export function csvText(cell: ReportCell, kind: ColumnKind): string {
  if (kind === 'percent' && typeof cell === 'number') return String(Math.round(cell * 1000) / 10);
  return plainText(cell);
}

/** 310000 → "310,000", "310 000": whole numbers grouped by thousands as the language does, as a reader expects dollars and counts. */
function grouped(n: number): string {
  return formatNumber(Math.round(n));
}

/**
 * A cell as a person reads it: "USD 310,000", "1,200", "86%", "23 November 2026" ("310 000 долл. США",
 * "1 200", "23 ноября 2026 г."); what the HTML copy and the email show.
 */
export function displayText(cell: ReportCell, kind: ColumnKind): string {
  if (cell === null) return '';
  if (isRowLink(cell)) return cell.text;
  if (typeof cell === 'string') return kind === 'date' ? longDay(cell) : cell;
  if (kind === 'percent') return `${Math.round(cell * 100)}%`;
  if (kind === 'money') return t('reports.money', { amount: grouped(cell) });
  return kind === 'count' ? grouped(cell) : String(cell);
}

/** Columns whose figures line up on the right. */
export function isNumeric(kind: ColumnKind): boolean {
  return kind === 'count' || kind === 'money' || kind === 'percent';
}
