/** The languages a network can work in: the Settings row `Language` and the CLI's `--lang`. */
export const LANGUAGE_CODES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGE_CODES)[number];

/** A compiled message: placeholder values in, text out. */
export type Render = (values?: Record<string, unknown>) => string;

/** The Settings row `Language` holds the language's English name, as the contract fixes it. */
const BY_SETTING: Record<string, Language> = { English: 'en', Russian: 'ru' };

export function languageOfSetting(value: string | null | undefined): Language {
  return BY_SETTING[(value ?? '').trim()] ?? 'en';
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGE_CODES as readonly string[]).includes(value);
}
