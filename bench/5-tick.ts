/**
 * The hourly tick over the Apps Script fake, on the example workbook at its own size and with 10×
 * and 100× its rows: the SpreadsheetApp calls of a tick with nothing to do, and of one with 10
 * meetings to circulate (20 messages: the members' copy and the RCO's). They must not grow with the
 * rows: one read per tab, and a fixed number of writes and flushes per message.
 */
import { hourlyTick } from '../src/app/tick';
import type { Cell } from '../src/domain/cells';
import { settingsRows } from '../src/domain/settings';
import { ActionsTable, DecisionsTable, FocalPointsTable, LogTable, MeetingsTable, MembersTable, WorkingGroupsTable, WorkplanTable, type Meeting } from '../src/domain/tables';
import { gasPorts } from '../src/gas/ports';
import type { Clock } from '../src/ports';
import { EXAMPLE } from '../examples/uzbekistan';
import { createGasFake } from '../tests/fakes/gas';
import { gridOf } from '../tests/domain/rules/support';

const TODAY = '2026-11-23';
const SECRETARIAT = 'dkarimova@iom.int';
const clock: Clock = { today: () => TODAY, now: () => `${TODAY}T10:17:00` };

/** Copy k of the records (k = 0 is the example itself), IDs and references made its own. */
const tag = (id: string, k: number) => (k === 0 || id === '' ? id : `${id}-x${k}`);

/** The example with every data tab `times` as long; its first `pending` held meetings have minutes approved and not yet out. */
function workbook(times: number, pending: number): Record<string, Cell[][]> {
  const copies = Array.from({ length: times }, (_, k) => k);
  let waiting = pending;
  const held: string[] = [];
  const meetings = copies.flatMap((k) =>
    EXAMPLE.meetings.map((m): Meeting => {
      const approved = m.minutesApprovedOn ?? m.date;
      const out = m.status === 'Held' && waiting-- > 0 ? null : approved;
      if (out === null) held.push(m.id);
      return {
        ...m,
        id: tag(m.id, k),
        minutesApprovedOn: m.status === 'Held' ? approved : null,
        minutesLink: m.minutesLink || 'https://docs.example/m',
        minutesCirculatedOn: m.status === 'Held' ? out : null,
        sharedWithRcoOn: m.status === 'Held' ? out : null,
      };
    }),
  );
  return {
    Settings: [['Setting', 'Value'], ...settingsRows(EXAMPLE.settings)],
    Members: gridOf(MembersTable, EXAMPLE.members),
    'Focal points': gridOf(FocalPointsTable, EXAMPLE.focalPoints),
    Meetings: gridOf(MeetingsTable, meetings),
    Decisions: gridOf(
      DecisionsTable,
      copies.flatMap((k) => EXAMPLE.decisions.map((d) => ({ ...d, id: tag(d.id, k), meeting: tag(d.meeting, k) }))),
    ),
    // Every action reminded today: the reminders are not what this measures.
    Actions: gridOf(
      ActionsTable,
      copies.flatMap((k) => EXAMPLE.actions.map((a) => ({ ...a, id: tag(a.id, k), source: tag(a.source, k), lastRemindedOn: TODAY }))),
    ),
    Workplan: gridOf(
      WorkplanTable,
      copies.flatMap((k) => EXAMPLE.workplan.map((w) => ({ ...w, id: tag(w.id, k) }))),
    ),
    'Working groups': gridOf(WorkingGroupsTable, EXAMPLE.groups),
    // The Log holds no row about the meetings held back, or they would count as sent already.
    Log: gridOf(
      LogTable,
      copies.flatMap((k) => EXAMPLE.log.filter((e) => !held.includes(tag(e.ref, k))).map((e) => ({ ...e, ref: tag(e.ref, k) }))),
    ),
  };
}

interface Run {
  rows: number;
  sent: number;
  reads: number;
  writes: number;
  flushes: number;
  spreadsheet: number;
}

function tick(times: number, pending: number): Run {
  const sheets = workbook(times, pending);
  const fake = createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, sheets });
  // A tab in Sheets has empty rows below its data (1,000 in a new one): appending does not grow it.
  for (const name of Object.keys(sheets)) fake.sheet(name).maxRows += 1000;
  const restore = fake.install();
  try {
    const run = fake.calls.during(() => hourlyTick({ ...gasPorts(), clock }));
    const rows = Object.values(sheets).reduce((n, g) => n + g.length - 1, 0);
    const m = run.byMethod;
    return {
      rows,
      sent: m['MailApp.sendEmail'] ?? 0,
      reads: m['Range.getValues'] ?? 0,
      writes: m['Range.setValues'] ?? 0,
      flushes: m['SpreadsheetApp.flush'] ?? 0,
      spreadsheet: run.spreadsheet,
    };
  } finally {
    restore();
  }
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log('hourlyTick over the Apps Script fake (SpreadsheetApp calls)');
console.log(`${'case'.padEnd(30)}${pad('rows', 8)}${pad('sent', 6)}${pad('reads', 7)}${pad('writes', 8)}${pad('flushes', 9)}${pad('all calls', 11)}`);
let flat = true;
for (const [label, pending] of [
  ['nothing to do', 0],
  ['10 meetings to circulate', 10],
] as const) {
  const runs = [1, 10, 100].map((times) => ({ times, run: tick(times, pending) }));
  for (const { times, run } of runs) {
    console.log(
      `${`${label}, ${times}×`.padEnd(30)}${pad(run.rows, 8)}${pad(run.sent, 6)}${pad(run.reads, 7)}${pad(run.writes, 8)}${pad(run.flushes, 9)}${pad(run.spreadsheet, 11)}`,
    );
  }
  flat &&= runs.every(({ run }) => run.spreadsheet === runs[0]!.run.spreadsheet && run.sent === runs[0]!.run.sent);
}
console.log(`flat: ${flat ? 'yes' : 'NO'} (a read per tab; per message a Sending row and a flush, then a Sent row, the dated cell once a delivery is complete, and a flush).`);
