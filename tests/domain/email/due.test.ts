/** What is due: a row holding a cell that cannot be read gets no mark written into it, and says why. */
import { describe, expect, it } from 'vitest';
import { decodeNetwork } from '../../../src/domain/network';
import { dueJobs } from '../../../src/domain/email/due';
import { Ledger } from '../../../src/domain/email/ledger';
import { gridsOf } from '../rules/support';
import { emailNetwork } from '../../sim/network';

const TODAY = '2026-06-15';

function due(edit: (grids: ReturnType<typeof gridsOf>) => void) {
  const spec = emailNetwork();
  spec.actions = spec.actions.map((a) => (a.id === 'A-2026-001' ? { ...a, due: '2026-06-16' } : a));
  const grids = gridsOf(spec);
  edit(grids);
  const network = decodeNetwork(grids);
  return dueJobs(network, TODAY, new Ledger(network.log.records), { reminders: true });
}

describe('dueJobs over malformed rows', () => {
  it('circulates the approved minutes and reminds the owner when the rows read well', () => {
    const { jobs, blocked } = due(() => {});
    expect(jobs.map((j) => `${j.event} ${j.ref}`)).toEqual([
      'Minutes circulated M-2026-03',
      'Minutes archived with RCO M-2026-03',
      'Reminder sent UNDP',
    ]);
    expect(blocked).toEqual([]);
  });

  it('holds back the minutes of a meeting row with an unreadable cell, and an action row with one, naming the row and the column', () => {
    const { jobs, blocked } = due((grids) => {
      grids.Meetings[3]![3] = 'N/A';
      grids.Actions[1]![6] = 'last week';
    });
    expect(jobs).toEqual([]);
    expect(blocked).toEqual([
      {
        ref: 'M-2026-03',
        reason: "M-2026-03's minutes wait until row 4 of Meetings is corrected: its Mode cannot be read",
      },
      {
        ref: 'A-2026-001',
        reason: 'A-2026-001 is not reminded until row 2 of Actions is corrected: its Done on cannot be read',
      },
    ]);
  });

  it("does not remind a member that has left: its focal points are no longer the network's to write to", () => {
    const { jobs, blocked } = due((grids) => {
      const undp = grids.Members.findIndex((line) => line[0] === 'UNDP');
      grids.Members[undp]![grids.Members[0]!.indexOf('Status')] = 'Withdrawn';
    });
    expect(jobs.map((j) => `${j.event} ${j.ref}`)).not.toContain('Reminder sent UNDP');
    expect(blocked).toContainEqual({
      ref: 'UNDP',
      reason: 'UNDP is not an active member, and 1 open action point of its wait for a new owner',
    });
  });

  it('still sends when a column is missing from the tab: that is the tab to repair, not the row', () => {
    const { jobs } = due((grids) => {
      for (const line of grids.Meetings) line.pop();
    });
    expect(jobs.map((j) => j.ref)).toContain('M-2026-03');
  });
});
