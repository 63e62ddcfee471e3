/** The Log as the memory of what went out: sent, claimed, given back by a failure, never confirmed. */
import { describe, expect, it } from 'vitest';
import { decodeTable } from '../../../src/domain/codec';
import { Ledger, messageKey } from '../../../src/domain/email/ledger';
import { LogTable, type LogEntry } from '../../../src/domain/tables';
import { gridOf } from '../rules/support';

function ledger(rows: Partial<LogEntry>[]): Ledger {
  const entries = rows.map((r, i) => ({
    timestamp: `2026-06-${String(10 + i).padStart(2, '0')}T09:00:00`,
    event: 'Minutes circulated',
    ref: 'M-1',
    ...r,
  }));
  return new Ledger(decodeTable(LogTable, gridOf(LogTable, entries)).records);
}

describe('Ledger', () => {
  it('covers the recipients of a message sent or claimed, not of one that failed last', () => {
    const l = ledger([
      { recipients: ['a@x.org', 'b@x.org'], outcome: 'Sending' },
      { recipients: ['b@x.org', 'a@x.org'], outcome: 'Sent' },
      { recipients: ['c@x.org'], outcome: 'Sending' },
      { recipients: ['d@x.org'], outcome: 'Sending' },
      { recipients: ['d@x.org'], outcome: 'Failed' },
    ]);
    expect([...l.covered('minutes circulated', 'm-1', null)].sort()).toEqual(['a@x.org', 'b@x.org', 'c@x.org']);
    expect([...l.confirmed('Minutes circulated', 'M-1', null)].sort()).toEqual(['a@x.org', 'b@x.org']);
    expect(l.unconfirmed().map((c) => [c.recipients, c.row])).toEqual([[['c@x.org'], 4]]);
    expect(l.covered('Minutes archived with RCO', 'M-1', null).size).toBe(0);
  });

  it('counts only the rows from a day on when asked', () => {
    const l = ledger([
      { recipients: ['a@x.org'], outcome: 'Sent' },
      { recipients: ['b@x.org'], outcome: 'Sent' },
      { recipients: ['c@x.org'], outcome: 'Deferred' },
      { recipients: ['d@x.org'], outcome: 'Deferred' },
    ]);
    expect([...l.covered('Minutes circulated', 'M-1', '2026-06-11')]).toEqual(['b@x.org']);
    expect(l.has(messageKey('Minutes circulated', 'M-1', ['D@x.org']), 'Deferred', '2026-06-13')).toBe(true);
    expect(l.has(messageKey('Minutes circulated', 'M-1', ['c@x.org']), 'Deferred', '2026-06-13')).toBe(false);
    expect(l.has(messageKey('Minutes circulated', 'M-1', ['c@x.org']), 'Deferred', null)).toBe(true);
  });

  it('tells whether a message that went or is claimed names an ID, as a whole ID, until a failure gives it back', () => {
    const l = ledger([
      { recipients: ['a@x.org'], outcome: 'Sent', details: 'UNDP reminder of A-2026-013, A-2026-020' },
      { recipients: ['b@x.org'], outcome: 'Sending', details: 'UNDP reminder of a-2026-030' },
      { recipients: ['c@x.org'], outcome: 'Sending', details: 'UNDP reminder of A-2026-040' },
      { recipients: ['c@x.org'], outcome: 'Failed', details: 'Failed: Service unavailable' },
    ]);
    expect(l.names('Minutes circulated', 'M-1', '2026-06-10', 'A-2026-013')).toBe(true);
    expect(l.names('Minutes circulated', 'M-1', '2026-06-10', 'A-2026-01')).toBe(false);
    expect(l.names('Minutes circulated', 'M-1', '2026-06-10', 'A-2026-030')).toBe(true);
    expect(l.names('Minutes circulated', 'M-1', '2026-06-10', 'A-2026-040')).toBe(false);
    expect(l.names('Minutes circulated', 'M-1', '2026-06-11', 'A-2026-013')).toBe(false);
  });

  it('keys a message by event, ref and recipient set, whatever their order and case', () => {
    expect(messageKey('Minutes circulated', 'm-1', ['B@x.org', 'a@x.org'])).toBe(
      messageKey('minutes circulated ', 'M-1', ['a@x.org', 'b@x.org']),
    );
  });
});
