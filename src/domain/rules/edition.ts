/**
 * Which edition of RULES.md a check ran under, and what the second edition changed: a network that
 * ran checks under the first hears once, at its first check under the second, why its findings moved.
 */

/** Opens the Details of every Compliance check Log row: the Log says which rules each run applied. */
export const EDITION = 'Rules, second edition';

export const EDITION_CHANGES =
  "The compliance rules' second edition applies from this check: the meeting cadence counts calendar quarters or half-years, " +
  'the founding year needs no annual meeting, membership under the Azerbaijan ToR is open, a workplan has 90 days of its year to be endorsed, ' +
  'a missing budget needs attention rather than breaking the ToR, and UNRC and RCO are one member. Seven rules are new: ' +
  "the annual meeting's full membership, meetings left Planned, minutes never approved, disclosure of Public meetings, " +
  'the evidence behind Consulted, overdue written consultations and ended ad hoc working groups. ' +
  'Set up / repair workbook adds the new tabs, columns and settings without touching your data.';

/** The first check under this edition, of a network whose Log holds checks under an earlier one. */
export function isFirstOfEdition(checks: readonly { readonly details: string }[]): boolean {
  return checks.length > 0 && !checks.some((c) => c.details.startsWith(EDITION));
}
