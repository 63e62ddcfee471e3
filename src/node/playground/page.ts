/**
 * The playground page: the workbook's tabs as a spreadsheet shows them, the add-on menu, the sidebar
 * panel, the problems of `unmn validate`, the Log and the outbox. One HTML file, styles and a small
 * script inline. Every text from the workbook or an email is escaped here; emails render in a
 * sandboxed iframe that may run nothing.
 */
import { type Cell } from '../../domain/cells';
import { columnLetter, normalizeHeader, type Problem } from '../../domain/codec';
import { dayOfDate } from '../../domain/dates';
import { escapeHtml } from '../../domain/html';
import { currentLanguage, t, type MessageKey, type Values } from '../../domain/i18n';
import { displayText, REPORTS, type ColumnKind } from '../../domain/reports';
import { formatProblem, problemText } from '../../domain/problems';
import type { OutboxEmail } from '../outbox';
import type { ShownLook } from './look';
import type { KnownUser } from './users';

export interface MenuEntry {
  readonly group: string;
  readonly label: string;
  /** The command's id in the command table. */
  readonly command: string;
}

export interface TabView {
  readonly name: string;
  readonly grid: readonly (readonly Cell[])[];
  /** A result tab's formats, colours and charts, as Sheets shows them; absent for a data tab. */
  readonly look?: ShownLook;
}

export interface PageView {
  readonly networkName: string;
  readonly file: string;
  readonly today: string;
  readonly user: string;
  readonly users: readonly KnownUser[];
  readonly menu: readonly MenuEntry[];
  readonly tabs: readonly TabView[];
  readonly problems: readonly Problem[];
  readonly outbox: readonly OutboxEmail[];
  /** Whether automation is on and from whose account mail goes, one line each. */
  readonly automation: readonly string[];
}

