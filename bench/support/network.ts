/**
 * The generated network the benchmarks share: 50 members, 10 years of quarterly meetings, 5,000
 * decisions, 50,000 actions and 2,000 workplan rows at full size (FULL), a tenth of the records (TENTH),
 * keeping most rules with a sprinkling of lapses so that every rule and report has work.
 */
import type { Cell, Column } from '../../src/domain/cells';
import { headerRow } from '../../src/domain/codec';
import { addDays, addMonths } from '../../src/domain/dates';
import type { Grids } from '../../src/domain/network';
import { SETTING_COLUMNS } from '../../src/domain/settings';
import { ActionsTable, DecisionsTable, FocalPointsTable, LogTable, MeetingsTable, MembersTable, WorkingGroupsTable, WorkplanTable, type TableDef } from '../../src/domain/tables';

export const TODAY = '2026-11-23';
const START = '2016-12-01';
export const SECRETARIAT = 'secretariat@iom.int';

export interface Size {
  members: number;
  meetings: number;
  decisions: number;
  actions: number;
  workplan: number;
}

export const FULL: Size = { members: 50, meetings: 40, decisions: 5_000, actions: 50_000, workplan: 2_000 };
export const TENTH: Size = { members: 50, meetings: 40, decisions: 500, actions: 5_000, workplan: 200 };

function grid(def: TableDef, rows: Record<string, unknown>[]): Cell[][] {
  const columns = Object.entries(def.columns as Record<string, Column>);
  return [headerRow(def), ...rows.map((r) => columns.map(([k, c]) => (r[k] === undefined ? '' : c.encode(r[k] as never))))];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A network that keeps most rules, with a sprinkling of lapses so that every rule has work. */
export function generate(size: Size): Grids {
  const agencies = ['IOM', 'UNRC', ...Array.from({ length: size.members - 2 }, (_, i) => `AG${pad2(i)}`)];
  const members = agencies.map((agency, i) => ({
    agency,
    name: `Agency ${agency}`,
    roles: agency === 'IOM' ? ['Chair', 'Coordinator', 'Secretariat'] : agency === 'UNRC' ? ['Co-chair'] : ['Member'],
    status: i % 17 === 16 ? 'Withdrawn' : 'Active',
    joinedOn: i < 30 ? START : addMonths(START, i * 2),
    admissionDecision: '',
    leftOn: i % 17 === 16 ? '2024-06-30' : null,
  }));
  const focalPoints = agencies.flatMap((agency, i) => [
    { agency, name: `Primary ${agency}`, email: `p.${agency.toLowerCase()}@${i % 9 === 8 ? 'gmail.com' : 'un.org'}`, kind: 'Primary', active: true },
    { agency, name: `Alternate ${agency}`, email: `a.${agency.toLowerCase()}@un.org`, kind: 'Alternate', active: true },
  ]);
  focalPoints[0]!.email = SECRETARIAT;
  const meetings = Array.from({ length: size.meetings }, (_, i) => {
    const date = addMonths('2017-01-15', i * 3 + (i % 11 === 10 ? 1 : 0));
    return {
      id: `M-${date.slice(0, 4)}-${pad2(i)}`,
      date,
      kind: i % 4 === 3 ? 'Annual' : 'Regular',
      mode: i % 13 === 12 ? null : 'Online',
      status: 'Held',
      chairedBy: ['IOM', 'UNRC'],
      agendaCirculatedOn: addDays(date, i % 7 === 6 ? -2 : -7),
      attendees: agencies.slice(0, 20),
      minutesLink: `https://docs.example/${i}`,
      minutesApprovedOn: addDays(date, 10),
      minutesCirculatedOn: i % 19 === 18 ? null : addDays(date, 12),
      sharedWithRcoOn: addDays(date, 13),
    };
  });
  const active = (day: string) => members.filter((m) => m.status === 'Active' && m.joinedOn <= day && (m.leftOn === null || m.leftOn > day)).map((m) => m.agency);
  const decisions = Array.from({ length: size.decisions }, (_, i) => {
    const meeting = meetings[i % meetings.length]!;
    const consulted = active(meeting.date);
    return {
      id: `D-${meeting.date.slice(0, 4)}-${String(i).padStart(5, '0')}`,
      date: meeting.date,
      meeting: meeting.id,
      kind: i % 50 === 0 ? 'Workplan endorsement' : 'General',
      title: `Decision ${i}`,
      subject: i % 50 === 0 ? meeting.date.slice(0, 4) : '',
      consulted: i % 97 === 0 ? consulted.slice(1) : consulted,
      objections: [],
      outcome: 'Adopted',
      stateRelevant: false,
    };
  });
  const actions = Array.from({ length: size.actions }, (_, i) => {
    const source = decisions[i % decisions.length]!;
    return {
      id: `A-${String(i).padStart(6, '0')}`,
      source: source.id,
      action: `Action ${i}`,
      owner: agencies[i % agencies.length],
      due: addMonths(source.date, 2),
      status: i % 23 === 0 ? 'Open' : 'Done',
    };
  });
  const workplan = Array.from({ length: size.workplan }, (_, i) => {
    const year = 2017 + (i % 10);
    return {
      id: `W-${year}-${String(i).padStart(5, '0')}`,
      year,
      keyAction: `Key action ${i}`,
      leadAgency: agencies[i % agencies.length],
      partnerAgencies: [agencies[(i + 1) % agencies.length]],
      start: `${year}-01-01`,
      end: `${year}-12-31`,
      budgetUsd: i % 31 === 30 ? null : 1000,
      gcmObjectives: [1 + (i % 23)],
      status: year < 2026 ? 'Completed' : 'On track',
    };
  });
  const groups = Array.from({ length: 5 }, (_, i) => ({
    id: `WG-${pad2(i)}`,
    name: `Group ${i}`,
    leadAgency: 'IOM',
    members: agencies.slice(0, 5),
    establishedBy: decisions[i]!.id,
  }));
  const log = [{ timestamp: '2026-07-01T10:00:00', actor: SECRETARIAT, event: 'Workplan report sent', outcome: 'Sent' }];
  const settings = { torProfile: 'uzbekistan', foundedOn: START, rcoArchiveEmail: 'rco@un.org' } as const;
  return {
    Settings: [
      ['Setting', 'Value'],
      ...Object.entries(settings).map(([k, v]) => [
        SETTING_COLUMNS[k as keyof typeof SETTING_COLUMNS].header,
        SETTING_COLUMNS[k as keyof typeof SETTING_COLUMNS].encode(v as never),
      ]),
    ],
    Members: grid(MembersTable, members),
    'Focal points': grid(FocalPointsTable, focalPoints),
    Meetings: grid(MeetingsTable, meetings),
    Decisions: grid(DecisionsTable, decisions),
    Actions: grid(ActionsTable, actions),
    Workplan: grid(WorkplanTable, workplan),
    'Working groups': grid(WorkingGroupsTable, groups),
    Log: grid(LogTable, log),
  };
}

export function best(fn: () => void, times = 3): number {
  let min = Infinity;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}
