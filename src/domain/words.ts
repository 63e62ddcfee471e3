/** How the domain compares codes and emails, and how its messages name several things. */
import { formatList, t } from './i18n';

/** Agency codes and IDs compare trimmed and case-insensitively: "unhcr " is UNHCR. */
export function keyOf(code: string): string {
  return code.trim().toUpperCase();
}

/** A text as a regular expression matches it, character for character. */
export function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Email addresses compare trimmed and in lower case. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** "UNDP, UNICEF and WHO", "ПРООН, ЮНИСЕФ и ВОЗ". */
export function joinWords(items: readonly string[]): string {
  return formatList(items);
}

/** "UNDP, UNICEF, … and 37 more": a list in a message, cut after `shown` items so that the message stays short. */
export function joinFew(items: readonly string[], shown = 10): string {
  if (items.length <= shown) return joinWords(items);
  return t('common.more', { shown: items.slice(0, shown).join(', '), more: items.length - shown });
}

/**
 * "UNRC (United Nations Resident Coordinator, RCO)": an agency's code with its name, one pair of
 * parentheses deep, whatever parentheses the register's name holds.
 */
export function agencyWithName(agency: string, name: string): string {
  const flat = name
    .trim()
    .replace(/\s*\(\s*([^()]*?)\s*\)/g, ', $1')
    .replace(/[()]/g, '');
  return flat === '' ? agency : `${agency} (${flat})`;
}
