/** How the domain compares codes and emails, and how its messages name several things. */

/** Agency codes and IDs compare trimmed and case-insensitively: "unhcr " is UNHCR. */
export function keyOf(code: string): string {
  return code.trim().toUpperCase();
}

/** Email addresses compare trimmed and in lower case. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** "UNDP, UNICEF and WHO". */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "UNDP, UNICEF, … and 37 more": a list in a message, cut after `shown` items so that the message stays short. */
export function joinFew(items: readonly string[], shown = 10): string {
  if (items.length <= shown) return joinWords(items);
  return `${items.slice(0, shown).join(', ')} … and ${items.length - shown} more`;
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

/** "1 error", "3 errors". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
