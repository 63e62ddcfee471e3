/**
 * A report as one self-contained HTML file: its tables, its charts as inline SVG, and styles that print
 * on A4. It loads nothing (its content security policy forbids it), so it opens the same offline, in a
 * mail attachment or on a shared drive. Every word from the sheet is escaped.
 */
import { longDay } from '../../domain/email/render';
import { escapeHtml } from '../../domain/html';
import {
  displayText,
  isNumeric,
  titleLine,
  type ColumnKind,
  type Report,
  type ReportCell,
  type ReportSection,
  type ReportTable,
} from '../../domain/reports';
import { currentLanguage, t } from '../../domain/i18n';
import { chartSvg } from './charts';

// @i18n-exempt: a style sheet
const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 14px/1.45 Arial, Helvetica, sans-serif; color: #202124; margin: 32px auto; max-width: 1100px; padding: 0 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; }
.meta { color: #5f6368; margin: 0 0 8px; }
.subtitle { margin: 0 0 16px; }
table { border-collapse: collapse; font-size: 13px; max-width: 100%; }
th, td { border: 1px solid #dadce0; padding: 4px 8px; vertical-align: top; text-align: left; }
thead th { background: #e8eaed; }
tfoot td { font-weight: bold; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.day { white-space: nowrap; }
td.empty { color: #5f6368; font-style: italic; }
.note { color: #5f6368; font-size: 12px; margin: 4px 0 0; }
figure { margin: 16px 0 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; margin-bottom: 4px; }
footer { margin-top: 32px; border-top: 1px solid #dadce0; padding-top: 8px; color: #5f6368; font-size: 12px; }
.notice { font-style: italic; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 9.5pt; }
  table { font-size: 8.5pt; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/**
 * Inline scripts, frames, fetches and remote images, fonts or styles are all refused.
 * @i18n-exempt: a content security policy
 */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Figures line up on the right; IDs and days never break across lines. */
function cell(tag: 'td' | 'th', text: string, kind: ColumnKind): string {
  const css = isNumeric(kind)
    ? ' class="num"'
    : tag === 'td' && (kind === 'date' || kind === 'link')
      ? ' class="day"'
      : '';
  return `<${tag}${css}>${escapeHtml(text)}</${tag}>`;
}

// @i18n-exempt: markup and inline styles; every word in it comes from the report
function tableHtml(table: ReportTable): string {
  const line = (cells: readonly ReportCell[]) =>
    table.columns.map((c, j) => cell('td', displayText(cells[j] ?? null, c.kind), c.kind)).join('');
  const rows = table.rows.map((r, i) => {
    const fill = table.fills?.[i];
    return `<tr${fill ? ` style="background:${escapeHtml(fill)}"` : ''}>${line(r)}</tr>`;
  });
  const empty =
    table.rows.length === 0 && table.empty !== ''
      ? [`<tr><td class="empty" colspan="${table.columns.length}">${escapeHtml(table.empty)}</td></tr>`]
      : [];
  return [
    table.title === '' ? '' : `<h2 id="${escapeHtml(table.id)}">${escapeHtml(table.title)}</h2>`,
    '<table>',
    `<thead><tr>${table.columns.map((c) => cell('th', c.header, c.kind)).join('')}</tr></thead>`,
    `<tbody>${[...rows, ...empty].join('')}</tbody>`,
    table.totals === null ? '' : `<tfoot><tr>${line(table.totals)}</tr></tfoot>`,
    '</table>',
    table.note === '' ? '' : `<p class="note">${escapeHtml(table.note)}</p>`,
  ].join('\n');
}

/**
 * A section the secretariat wrote: its heading and its paragraphs as typed.
 * @i18n-exempt: markup and inline styles; every word in it comes from the report
 */
function sectionHtml(section: ReportSection): string {
  const paragraphs = section.text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return `<section class="written">\n<h2>${escapeHtml(section.title)}</h2>\n${paragraphs}\n</section>`;
}

/**
 * The whole report as one HTML document; its charts are drawn here, so this takes a moment.
 * @i18n-exempt: markup and inline styles; every word in it comes from the report
 */
export async function renderReportHtml(report: Report): Promise<string> {
  const sections: string[] = report.sections.filter((s) => s.place === 'before').map(sectionHtml);
  for (const table of report.tables) {
    sections.push(`<section>\n${tableHtml(table)}`);
    for (const chart of report.charts.filter((c) => c.table === table.id && table.rows.length > 0)) {
      sections.push(
        `<figure class="chart"><figcaption>${escapeHtml(chart.title)}</figcaption>\n${await chartSvg(chart, table)}\n</figure>`,
      );
    }
    sections.push('</section>');
  }
  sections.push(...report.sections.filter((s) => s.place === 'after').map(sectionHtml));
  const notice = report.notice.trim();
  return `<!doctype html>
<html lang="${currentLanguage()}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(titleLine(report))}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(report.title)}</h1>
<p class="meta">${escapeHtml(report.network)} — ${escapeHtml(longDay(report.today))}</p>
<p class="subtitle">${escapeHtml(report.subtitle)}</p>
</header>
<main>
${sections.join('\n')}
</main>
<footer>
${notice === '' ? '' : `<p class="notice">${escapeHtml(notice)}</p>`}
<p>${escapeHtml(t('reports.html.footer', { day: longDay(report.today) }))}</p>
</footer>
</body>
</html>
`;
}
