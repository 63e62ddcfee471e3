/**
 * The compiled catalogues. This file compiles each message on first use with @messageformat/core,
 * which is what the tests and the Node programs run. The Apps Script bundle and the sidebar pages do
 * not carry the compiler: scripts/i18n-plugin.mjs puts in this module's place the same messages
 * compiled at build time by the same library, and for Apps Script it leaves Russian out of Code.js,
 * to be loaded from its own project file only in a network that works in Russian.
 */
import MessageFormat from '@messageformat/core';
import { SOURCES } from './messages';
import type { Language, Render } from './language';

const LOCALES: Record<Language, string> = { en: 'en', ru: 'ru' };

export function loadCatalogue(language: Language): (key: string) => Render | undefined {
  const formatter = new MessageFormat(LOCALES[language]);
  const compiled = new Map<string, Render>();
  const source = SOURCES[language] as Record<string, Record<string, string>>;
  return (key) => {
    const hit = compiled.get(key);
    if (hit) return hit;
    const dot = key.indexOf('.');
    const text = source[key.slice(0, dot)]?.[key.slice(dot + 1)];
    if (text === undefined) return undefined;
    const render = formatter.compile(text) as Render;
    compiled.set(key, render);
    return render;
  };
}

/**
 * Where a bundle that leaves a catalogue out reads it (Apps Script: a project file). Compiling from
 * the sources, as here, needs no reader.
 */
export function readCataloguesWith(read: (language: Language) => string): void {
  void read;
}
