/**
 * The sidebar's saves over the Apps Script fake while a person edits: the lock keeps other executions
 * out, not a person inserting or sorting rows between two of the save's calls. Every cell the save
 * changes lands on the row of its ID, or is left alone and said so; no other row changes.
 */
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/app/commands';
import { saveMeetingRpc } from '../../src/app/meetings';
import { readNetwork } from '../../src/app/network';
import { decodeTable } from '../../src/domain/codec';
import { savedMeeting } from '../../src/domain/edits';
import type { MeetingInput } from '../../src/domain/rpc';
import { MeetingsTable } from '../../src/domain/tables';
import { gasPorts } from '../../src/gas/ports';
import { createGasFake, type GasFake } from '../fakes/gas';
import { onFixedDay } from '../support/gas-day';
import { gridsOf } from '../domain/rules/support';
import { busyNetwork, SECRETARIAT } from '../sim/network';
import { meetingInput } from '../sim/people';

const installed = onFixedDay(new Date(2026, 5, 15, 10, 0, 0));
const CIRCULATE = commands().circulateMinutesNow.label;

function install(): GasFake {
  return installed(createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, sheets: gridsOf(busyNetwork()) }));
}

/** M-2026-02 retitled and moved to Online, as the meetings panel sends it. */
function retitled(): MeetingInput {
  return {
    ...meetingInput(savedMeeting(readNetwork(gasPorts().workbook).network, 'M-2026-02')!),
    mode: 'Online',
    title: 'Q2 meeting (moved online)',
  };
}

function titles(fake: GasFake): Map<string, string> {
  return new Map(
    decodeTable(MeetingsTable, fake.sheetValues('Meetings')).records.map((m) => [m.id, `${m.title}|${m.mode}`]),
  );
}

describe('a meeting saved from the sidebar while a person edits Meetings', () => {
  const edits: [string, (fake: GasFake) => void][] = [
    ['inserts a row at the top', (fake) => fake.person.insertRows('Meetings', 2)],
    ['sorts the tab by ID, newest first', (fake) => fake.person.sortRows('Meetings', 1, true)],
  ];
  for (const [what, edit] of edits) {
    it(`${what} before any one of its calls: the change lands on M-2026-02 and nowhere else`, () => {
      const quiet = install();
      const total = quiet.calls.during(() => saveMeetingRpc(gasPorts(), retitled(), CIRCULATE)).total;
      for (let k = 1; k <= total; k++) {
        const fake = install();
        const input = retitled();
        const before = titles(fake);
        let n = 0;
        fake.person.between(() => {
          if (++n === k) edit(fake);
        });
        const result = saveMeetingRpc(gasPorts(), input, CIRCULATE);
        fake.person.between(null);
        expect(result, `edit before call ${k} of ${total}`).toMatchObject({ ok: true, id: 'M-2026-02' });
        const want = new Map(before).set('M-2026-02', 'Q2 meeting (moved online)|Online');
        expect(titles(fake), `edit before call ${k} of ${total}`).toEqual(want);
      }
    });
  }
});
