/** The first-run help: what each tab of the workbook is for, as a small HTML page. */
import { escapeHtml } from './html';
import { TABLES } from './tables';

export interface HelpTab {
  readonly name: string;
  readonly purpose: string;
}

export const HELP_TABS: readonly HelpTab[] = TABLES.map((t) => ({ name: t.name, purpose: t.purpose }));

/** Escapes every text it is given: tab names and purposes could one day come from the sheet. */
export function helpHtml(tabs: readonly HelpTab[] = HELP_TABS): string {
  const rows = tabs.map((t) => `<dt>${escapeHtml(t.name)}</dt><dd>${escapeHtml(t.purpose)}</dd>`).join('');
  return [
    '<!DOCTYPE html><html><head><base target="_top"><meta charset="utf-8">',
    '<style>body{font:13px/1.5 Arial,sans-serif;color:#202124;margin:0 4px}h2{font-size:15px;font-weight:500}',
    'dt{font-weight:bold;margin-top:8px}dd{margin:0 0 4px 0}p{color:#5f6368}</style></head><body>',
    '<h2>The network workbook</h2>',
    "<p>The Secretariat keeps the Network's records in these tabs. Members can read them and run reports; only the Secretariat can change them.</p>",
    `<dl>${rows}</dl>`,
    '<p>Start with <b>Set up / repair workbook</b>: it adds any tab or column that is missing and never touches what you wrote.</p>',
    '</body></html>',
  ].join('');
}

/** The help as the add-on shows it: a modal dialog. */
export function helpDialog(): { title: string; html: string; width: number; height: number } {
  return { title: 'UN Network on Migration: the tabs', html: helpHtml(), width: 460, height: 520 };
}
