/** The first-run help: what each tab of the workbook is for, as a small HTML page. */
import { escapeHtml } from './html';
import { TABLES } from './tables';
import { t } from './i18n';

export interface HelpTab {
  readonly name: string;
  readonly purpose: string;
}

/** Each tab and what it is for, in the language of the execution that asks. */
export function helpTabs(): HelpTab[] {
  return TABLES.map((table) => ({ name: table.name, purpose: table.purpose }));
}

/** Escapes every text it is given: tab names and purposes could one day come from the sheet. */
export function helpHtml(tabs: readonly HelpTab[] = helpTabs()): string {
  // @i18n-exempt: markup around the tab names, no words of its own
  const rows = tabs.map((tab) => `<dt>${escapeHtml(tab.name)}</dt><dd>${escapeHtml(tab.purpose)}</dd>`).join('');
  return [
    // @i18n-exempt: the page's markup and style, no words
    '<!DOCTYPE html><html><head><base target="_top"><meta charset="utf-8">',
    // @i18n-exempt: style
    '<style>body{font:13px/1.5 Arial,sans-serif;color:#202124;margin:0 4px}h2{font-size:15px;font-weight:500}',
    // @i18n-exempt: style
    'dt{font-weight:bold;margin-top:8px}dd{margin:0 0 4px 0}p{color:#5f6368}</style></head><body>',
    `<h2>${escapeHtml(t('check.help.heading'))}</h2>`,
    `<p>${escapeHtml(t('check.help.intro'))}</p>`,
    `<dl>${rows}</dl>`,
    `<p>${t('check.help.start', { command: `<b>${escapeHtml(t('menu.command.setup-workbook'))}</b>` })}</p>`,
    '</body></html>',
  ].join('');
}

/** The help as the add-on shows it: a modal dialog. */
export function helpDialog(): { title: string; html: string; width: number; height: number } {
  return { title: t('check.help.title'), html: helpHtml(), width: 460, height: 520 };
}
