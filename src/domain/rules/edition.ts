/**
 * Which edition of RULES.md a check ran under, and what the second edition changed: a network that
 * ran checks under the first hears once, at its first check under the second, why its findings moved.
 */

import { t } from '../i18n';

/**
 * Opens the Details of every Compliance check Log row: the Log says which rules each run applied, and
 * later runs search for these words, so they read the same in every language.
 */
// @i18n-exempt: a marker the Log is searched for, the same whatever the network's language
export const EDITION = 'Rules, second edition';

/** What the second edition changed, told once to a network that ran checks under the first. */
export function editionChanges(): string {
  return t('check.edition-changes');
}

/** The first check under this edition, of a network whose Log holds checks under an earlier one. */
export function isFirstOfEdition(checks: readonly { readonly details: string }[]): boolean {
  return checks.length > 0 && !checks.some((c) => c.details.startsWith(EDITION));
}