/** A cell as Sheets displays it: days as YYYY-MM-DD, date-times with their time, numbers as they are. */
export function displayCell(cell: Cell): string {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    const day = dayOfDate(cell);
    const time = `${String(cell.getHours()).padStart(2, '0')}:${String(cell.getMinutes()).padStart(2, '0')}`;
    return time === '00:00' && cell.getSeconds() === 0 ? day : `${day} ${time}`;
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

/** A cell in the number format a report gave it: "USD 10,000", "80%", "16 September 2026". */
function formatted(cell: Cell, kind: ColumnKind | undefined): string {
  if (kind === undefined || typeof cell === 'boolean' || cell === '') return displayCell(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : displayText(dayOfDate(cell), kind);
  return displayText(cell, kind);
}

function cellHtml(cell: Cell, problem: string | undefined, kind?: ColumnKind, fill?: string): string {
  const classes: string[] = [];
  let inner: string;
  if (typeof cell === 'boolean') {
    classes.push('c');
    const label = cell ? t('playground.cell.yes') : t('playground.cell.no');
    // @i18n-exempt: markup; its label comes from the catalogue
    inner = `<input type="checkbox" disabled${cell ? ' checked' : ''} aria-label="${escapeHtml(label)}">`;
  } else {
    if (typeof cell === 'number') classes.push('n');
    inner = escapeHtml(formatted(cell, kind));
  }
  if (problem !== undefined) classes.push('bad');
  const cls = classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
  const title = problem !== undefined ? ` title="${escapeHtml(problem)}"` : '';
  const style = fill !== undefined ? ` style="background:${escapeHtml(fill)}"` : '';
  return `<td${cls}${title}${style}>${inner}</td>`;
}

// @i18n-exempt: markup; the captions are the charts' own
function chartsHtml(look: ShownLook | undefined): string {
  if (look === undefined || look.charts.length === 0) return '';
  const figures = look.charts.map(
    (c) => `<figure class="chart"><figcaption>${escapeHtml(c.title)}</figcaption>${c.svg}</figure>`,
  );
  return `<div class="charts">${figures.join('')}</div>`;
}

function problemIndex(problems: readonly Problem[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const p of problems) {
    if (p.row === null || p.column === null) continue;
    index.set(`${p.sheet}|${p.row}|${normalizeHeader(p.column)}`, problemText(p));
  }
  return index;
}

// @i18n-exempt: markup; every word in it is the workbook's or the catalogue's
function tableHtml(tab: TabView, problems: Map<string, string>, id: string): string {
  const grid = tab.grid;
  if (grid.length === 0) return `<p class="empty">${text('playground.tabs.empty', { tab: tab.name })}</p>`;
  const width = Math.max(1, ...grid.map((r) => r.length));
  const headers = (grid[0] ?? []).map((h) => normalizeHeader(h));
  const letters = Array.from({ length: width }, (_, i) => `<th class="col">${columnLetter(i + 1)}</th>`).join('');
  const rows = grid
    .map((cells, r) => {
      const tds = Array.from({ length: width }, (_, c) => {
        const cell = cells[c] ?? '';
        if (r === 0) return `<th scope="col">${escapeHtml(displayCell(cell))}</th>`;
        const where = `${r + 1},${c + 1}`;
        return cellHtml(
          cell,
          problems.get(`${tab.name}|${r + 1}|${headers[c] ?? ''}`),
          tab.look?.kinds.get(where),
          tab.look?.fills.get(where),
        );
      }).join('');
      return `<tr${r === 0 ? ' class="hdr"' : ''}><th class="rn">${r + 1}</th>${tds}</tr>`;
    })
    .join('\n');
  return `<div class="grid-wrap"><table class="grid" id="${id}" data-tab="${escapeHtml(tab.name)}"><thead><tr><th class="corner"></th>${letters}</tr></thead><tbody>${rows}</tbody></table></div>${chartsHtml(tab.look)}`;
}

// @i18n-exempt: markup; every word in it is the workbook's or the catalogue's
function tabsHtml(view: PageView): string {
  const problems = problemIndex(view.problems);
  const strip = view.tabs
    .map((tab, i) => {
      const rows = Math.max(0, tab.grid.length - 1);
      return `<button type="button" class="tab" role="tab" data-tab="${i}" data-name="${escapeHtml(tab.name)}" aria-selected="${i === 0}">${escapeHtml(tab.name)}<span class="badge">${rows}</span></button>`;
    })
    .join('');
  const sheets = view.tabs
    .map(
      (tab, i) =>
        `<section class="sheet" role="tabpanel" data-sheet="${i}"${i === 0 ? '' : ' hidden'}>${tableHtml(tab, problems, `tab-${i}`)}</section>`,
    )
    .join('\n');
  return `<div class="sheets">${sheets}</div><nav class="tabstrip" role="tablist" aria-label="${text('playground.tabs.label')}">${strip}</nav>`;
}

// @i18n-exempt: markup; every word in it is the catalogue's
function problemsHtml(problems: readonly Problem[]): string {
  if (problems.length === 0) return `<p class="empty">${text('playground.problems.none')}</p>`;
  const items = problems.map((p) => `<li>${escapeHtml(formatProblem(p))}</li>`).join('');
  return `<ul class="problems">${items}</ul>`;
}

const LOG_COLUMNS = [
  ['timestamp', 'playground.log.timestamp'],
  ['actor', 'playground.log.actor'],
  ['event', 'playground.log.event'],
  ['ref', 'playground.log.ref'],
  ['outcome', 'playground.log.outcome'],
  ['details', 'playground.log.details'],
] as const;

// @i18n-exempt: markup; every word in it is the workbook's or the catalogue's
function logHtml(tabs: readonly TabView[]): string {
  const log = tabs.find((tab) => tab.name === 'Log');
  if (!log)
    return `<p class="empty">${text('playground.log.no-tab', { command: t('menu.command.setup-workbook') })}</p>`;
  const header = (log.grid[0] ?? []).map((h) => normalizeHeader(h));
  const at = (name: string) => header.indexOf(name);
  const rows = log.grid.slice(1).filter((r) => r.some((c) => c !== ''));
  if (rows.length === 0) return `<p class="empty">${text('playground.log.empty')}</p>`;
  const body = rows
    .slice(-50)
    .reverse()
    .map(
      (r) =>
        `<tr>${LOG_COLUMNS.map(([c]) => {
          const shown = escapeHtml(displayCell(r[at(c)] ?? ''));
          return `<td title="${shown}">${shown}</td>`;
        }).join('')}</tr>`,
    )
    .join('');
  const head = LOG_COLUMNS.map(([, key]) => `<th>${text(key)}</th>`).join('');
  return `<table class="list" id="log"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * A message's calendar invitation: what a calendar reads of it, and the .ics to download.
 * @i18n-exempt: markup and a data: URL; every word in it is the email's or the catalogue's
 */
function invitationHtml(e: OutboxEmail): string {
  if (!e.invitation) return '';
  const href = `data:text/calendar;charset=utf-8,${encodeURIComponent(e.invitation.ics)}`;
  const label = t(e.invitation.method === 'CANCEL' ? 'playground.outbox.cancellation' : 'playground.outbox.invitation');
  return `<div class="invitation"><h4>${escapeHtml(label)} <a class="ics" download="invite.ics" href="${escapeHtml(href)}">${text('playground.outbox.download')}</a></h4><pre>${escapeHtml(e.invitation.ics)}</pre></div>`;
}

// @i18n-exempt: markup; every word in it is the email's or the catalogue's
function outboxHtml(outbox: readonly OutboxEmail[]): string {
  if (outbox.length === 0) return `<p class="empty" id="outbox-empty">${text('playground.outbox.empty')}</p>`;
  const items = [...outbox]
    .reverse()
    .map((e) => {
      const cc =
        e.cc && e.cc.length > 0
          ? `<div><b>${text('playground.outbox.cc')}</b> ${escapeHtml(e.cc.join(', '))}</div>`
          : '';
      const html =
        e.html === ''
          ? `<p class="empty">${text('playground.outbox.no-html')}</p>`
          : `<iframe class="mail-html" sandbox="" title="${escapeHtml(e.subject)}" srcdoc="${escapeHtml(e.html)}"></iframe>`;
      return `<details class="mail"><summary><span class="subj">${escapeHtml(e.subject)}</span><span class="when">${escapeHtml(e.sentAt)}</span></summary>
<div class="meta"><div><b>${text('playground.outbox.to')}</b> ${escapeHtml(e.to.join(', '))}</div>${cc}</div>
<div class="bodies"><div><h4>${text('playground.outbox.html')}</h4>${html}</div><div><h4>${text('playground.outbox.text')}</h4><pre>${escapeHtml(e.text)}</pre></div></div>${invitationHtml(e)}</details>`;
    })
    .join('\n');
  return `<div class="outbox">${items}</div>`;
}

/** A catalogue's text, escaped for the page. */
function text(key: MessageKey, values?: Values): string {
  return escapeHtml(t(key, values));
}

/**
 * Everything below the menu bar that changes when the workbook does.
 * @i18n-exempt: markup; every word in it is the workbook's or the catalogue's
 */
export function renderContent(view: PageView): string {
  const reports = REPORTS.map(
    (r) => `<li><a href="/report/${escapeHtml(r.id)}" target="_blank" rel="noopener">${escapeHtml(r.label)}</a></li>`,
  ).join('');
  return `<div class="workbook">${tabsHtml(view)}</div>
<div class="panels">
  <section class="panel" id="problems-panel"><h2>${text('playground.problems.title')} <span class="count">${view.problems.length}</span></h2>${problemsHtml(view.problems)}</section>
  <section class="panel" id="log-panel"><h2>${text('playground.log.title')} <span class="count">${text('playground.log.order')}</span></h2>${logHtml(view.tabs)}</section>
  <section class="panel" id="reports-panel"><h2>${text('playground.reports.title')} <span class="count">${text('playground.reports.note')}</span></h2><ul>${reports}</ul></section>
  <section class="panel" id="automation-panel"><h2>${text('playground.automation.title')}</h2>${view.automation.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}<button type="button" id="run-tick">${text('playground.automation.run-tick')}</button></section>
  <section class="panel wide" id="outbox-panel"><h2>${text('playground.outbox.title')} <span class="count">${view.outbox.length}</span></h2>${outboxHtml(view.outbox)}</section>
</div>`;
}

// @i18n-exempt: markup; the menu's words are the command table's
function menuHtml(menu: readonly MenuEntry[]): string {
  const groups = [...new Set(menu.map((m) => m.group))];
  return groups
    .map((group) => {
      const items = menu
        .filter((m) => m.group === group)
        .map(
          (m) =>
            `<button type="button" role="menuitem" data-command="${escapeHtml(m.command)}">${escapeHtml(m.label)}</button>`,
        )
        .join('');
      return `<div class="menu"><button type="button" class="menu-button" aria-haspopup="true" aria-expanded="false">${escapeHtml(group)}</button><div class="menu-items" role="menu" hidden>${items}</div></div>`;
    })
    .join('');
}

// @i18n-exempt: markup; every word in it is the workbook's or the catalogue's
function userHtml(view: PageView): string {
  const known = view.users.some((u) => u.email === view.user);
  const options = [
    ...(known ? [] : [{ email: view.user, label: t('playground.users.given'), secretariat: false }]),
    ...view.users,
  ]
    .map((u) => {
      const values = { email: u.email, label: u.label };
      const shown = u.secretariat
        ? text('playground.users.option-secretariat', values)
        : text('playground.users.option', values);
      return `<option value="${escapeHtml(u.email)}"${u.email === view.user ? ' selected' : ''}>${shown}</option>`;
    })
    .join('');
  const actingAs = text('playground.users.acting-as');
  return `<label class="user">${actingAs} <select id="user" aria-label="${actingAs}">${options}</select></label>`;
}

/**
 * The page, with its script (build/browser/page-script.js) run under the response's nonce.
 * @i18n-exempt: markup; every word in it is the workbook's or the catalogue's
 */
export function renderPage(view: PageView, nonce: string, script: string): string {
  const network = view.networkName || t('playground.page.default-network');
  return `<!DOCTYPE html>
<html lang="${currentLanguage()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text('playground.page.title', { network })}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top">
  <div class="brand"><span class="logo" aria-hidden="true"></span><div><h1>${escapeHtml(network)}</h1>
  <p class="file">${text('playground.page.file-today', { file: view.file, today: view.today })}</p></div></div>
  ${userHtml(view)}
</header>
<nav class="menubar" aria-label="${text('playground.page.menu-bar')}"><span class="addon">${text('playground.page.add-on')}</span>${menuHtml(view.menu)}<span id="busy" class="busy" hidden>${text('playground.page.working')}</span></nav>
<div id="messages" class="messages" aria-live="polite"></div>
<div class="layout">
  <div id="content">${renderContent(view)}</div>
  <aside id="sidebar" class="sidebar" hidden aria-label="${text('playground.page.sidebar')}">
    <div class="sidebar-head"><span id="sidebar-title">${text('playground.page.add-on')}</span><button type="button" id="sidebar-close" aria-label="${text('playground.page.close-sidebar')}">×</button></div>
    <iframe id="sidebar-frame" title="${text('playground.page.sidebar')}"></iframe>
  </aside>
</div>
<dialog id="dialog" class="dialog" aria-labelledby="dialog-title">
  <div class="sidebar-head"><span id="dialog-title"></span><button type="button" id="dialog-close" aria-label="${text('playground.page.close-dialog')}">×</button></div>
  <iframe id="dialog-frame" sandbox="" title="${text('playground.page.dialog')}"></iframe>
</dialog>
<script nonce="${nonce}">${script.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>`;
}

// @i18n-exempt: a style sheet
const STYLE = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:13px/1.45 Roboto,Arial,sans-serif;color:#202124;background:#f8f9fa}
[hidden]{display:none!important}
.top{display:flex;align-items:center;justify-content:space-between;gap:16px;padding:10px 20px;background:#fff;border-bottom:1px solid #dadce0}
.brand{display:flex;align-items:center;gap:12px}
.logo{width:32px;height:32px;border-radius:6px;background:#0f9d58;box-shadow:inset 0 -10px 0 #0b8043;position:relative}
.logo::after{content:'';position:absolute;left:8px;top:8px;width:16px;height:12px;border:2px solid #fff;border-radius:1px;background:linear-gradient(#fff,#fff) 0 4px/100% 2px no-repeat,linear-gradient(#fff,#fff) 6px 0/2px 100% no-repeat}
h1{font-size:17px;font-weight:500;margin:0}
.file{margin:0;color:#5f6368;font-size:12px}
.user{color:#5f6368;font-size:12px;display:flex;align-items:center;gap:8px}
.user select{font:inherit;color:#202124;padding:5px 8px;border:1px solid #dadce0;border-radius:4px;max-width:420px;background:#fff}
.menubar{display:flex;align-items:center;gap:2px;padding:2px 14px;background:#fff;border-bottom:1px solid #dadce0;position:relative;z-index:5}
.addon{font-weight:500;color:#0b8043;margin-right:8px;padding:0 6px}
.menu{position:relative}
.menu-button{font:inherit;border:0;background:none;padding:6px 10px;border-radius:4px;cursor:pointer;color:#202124}
.menu-button:hover,.menu-button[aria-expanded=true]{background:#e8eaed}
.menu-items{position:absolute;top:100%;left:0;min-width:230px;background:#fff;border-radius:4px;box-shadow:0 2px 6px 2px rgba(60,64,67,.15),0 1px 2px rgba(60,64,67,.3);padding:6px 0}
.menu-items button{display:block;width:100%;text-align:left;font:inherit;border:0;background:none;padding:7px 18px;cursor:pointer;color:#202124}
.menu-items button:hover:not(:disabled){background:#f1f3f4}
.menu-items button:disabled{color:#9aa0a6;cursor:default}
.busy{margin-left:auto;color:#5f6368;font-size:12px}
.messages{padding:0 20px}
.msg{display:flex;gap:10px;align-items:flex-start;margin:10px 0 0;padding:10px 14px;border-radius:6px;background:#e8f0fe;color:#174ea6;white-space:pre-wrap}
.msg.alert{background:#fef7e0;color:#594300}
.msg.error{background:#fce8e6;color:#a50e0e}
.msg b{font-weight:500}
.msg button{margin-left:auto;border:0;background:none;font-size:16px;line-height:1;cursor:pointer;color:inherit}
.layout{display:flex;gap:16px;padding:12px 20px 24px;align-items:flex-start}
#content{flex:1;min-width:0}
.workbook{background:#fff;border:1px solid #dadce0;border-radius:6px;overflow:hidden}
.sheets{max-height:420px;overflow:auto}
.grid-wrap{min-width:100%}
table.grid{border-collapse:collapse;font-size:12px;white-space:nowrap}
.grid th,.grid td{border:1px solid #e2e3e3;padding:3px 7px;max-width:280px;overflow:hidden;text-overflow:ellipsis}
.grid thead th{background:#f8f9fa;color:#5f6368;font-weight:400;text-align:center;position:sticky;top:0;z-index:2}
.grid .rn{background:#f8f9fa;color:#5f6368;font-weight:400;text-align:center;min-width:36px;position:sticky;left:0;z-index:1}
.grid .corner{left:0;z-index:3}
.grid tr.hdr th:not(.rn){background:#e6f4ea;color:#137333;font-weight:500;text-align:left}
.grid td.n{text-align:right;font-variant-numeric:tabular-nums}
.grid td.c{text-align:center}
.grid td.bad{background:#fce8e6;box-shadow:inset 2px 0 #d93025}
.tabstrip{display:flex;gap:2px;padding:4px 8px 0;background:#f1f3f4;border-top:1px solid #dadce0;overflow-x:auto;scroll-behavior:smooth}
.charts{display:flex;flex-wrap:wrap;gap:16px;padding:12px;border-top:1px solid #e2e3e3;background:#fff}
.chart{margin:0}
.chart figcaption{font-weight:500;margin-bottom:4px}
.chart svg{max-width:100%;height:auto}
.tab{font:inherit;border:0;background:none;padding:7px 14px;border-radius:4px 4px 0 0;cursor:pointer;color:#5f6368;white-space:nowrap}
.tab[aria-selected=true]{background:#fff;color:#188038;font-weight:500;box-shadow:0 -2px 0 #188038 inset}
.tab .badge{margin-left:6px;font-size:11px;color:#80868b;font-weight:400}
.panels{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px;margin-top:16px}
.panel{background:#fff;border:1px solid #dadce0;border-radius:6px;padding:12px 16px;max-height:360px;overflow:auto}
.panel.wide{grid-column:1/-1;max-height:none}
.panel h2{font-size:14px;font-weight:500;margin:0 0 8px}
.count{font-weight:400;color:#80868b;font-size:12px;margin-left:4px}
.empty{color:#5f6368;margin:4px 0}
.problems{margin:0;padding-left:18px;color:#a50e0e;font-size:12px}
.problems li{margin:2px 0}
table.list{border-collapse:collapse;width:100%;font-size:12px}
.list th{text-align:left;color:#5f6368;font-weight:500;border-bottom:1px solid #dadce0;padding:4px 6px}
.list td{border-bottom:1px solid #f1f3f4;padding:4px 6px;vertical-align:top}
.list td:nth-child(-n+5){white-space:nowrap}
.list td:last-child{color:#3c4043;max-width:320px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.mail{border:1px solid #e2e3e3;border-radius:6px;margin:6px 0;background:#fff}
.mail summary{display:flex;gap:12px;padding:8px 12px;cursor:pointer}
.mail .subj{font-weight:500}
.mail .when{margin-left:auto;color:#80868b;font-size:12px}
.mail .meta{padding:0 12px;color:#3c4043;font-size:12px}
.mail .bodies{display:grid;grid-template-columns:1fr 1fr;gap:12px;padding:8px 12px 12px}
.mail h4{margin:0 0 4px;font-size:12px;color:#5f6368;font-weight:500}
.mail-html{width:100%;height:260px;border:1px solid #dadce0;border-radius:4px;background:#fff}
.mail pre{margin:0;white-space:pre-wrap;font:12px/1.45 "Roboto Mono",Consolas,monospace;background:#f8f9fa;border:1px solid #dadce0;border-radius:4px;padding:8px;max-height:260px;overflow:auto}
.sidebar{width:302px;flex:none;background:#fff;border:1px solid #dadce0;border-radius:6px;overflow:hidden;position:sticky;top:12px}
.sidebar-head{display:flex;align-items:center;justify-content:space-between;padding:8px 10px 8px 12px;border-bottom:1px solid #dadce0;font-size:12px;color:#5f6368}
.sidebar-head button{border:0;background:none;font-size:18px;line-height:1;cursor:pointer;color:#5f6368}
#dialog{padding:0;border:1px solid #dadce0;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.2)}
#dialog-frame{display:block;width:460px;height:480px;border:0}
#sidebar-frame{display:block;width:300px;height:calc(100vh - 150px);min-height:560px;border:0}
`;
