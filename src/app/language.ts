/**
 * The network's language for an entry point that shows text before it reads the network (the menu,
 * an alert of a menu item, a sidebar's call): one read of the Settings tab, nothing else.
 */
import { followSettings, languageOfSetting, type Language } from '../domain/i18n';
import { readSettingsTab } from '../domain/settings';
import { SettingsTable } from '../domain/tables';
import type { WorkbookPort } from '../ports';

/** Settings' `Language`; null when the workbook has no Settings tab yet (a network not set up). */
export function readNetworkLanguage(workbook: Pick<WorkbookPort, 'read'>): Language | null {
  const grid = workbook.read(SettingsTable.name);
  if (grid === null) return null;
  return languageOfSetting(readSettingsTab(grid).overrides.language);
}

/** Works in the network's language from here on; `fallback` where the workbook has no Settings tab. */
export function followNetworkLanguage(workbook: Pick<WorkbookPort, 'read'>, fallback: Language = 'en'): Language {
  const language = readNetworkLanguage(workbook) ?? fallback;
  followSettings(language);
  return language;
}
