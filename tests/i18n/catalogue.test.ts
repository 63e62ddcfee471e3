/**
 * The two catalogues say the same things: every key in both, the same placeholders in both, each
 * message valid ICU that renders with sample values in either language.
 */
import { parse, type Token } from '@messageformat/parser';
import { describe, expect, it } from 'vitest';
import { SOURCES } from '../../src/domain/i18n/messages';
import { inLanguage, t, type MessageKey } from '../../src/domain/i18n';

type Table = Record<string, Record<string, string>>;
const en = SOURCES.en as Table;
const ru = SOURCES.ru as Table;

function keysOf(table: Table): string[] {
  return Object.entries(table).flatMap(([area, messages]) => Object.keys(messages).map((k) => `${area}.${k}`));
}

function textOf(table: Table, key: string): string | undefined {
  const dot = key.indexOf('.');
  return table[key.slice(0, dot)]?.[key.slice(dot + 1)];
}

/** Each placeholder with the kind it is used as (plain, number, plural, select, ...). */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (tokens: Token[]): void => {
    for (const token of tokens) {
      if (token.type === 'argument') found.add(`${token.arg}`);
      else if (token.type === 'function') found.add(`${token.arg}:${token.key}`);
      else if (token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal') {
        found.add(`${token.arg}:${token.type}`);
        for (const c of token.cases) walk(c.tokens);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

/** A value for each placeholder: a number where it is counted, a text otherwise. */
function sample(message: string): Record<string, string | number> {
  return Object.fromEntries(
    placeholders(message).map((p) => {
      const [name, kind] = p.split(':') as [string, string | undefined];
      return [name, kind === 'plural' || kind === 'selectordinal' || kind === 'number' ? 3 : 'other'];
    }),
  );
}

const enKeys = keysOf(en);
const ruKeys = keysOf(ru);

describe('the message catalogues', () => {
  it('have the same keys in English and Russian', () => {
    expect(ruKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !ruKeys.includes(k))).toEqual([]);
  });

  it.each(enKeys)('%s has the same placeholders in both languages', (key) => {
    const english = textOf(en, key) ?? '';
    const russian = textOf(ru, key);
    if (russian === undefined) return;
    const names = (m: string): string[] => [...new Set(placeholders(m).map((p) => p.split(':')[0] ?? p))].sort();
    expect(names(russian)).toEqual(names(english));
  });

  it.each(enKeys)('%s renders in both languages with sample values', (key) => {
    const english = textOf(en, key) ?? '';
    for (const language of ['en', 'ru'] as const) {
      const text = inLanguage(language, () => t(key as MessageKey, sample(english)));
      expect(text).not.toMatch(/undefined|\[object/);
      expect(text.trim().length).toBeGreaterThan(0);
    }
  });

  it('counts in Russian with one, few and many', () => {
    const errors = (n: number): string => inLanguage('ru', () => t('common.count.error', { n }));
    expect([1, 3, 5, 21, 1234].map(errors)).toEqual([
      '1 ошибка',
      '3 ошибки',
      '5 ошибок',
      '21 ошибка',
      '1\u00a0234 ошибки',
    ]);
  });
});
