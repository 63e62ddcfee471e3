/**
 * The network the delivery tests run on: the small Uzbekistan network of the rule tests with one more
 * meeting whose minutes were approved yesterday, its decision and action points, and an RCO archive
 * address. Helpers read back what the simulated spreadsheet holds.
 */
import { decodeTable } from '../../src/domain/codec';
import { ActionsTable, LogTable, MeetingsTable, type LogEntry } from '../../src/domain/tables';
import { gridsOf, uzbekistan, type Spec } from '../domain/rules/support';
import { World } from './world';

export const TODAY = '2026-06-15';
export const SECRETARIAT = 'akarimova@iom.int';
export const RCO = 'rco-archive@un.org';
export const MAILING_LIST = 'migration.uz@one.un.org';

export function emailNetwork(): Spec {
  const spec = uzbekistan();
  spec.settings = {
    ...spec.settings,
    networkName: 'UN Network on Migration in Uzbekistan',
    rcoArchiveEmail: RCO,
    mailingList: MAILING_LIST,
  };
  spec.meetings = spec.meetings.map((m) => ({ ...m, sharedWithRcoOn: m.minutesCirculatedOn }));
  spec.meetings.push({
    id: 'M-2026-03',
    date: '2026-06-01',
    kind: 'Regular',
    mode: 'Hybrid',
    title: 'Q2 2026 meeting: the regional review',
    status: 'Held',
    chairedBy: ['IOM', 'UNRC'],
    agendaCirculatedOn: '2026-05-25',
    attendees: ['IOM', 'UNRC', 'UNDP'],
    minutesLink: 'https://docs.example/m3',
    minutesApprovedOn: '2026-06-14',
  });
  spec.decisions.push({
    id: 'D-2026-03',
    date: '2026-06-01',
    meeting: 'M-2026-03',
    kind: 'General',
    title: 'A joint position for the regional review',
    decision: 'The members agree a joint position, drafted by UNDP.',
    consulted: ['IOM', 'UNRC', 'UNDP'],
    outcome: 'Adopted',
  });
  spec.actions.push({
    id: 'A-2026-002',
    source: 'D-2026-03',
    action: 'Draft the joint position',
    owner: 'UNDP',
    due: '2026-07-15',
    status: 'Open',
  });
  return spec;
}

/** The delivery network with an action of UNRC and one of UNDP due within days: minutes, archive copy and two reminders are due. */
export function busyNetwork(): Spec {
  const spec = emailNetwork();
  spec.actions.push(
    {
      id: 'A-2026-003',
      source: 'D-2026-03',
      action: 'Book the venue',
      owner: 'UNRC',
      due: '2026-06-17',
      status: 'Open',
    },
    {
      id: 'A-2026-004',
      source: 'D-2026-03',
      action: 'Share the draft',
      owner: 'UNDP',
      due: '2026-06-18',
      status: 'Open',
    },
  );
  return spec;
}

/** A world over the spec; the Secretariat runs it unless said otherwise. */
export function worldOf(spec: Spec, today = TODAY): World {
  return new World(gridsOf(spec), today, SECRETARIAT);
}

export function logOf(world: World): LogEntry[] {
  return decodeTable(LogTable, world.tab(LogTable.name)).records;
}

/** The Log rows of the add-on's mail (the spec's own rows left out), as "event ref outcome recipients". */
export function mailLog(world: World, since = 1): string[] {
  return logOf(world)
    .slice(since)
    .map((e) => `${e.event} ${e.ref} ${e.outcome ?? '-'} ${e.recipients.join(',')}`);
}

export function meetingOf(world: World, id: string) {
  return decodeTable(MeetingsTable, world.tab(MeetingsTable.name)).records.find((m) => m.id === id);
}

export function actionOf(world: World, id: string) {
  return decodeTable(ActionsTable, world.tab(ActionsTable.name)).records.find((a) => a.id === id);
}

/** `n` active focal points of UNDP (besides the network's own), with no mailing list. */
export function withFocalPoints(spec: Spec, n: number): Spec {
  spec.settings = { ...spec.settings, mailingList: null };
  for (let i = 0; i < n; i++)
    spec.focalPoints.push({
      agency: 'UNDP',
      name: `Person ${i}`,
      email: `person${i}@undp.org`,
      kind: 'Alternate',
      active: true,
    });
  return spec;
}
