/**
 * The Log as the memory of what went out. Every message is identified by its key: its event, its
 * ref and its recipients. A message is claimed by a `Sending` row before it goes out and confirmed by
 * a `Sent` row after; a `Failed` row gives it back. The latest of these rows says where a key stands:
 * sent, claimed (an execution died between the two: never sent again automatically) or free.
 */
import type { Located } from '../codec';
import type { IsoDay } from '../dates';
import type { LogEntry } from '../tables';
import type { LOG_OUTCOMES } from '../choices';
import { emailKey, keyOf, literally } from '../words';

/** The Log events of the mail the add-on sends, and of the reports it makes about it. */
// @i18n-exempt: the Log's Event values, which the ledger matches whatever the language (WORKBOOK.md)
export const EVENTS = {
  circulated: 'Minutes circulated',
  archived: 'Minutes archived with RCO',
  reminder: 'Reminder sent',
  agenda: 'Agenda reminder',
  minutes: 'Minutes reminder',
  approval: 'Approval reminder',
  agendaCirculated: 'Agenda circulated',
  invitationUpdated: 'Invitation updated',
  invitationCancelled: 'Invitation cancelled',
  consultation: 'Consultation sent',
  consultationReminder: 'Consultation reminder',
  consultationOutcome: 'Consultation outcome',
  /** The Secretariat's withdrawal of a consultation (not mail): its Details hold the reason given. */
  withdrawn: 'Consultation withdrawn',
  consultationWithdrawn: 'Consultation withdrawal notice',
  unconfirmed: 'Delivery unconfirmed',
  /** A date the tick could not write: its row changed, moved to a duplicated ID or went while it worked. */
  notWritten: 'Date not written',
  /** A tab whose header the deliveries cannot trust: nothing of it goes out. */
  stopped: 'Automation stopped',
} as const;

type State = 'Sending' | 'Sent' | 'Failed';

/** The outcomes a message is looked up by its key for (has): not a claim or a confirmation. */
type Noted = Exclude<(typeof LOG_OUTCOMES)[number], 'Sending' | 'Sent'> | null;

/** A message whose claim was never confirmed: it may or may not have reached its recipients. */
export interface Claim {
  readonly event: string;
  readonly ref: string;
  readonly recipients: readonly string[];
  readonly timestamp: string;
  /** The row of the `Sending` Log entry. */
  readonly row: number;
}

function eventRef(event: string, ref: string): string {
  return `${event.trim().toLowerCase()}|${keyOf(ref)}`;
}

function recipientsKey(recipients: readonly string[]): string {
  return [...new Set(recipients.map(emailKey))].sort().join(',');
}

/** A message's identity: event, ref and recipient set (order and case do not matter). */
export function messageKey(event: string, ref: string, recipients: readonly string[]): string {
  return `${eventRef(event, ref)}|${recipientsKey(recipients)}`;
}

const STATES: ReadonlySet<string> = new Set<State>(['Sending', 'Sent', 'Failed']);

export class Ledger {
  /** Rows of each event|ref, and of each message key, in Log order. */
  private readonly byEventRef = new Map<string, Located<LogEntry>[]>();
  private readonly byKey = new Map<string, Located<LogEntry>[]>();

  constructor(entries: readonly Located<LogEntry>[]) {
    const add = (map: Map<string, Located<LogEntry>[]>, k: string, entry: Located<LogEntry>) => {
      const list = map.get(k);
      if (list) list.push(entry);
      else map.set(k, [entry]);
    };
    for (const entry of entries) {
      add(this.byEventRef, eventRef(entry.event, entry.ref), entry);
      // Claims and confirmations, most of a year's Log, are looked up by event and ref: keying each by its
      // recipients too took a twentieth of a tick.
      if (entry.outcome !== 'Sending' && entry.outcome !== 'Sent')
        add(this.byKey, messageKey(entry.event, entry.ref, entry.recipients), entry);
    }
  }

  /** Rows of event|ref from `since` on, and whose Details hold `tag` where one is given. */
  private rows(event: string, ref: string, since: IsoDay | null, tag = ''): Located<LogEntry>[] {
    const rows = this.byEventRef.get(eventRef(event, ref)) ?? [];
    return rows.filter(
      (e) => (since === null || e.timestamp.slice(0, 10) >= since) && (tag === '' || e.details.includes(tag)),
    );
  }

