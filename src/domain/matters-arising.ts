/**
 * Matters arising: what a meeting takes up from the ones before it. The open action points (each
 * with its owner and due day) and the decisions taken since the last meeting that was held, as the
 * agenda lists them and the minutes carry them over.
 */
import type { Network } from './network';
import type { Action, Decision, Meeting } from './tables';
import { t } from './i18n';
import { keyOf } from './words';

export interface MattersArising {
  /** The last meeting held before this one, or null when none was. */
  readonly since: Meeting | null;
  /** Open action points from before this meeting (not from it, its decisions or a later source), in the tracker's order. */
  readonly actions: readonly Action[];
  /** Decisions dated from the last held meeting's day up to before this meeting, none of this meeting. */
  readonly decisions: readonly Decision[];
}

/** The meeting held last before `meeting` (by date; the later row of one day). */
export function lastHeldBefore(network: Network, meeting: Pick<Meeting, 'id' | 'date'>): Meeting | null {
  let last: Meeting | null = null;
  for (const m of network.meetings.records) {
    if (m.status !== 'Held' || m.date >= meeting.date || keyOf(m.id) === keyOf(meeting.id)) continue;
    if (last === null || m.date >= last.date) last = m;
  }
  return last;
}

export function mattersArising(network: Network, meeting: Pick<Meeting, 'id' | 'date'>): MattersArising {
  const id = keyOf(meeting.id);
  const since = lastHeldBefore(network, meeting);
  const own = new Set([
    id,
    ...network.decisions.records.filter((d) => keyOf(d.meeting) === id).map((d) => keyOf(d.id)),
  ]);
  const decisions = network.decisions.records.filter(
    (d) => keyOf(d.meeting) !== id && d.date < meeting.date && (since === null ? true : d.date >= since.date),
  );
  // An action whose source is dated on or after this meeting came later: it is not carried over to it.
  const dated = new Map<string, string>();
  for (const m of network.meetings.records) dated.set(keyOf(m.id), m.date);
  for (const d of network.decisions.records) dated.set(keyOf(d.id), d.date);
  const actions = network.actions.records.filter((a) => {
    const from = dated.get(keyOf(a.source));
    return a.status === 'Open' && !own.has(keyOf(a.source)) && (from === undefined || from < meeting.date);
  });
  return { since, actions, decisions };
}

/**
 * How many action points or decisions a message lists before it points to the tab for the rest: a
 * network with hundreds open would otherwise send a message no one reads, and MailApp refuses a
 * body over its size limit.
 */
export const LISTED_AT_MOST = 40;

/** The first LISTED_AT_MOST of a list, and how many are left out. */
export function firstListed<T>(list: readonly T[]): { shown: readonly T[]; more: number } {
  return { shown: list.slice(0, LISTED_AT_MOST), more: Math.max(0, list.length - LISTED_AT_MOST) };
}

/** "And 12 more open action points: see the Actions tab." */
export function moreOpen(more: number): string {
  return t('email.matters.more-open', { more });
}
