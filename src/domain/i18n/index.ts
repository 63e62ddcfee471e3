/**
 * What a person reads, in the network's language: `t(key, values)` renders a message of the catalogue
 * (src/domain/i18n/messages), and the helpers below write days, numbers and lists as that language
 * does. One execution works in one language: the entry point (a menu item, a trigger, an RPC call, a
 * CLI command) sets it from Settings or `--lang` before anything is written.
 */
import { loadCatalogue } from './catalogues';
import type { Area, SOURCES } from './messages';
import type { Language, Render } from './language';

export { languageOfSetting, isLanguage, LANGUAGE_CODES, type Language } from './language';

type Keys<A extends Area> = `${A}.${keyof (typeof SOURCES)['en'][A] & string}`;
export type MessageKey = { [A in Area]: Keys<A> }[Area];
export type Values = Record<string, string | number | boolean | null | undefined>;

let current: Language = 'en';
const catalogues = new Map<Language, (key: string) => Render | undefined>();

function catalogue(language: Language): (key: string) => Render | undefined {
  let found = catalogues.get(language);
  if (!found) {
    found = loadCatalogue(language);
    catalogues.set(language, found);
  }
  return found;
}

let pinned = false;

/** The CLI's `--lang`: this language, whatever the Settings tab says. */
export function pinLanguage(language: Language): void {
  pinned = true;
  current = language;
}

/** The Settings tab's `Language`, read with the network: the execution's language unless one is pinned. */
export function followSettings(language: Language): void {
  if (!pinned) current = language;
}

/** Sets the language of this execution; returns the one it replaces, for a caller that restores it. */
export function useLanguage(language: Language): Language {
  const before = current;
  current = language;
  return before;
}

export function currentLanguage(): Language {
  return current;
}

/** Runs `work` in `language` and puts the language back, whatever happens. */
export function inLanguage<T>(language: Language, work: () => T): T {
  const before = useLanguage(language);
  try {
    return work();
  } finally {
    useLanguage(before);
  }
}

/** A message in the current language; a key Russian lacks falls back to English rather than fail. */
export function t(key: MessageKey, values?: Values): string {
  const render = catalogue(current)(key) ?? catalogue('en')(key);
  if (!render) throw new Error(`No message "${key}" in the catalogue.`);
  return render(values ?? {});
}

const LOCALE: Record<Language, string> = { en: 'en-GB', ru: 'ru' };

/** The formatters of each language by kind. */
const formatters = new Map<Language, Map<string, unknown>>();

/**
 * One formatter of each kind per language: building an Intl formatter costs far more than using one,
 * and holds native memory until it is collected (a check of a large network formats a day per finding).
 */
function formatter<T>(kind: string, make: (locale: string) => T): T {
  let kinds = formatters.get(current);
  if (kinds === undefined) formatters.set(current, (kinds = new Map()));
  let found = kinds.get(kind) as T | undefined;
  if (found === undefined) {
    found = make(LOCALE[current]);
    kinds.set(kind, found);
  }
  return found;
}

/** Past this many texts a store of formatted ones starts again, so that it never holds more than a few of a large tab's worth. */
const FORMATTED_KEPT = 10_000;

/**
 * The formatted days kept: every day of a century, which a network's records of fifty years name in
 * turn (a store of fewer started again before it was used a second time). A day's text is short.
 */
const DAYS_KEPT = 40_000;

/**
 * What `format` made of each key lately, in the current language: an Intl formatter takes microseconds
 * a call, and a check of a large network writes the same days and lists into thousands of findings.
 */
function remembered(kind: string, key: string, format: () => string, kept = FORMATTED_KEPT): string {
  const store = formatter(kind, () => new Map<string, string>());
  let text = store.get(key);
  if (text === undefined) {
    if (store.size >= kept) store.clear();
    text = format();
    store.set(key, text);
  }
  return text;
}

/** "16 September 2026", "16 сентября 2026 г.": a `YYYY-MM-DD` day as running text writes it. */
export function formatDay(day: string | null): string {
  if (day === null) return '';
  return remembered(
    'days',
    day,
    () => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
      if (!m) return day;
      const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return formatter(
        'day',
        (locale) =>
          new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      ).format(date);
    },
    DAYS_KEPT,
  );
}

/** "September 2026", "сентябрь 2026 г.": a month of a year standing alone, as in a heading. */
export function formatMonth(year: number, month: number): string {
  return formatter(
    'month',
    (locale) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** "1,234" or "1 234". */
export function formatNumber(n: number): string {
  return formatter('number', (locale) => new Intl.NumberFormat(locale)).format(n);
}

/** "UNDP, UNICEF and WHO", "ПРООН, ЮНИСЕФ и ВОЗ". */
export function formatList(items: readonly string[]): string {
  return remembered('lists', JSON.stringify(items), () =>
    formatter('list', (locale) => new Intl.ListFormat(locale, { type: 'conjunction' })).format(items),
  );
}

/**
 * The project file of a page in the current language: scripts/build.mjs writes each page once per
 * language, `<page>` in English and `<page>-<language>` in the others.
 */
export function pageInLanguage(page: string): string {
  return current === 'en' ? page : `${page}-${current}`;
}