  /** The Sending and Sent rows of event|ref from `since` on, in Log order, less each claim a Failed row of its recipients gave back. */
  private standing(event: string, ref: string, since: IsoDay | null): Located<LogEntry>[] {
    const kept: (Located<LogEntry> | null)[] = [];
    const claims = new Map<string, number>();
    for (const e of this.rows(event, ref, since)) {
      const recipients = recipientsKey(e.recipients);
      if (e.outcome === 'Failed') {
        const at = claims.get(recipients);
        if (at !== undefined) kept[at] = null;
        claims.delete(recipients);
      } else if (e.outcome === 'Sending') {
        claims.set(recipients, kept.length);
        kept.push(e);
      } else if (e.outcome === 'Sent') {
        claims.delete(recipients);
        kept.push(e);
      }
    }
    return kept.filter((e) => e !== null);
  }

  /** The Details of every Sending or Sent row of event|ref, in Log order, but of claims a failure gave back. */
  claimedDetails(event: string, ref: string): string[] {
    return this.standing(event, ref, null).map((e) => e.details);
  }

  /** Where each message of event|ref stands (rows from `since` on): its latest Sending, Sent or Failed row. */
  private latest(event: string, ref: string, since: IsoDay | null, tag = ''): Map<string, Located<LogEntry>> {
    const out = new Map<string, Located<LogEntry>>();
    for (const entry of this.rows(event, ref, since, tag)) {
      if (entry.outcome !== null && STATES.has(entry.outcome)) out.set(recipientsKey(entry.recipients), entry);
    }
    return out;
  }

  private recipientsIn(
    event: string,
    ref: string,
    since: IsoDay | null,
    states: readonly State[],
    tag: string,
  ): Set<string> {
    const out = new Set<string>();
    for (const entry of this.latest(event, ref, since, tag).values()) {
      if (states.includes(entry.outcome as State)) for (const r of entry.recipients) out.add(emailKey(r));
    }
    return out;
  }

  /**
   * Recipients that a message of event|ref (from `since` on; ever when null) was sent or is claimed
   * for; with a tag, only messages whose Details hold it (one invitation's sequence, one reminder of several).
   */
  covered(event: string, ref: string, since: IsoDay | null, tag = ''): Set<string> {
    return this.recipientsIn(event, ref, since, ['Sent', 'Sending'], tag);
  }

  /**
   * The Details (by keyOf) of the messages of event|ref sent or claimed: where one delivery of an
   * event and ref goes to several parties (a consultation to each member), each is named there, so
   * that a party whose focal points changed is not written to twice.
   */
  coveredDetails(event: string, ref: string): Set<string> {
    const out = new Set<string>();
    for (const entry of this.latest(event, ref, null).values())
      if (entry.outcome === 'Sent' || entry.outcome === 'Sending') out.add(keyOf(entry.details));
    return out;
  }

  /**
   * Whether a message of event|ref from `since` on was sent or is claimed (not given back by a
   * failure) with `id` among the IDs its Details name, as a whole ID in any case: "A-2026-01" is not
   * named by a reminder of A-2026-013.
   */
  names(event: string, ref: string, since: IsoDay, id: string): boolean {
    const named = new RegExp(`(?<![\\w-])${literally(id.trim())}(?![\\w-])`, 'i');
    return this.standing(event, ref, since).some((e) => named.test(e.details));
  }

  /** The Details of the last row of event|ref, '' when there is none. */
  lastDetails(event: string, ref: string): string {
    return this.rows(event, ref, null).at(-1)?.details ?? '';
  }

  /** Recipients that a message of event|ref was confirmed sent to. */
  confirmed(event: string, ref: string, since: IsoDay | null, tag = ''): Set<string> {
    return this.recipientsIn(event, ref, since, ['Sent'], tag);
  }

  /** Whether the Log has a row of the message `key` (see messageKey) with this outcome, on or after `since`. */
  has(key: string, outcome: Noted, since: IsoDay | null): boolean {
    return (this.byKey.get(key) ?? []).some(
      (e) => e.outcome === outcome && (since === null || e.timestamp.slice(0, 10) >= since),
    );
  }

  /** How many times the message `key` failed on or after `since`. */
  failures(key: string, since: IsoDay): number {
    return (this.byKey.get(key) ?? []).filter((e) => e.outcome === 'Failed' && e.timestamp.slice(0, 10) >= since)
      .length;
  }

  /** Every claim that no Sent or Failed row followed: the execution that made it stopped before it could tell. */
  unconfirmed(): Claim[] {
    const out: Claim[] = [];
    for (const rows of this.byEventRef.values()) {
      const first = rows[0];
      if (first === undefined) continue;
      for (const entry of this.latest(first.event, first.ref, null).values()) {
        if (entry.outcome !== 'Sending') continue;
        out.push({
          event: entry.event,
          ref: entry.ref,
          recipients: entry.recipients,
          timestamp: entry.timestamp,
          row: entry.row,
        });
      }
    }
    return out.sort((a, b) => a.row - b.row);
  }
}
