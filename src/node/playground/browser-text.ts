/**
 * The texts of the playground's browser scripts (browser/shared/text.ts), rendered here in the
 * execution's language and set before the script, so that the scripts carry no catalogue.
 */
import { t } from '../../domain/i18n';
import { TEXT_GLOBAL, type BrowserText } from './browser/shared/text';

function browserText(): BrowserText {
  return {
    dismiss: t('playground.page.dismiss'),
    sidebarTitle: t('playground.page.sidebar-title', { title: '{title}' }),
    noAnswer: t('playground.page.no-answer', { error: '{error}' }),
    refused: t('playground.page.refused'),
  };
}

/** The script with its texts before it; `<` is escaped so that no text can end the script element. */
export function withText(script: string): string {
  const json = JSON.stringify(browserText()).replace(/</g, '\\u003c');
  return `globalThis.${TEXT_GLOBAL}=${json};\n${script}`;
}
