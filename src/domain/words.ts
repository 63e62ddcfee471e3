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

/** "1 error", "3 errors". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
