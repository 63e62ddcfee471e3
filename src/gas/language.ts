/** The user's own language setting: the language of a spreadsheet whose network is not set up yet. */
import { isLanguage, type Language } from '../domain/i18n';

/** "ru", "ru_RU": Russian; any other locale, or none: English. */
export function languageOfLocale(locale: string): Language {
  const code = locale.slice(0, 2).toLowerCase();
  return isLanguage(code) ? code : 'en';
}

export function userLanguage(): Language {
  try {
    return languageOfLocale(Session.getActiveUserLocale() ?? '');
  } catch {
    return 'en';
  }
}
