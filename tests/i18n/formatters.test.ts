import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDay, formatList, formatMonth, formatNumber, inLanguage } from '../../src/domain/i18n';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the formatters of days, months, numbers and lists', () => {
  it('write each language as it writes them', () => {
    expect(formatDay('2026-09-16')).toBe('16 September 2026');
    expect(formatMonth(2026, 9)).toBe('September 2026');
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatList(['UNDP', 'UNICEF', 'WHO'])).toBe('UNDP, UNICEF and WHO');
    inLanguage('ru', () => {
      expect(formatDay('2026-09-16')).toBe('16 сентября 2026 г.');
      expect(formatList(['ПРООН', 'ЮНИСЕФ', 'ВОЗ'])).toBe('ПРООН, ЮНИСЕФ и ВОЗ');
    });
    expect(formatDay('2026-09-16')).toBe('16 September 2026');
  });

  // A check of a large network formats a day per finding: a formatter built each time took a second
  // and a half and half a gigabyte of native memory at 1,000× the example.
  it('build one formatter per language, however many days they write', () => {
    const built = vi.spyOn(Intl, 'DateTimeFormat');
    for (let d = 1; d <= 28; d++) {
      const day = `2026-02-${String(d).padStart(2, '0')}`;
      formatDay(day);
      inLanguage('ru', () => formatDay(day));
    }
    expect(built.mock.calls.length).toBeLessThanOrEqual(2);
  });

  // The days and lists each language wrote are kept, per language: one never answers for the other.
  it('write a day or a list written before in the language asked now', () => {
    for (let i = 0; i < 2; i++) {
      expect(formatDay('2026-03-08')).toBe('8 March 2026');
      expect(inLanguage('ru', () => formatDay('2026-03-08'))).toBe('8 марта 2026 г.');
      expect(formatList(['IOM', 'UNHCR'])).toBe('IOM and UNHCR');
      expect(inLanguage('ru', () => formatList(['IOM', 'UNHCR']))).toBe('IOM и UNHCR');
    }
    expect(formatList(['IOM, UNHCR'])).toBe('IOM, UNHCR');
    expect(formatDay('not a day')).toBe('not a day');
  });
});
