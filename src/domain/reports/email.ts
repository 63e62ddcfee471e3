/**
 * A report as an email: its tables as HTML for mail readers that show it and as plain text for those
 * that do not. Every word from the sheet is escaped. Charts stay in the Sheets tab and the HTML file:
 * mail readers drop SVG.
 */
import { longDay } from '../email/render';
import { escapeHtml } from '../html';
import {
  displayText,
  isNumeric,
  titleLine,
  type Report,
  type ReportCell,
  type ReportSection,
  type ReportTable,
} from './report';

export interface ReportMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

// @i18n-exempt: an inline style
const CELL = 'border:1px solid #dadce0;padding:4px 8px;vertical-align:top';

// @i18n-exempt: markup and inline styles; every word in it comes from the report
function tableHtml(table: ReportTable): string {
  const cell = (tag: 'td' | 'th', text: string, numeric: boolean) =>
    `<${tag} style="${CELL}${numeric ? ';text-align:right' : tag === 'th' ? ';text-align:left' : ''}">${escapeHtml(text)}</${tag}>`;
  const head = table.columns.map((c) => cell('th', c.header, isNumeric(c.kind))).join('');
  const line = (cells: readonly ReportCell[], bold: boolean) =>
    `<tr${bold ? ' style="font-weight:bold"' : ''}>${table.columns.map((c, j) => cell('td', displayText(cells[j] ?? null, c.kind), isNumeric(c.kind))).join('')}</tr>`;
  const body =
    table.rows.length === 0 && table.empty !== ''
      ? `<tr><td style="${CELL}" colspan="${table.columns.length}">${escapeHtml(table.empty)}</td></tr>`
      : table.rows.map((r) => line(r, false)).join('');
  return [
    table.title === '' ? '' : `<h3 style="margin:18px 0 6px">${escapeHtml(table.title)}</h3>`,
    `<table style="border-collapse:collapse;font-size:13px"><thead><tr style="background:#e8eaed">${head}</tr></thead><tbody>${body}</tbody>`,
    table.totals === null ? '' : `<tfoot>${line(table.totals, true)}</tfoot>`,
    '</table>',
    table.note === '' ? '' : `<p style="color:#5f6368;font-size:12px;margin:4px 0">${escapeHtml(table.note)}</p>`,
  ].join('');
}

function tableText(table: ReportTable): string[] {
  const rows = table.rows.map((r) => table.columns.map((c, j) => displayText(r[j] ?? null, c.kind)).join(' | '));
  return [
    ...(table.title === '' ? [] : [table.title.toUpperCase()]),
    table.columns.map((c) => c.header).join(' | '),
    ...(rows.length === 0 && table.empty !== '' ? [table.empty] : rows),
    ...(table.totals === null
      ? []
      : [table.columns.map((c, j) => displayText(table.totals?.[j] ?? null, c.kind)).join(' | ')]),
    ...(table.note === '' ? [] : [table.note]),
    '',
  ];
}

/**
 * A section the secretariat wrote: its heading, then its paragraphs as typed (line breaks kept).
 * @i18n-exempt: markup and inline styles; every word in it comes from the report
 */
function sectionHtml(section: ReportSection): string {
  const paragraphs = section.text.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`);
  return `<h3 style="margin:18px 0 6px">${escapeHtml(section.title)}</h3>${paragraphs.join('')}`;
}

function sectionText(section: ReportSection): string[] {
  return [section.title.toUpperCase(), section.text, ''];
}

// @i18n-exempt: markup and inline styles; every word in it comes from the report
export function reportMessage(report: Report): ReportMessage {
  const notice = report.notice.trim();
  const placed = (place: ReportSection['place']) => report.sections.filter((s) => s.place === place);
  const html = [
    '<div style="font-family:Arial,Helvetica,sans-serif;color:#202124">',
    `<h2 style="margin:0 0 4px">${escapeHtml(report.title)}</h2>`,
    `<p style="margin:0 0 12px;color:#5f6368">${escapeHtml(`${report.network} — ${longDay(report.today)}`)}</p>`,
    ...placed('before').map(sectionHtml),
    `<p>${escapeHtml(report.subtitle)}</p>`,
    ...report.tables.map(tableHtml),
    ...placed('after').map(sectionHtml),
    notice === '' ? '' : `<p style="margin-top:18px;font-style:italic">${escapeHtml(notice)}</p>`,
    '</div>',
  ].join('');
  const text = [
    titleLine(report),
    '',
    ...placed('before').flatMap(sectionText),
    report.subtitle,
    '',
    ...report.tables.flatMap(tableText),
    ...placed('after').flatMap(sectionText),
    ...(notice === '' ? [] : [notice]),
  ].join('\n');
  return { subject: `${report.title} — ${report.network}`, text, html };
}
