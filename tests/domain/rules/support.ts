/**
 * Small networks built in code for the rule tests: records written as partial objects, turned into the
 * grids a spreadsheet read returns by the codec's own column encoders, then decoded like a real workbook.
 */
import type { Cell, Column } from '../../../src/domain/cells';
import { headerRow } from '../../../src/domain/codec';
import { decodeNetwork, type Network } from '../../../src/domain/network';
import { checkNetwork, type Finding } from '../../../src/domain/rules';
import { settingColumns, type SettingKey, type Settings } from '../../../src/domain/settings';
import {
  ActionsTable,
  AnswersTable,
  ConsultationsTable,
  DecisionsTable,
  FocalPointsTable,
  LogTable,
  MeetingsTable,
  MembersTable,
  WorkingGroupsTable,
  WorkplanTable,
  type Action,
  type Answer,
  type Consultation,
  type Decision,
  type FocalPoint,
  type LogEntry,
  type Meeting,
  type Member,
  type TableDef,
  type WorkingGroup,
  type WorkplanRow,
} from '../../../src/domain/tables';

export const TODAY = '2026-06-15';

export interface Spec {
  /** A Settings row per key; null writes the row with a blank Value. */
  settings: Partial<{ [K in SettingKey]: Settings[K] | null }>;
  members: Partial<Member>[];
  focalPoints: Partial<FocalPoint>[];
  meetings: Partial<Meeting>[];
  decisions: Partial<Decision>[];
  actions: Partial<Action>[];
  workplan: Partial<WorkplanRow>[];
  groups: Partial<WorkingGroup>[];
  consultations?: Partial<Consultation>[];
  answers?: Partial<Answer>[];
  log: Partial<LogEntry>[];
}

export function gridOf(def: TableDef, records: readonly Record<string, unknown>[]): Cell[][] {
  const columns = Object.entries(def.columns as Record<string, Column>);
  return [
    headerRow(def),
    ...records.map((r) => columns.map(([key, c]) => (r[key] === undefined ? '' : c.encode(r[key] as never)))),
  ];
}

export function settingsGrid(settings: Spec['settings']): Cell[][] {
  return [
    ['Setting', 'Value'],
    ...Object.entries(settings).map(([key, value]) => {
      const column = settingColumns()[key as SettingKey] as Column;
      return [column.header, value === null ? '' : column.encode(value as never)];
    }),
  ];
}

export function gridsOf(spec: Spec) {
  return {
    Settings: settingsGrid(spec.settings),
    Members: gridOf(MembersTable, spec.members),
    'Focal points': gridOf(FocalPointsTable, spec.focalPoints),
    Meetings: gridOf(MeetingsTable, spec.meetings),
    Decisions: gridOf(DecisionsTable, spec.decisions),
    Actions: gridOf(ActionsTable, spec.actions),
    Workplan: gridOf(WorkplanTable, spec.workplan),
    'Working groups': gridOf(WorkingGroupsTable, spec.groups),
    Consultations: gridOf(ConsultationsTable, spec.consultations ?? []),
    Answers: gridOf(AnswersTable, spec.answers ?? []),
    Log: gridOf(LogTable, spec.log),
  };
}

export function networkOf(spec: Spec): Network {
  return decodeNetwork(gridsOf(spec));
}

/** The findings of the rules whose id starts with `prefix` (all when omitted). */
export function check(spec: Spec, today = TODAY, prefix = ''): Finding[] {
  return checkNetwork(networkOf(spec), today).filter((f) => f.rule.startsWith(prefix));
}

/** rule:ref pairs, the shortest way to compare findings. */
export function refs(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule}:${f.ref ?? '-'}`);
}

const ALL = 'IOM, UNRC, UNDP';

/** A small Uzbekistan network that keeps every rule on 2026-06-15. */
export function uzbekistan(): Spec {
  return {
    settings: { torProfile: 'uzbekistan', foundedOn: '2025-12-01', rcoArchiveEmail: 'rco.archive@un.org' },
    members: [
      {
        agency: 'IOM',
        name: 'International Organization for Migration',
        roles: ['Chair', 'Coordinator', 'Secretariat'],
        status: 'Active',
        joinedOn: '2025-12-01',
      },
      {
        agency: 'UNRC',
        name: 'UN Resident Coordinator',
        roles: ['Co-chair'],
        status: 'Active',
        joinedOn: '2025-12-01',
      },
      { agency: 'UNDP', name: 'UN Development Programme', roles: ['Member'], status: 'Active', joinedOn: '2025-12-01' },
    ],
    focalPoints: [
      { agency: 'IOM', name: 'Aziza Karimova', email: 'akarimova@iom.int', kind: 'Primary', active: true },
      { agency: 'UNRC', name: 'Jon Berg', email: 'jon.berg@un.org', kind: 'Primary', active: true },
      { agency: 'UNDP', name: 'Dilnoza Yusupova', email: 'dilnoza.yusupova@undp.org', kind: 'Primary', active: true },
    ],
    meetings: [
      {
        id: 'M-2026-01',
        date: '2026-01-10',
        kind: 'Regular',
        mode: 'Online',
        status: 'Held',
        chairedBy: ['IOM'],
        agendaCirculatedOn: '2026-01-02',
        attendees: ['IOM', 'UNRC', 'UNDP'],
        minutesLink: 'https://docs.example/m1',
        minutesApprovedOn: '2026-01-20',
        minutesCirculatedOn: '2026-01-22',
        sharedWithRcoOn: '2026-01-22',
      },
      {
        id: 'M-2026-02',
        date: '2026-04-05',
        kind: 'Regular',
        mode: 'Hybrid',
        status: 'Held',
        chairedBy: ['IOM', 'UNRC'],
        agendaCirculatedOn: '2026-03-31',
        attendees: ['IOM', 'UNRC', 'UNDP'],
        minutesLink: 'https://docs.example/m2',
        minutesApprovedOn: '2026-04-15',
        minutesCirculatedOn: '2026-04-16',
        sharedWithRcoOn: '2026-04-16',
      },
    ],
    decisions: [
      {
        id: 'D-2026-01',
        date: '2026-01-10',
        meeting: 'M-2026-01',
        kind: 'General',
        title: 'Joint advocacy',
        consulted: ALL.split(', '),
        outcome: 'Adopted',
      },
      {
        id: 'D-2026-02',
        date: '2026-01-10',
        meeting: 'M-2026-01',
        kind: 'Workplan endorsement',
        subject: '2026',
        consulted: ALL.split(', '),
        outcome: 'Adopted',
      },
    ],
    actions: [
      {
        id: 'A-2026-001',
        source: 'D-2026-01',
        action: 'Draft the joint statement',
        owner: 'UNDP',
        due: '2026-07-01',
        status: 'Open',
      },
    ],
    workplan: [
      {
        id: 'W-2026-01',
        year: 2026,
        keyAction: 'Labour migration study',
        leadAgency: 'IOM',
        partnerAgencies: ['UNDP'],
        start: '2026-01-01',
        end: '2026-12-31',
        budgetUsd: 10000,
        gcmObjectives: [1, 6],
        status: 'On track',
      },
    ],
    groups: [
      {
        id: 'WG-01',
        name: 'Data',
        kind: 'Permanent',
        leadAgency: 'IOM',
        members: ['IOM', 'UNDP'],
        establishedBy: 'D-2026-01',
      },
    ],
    log: [
      { timestamp: '2026-05-02T10:00:00', actor: 'akarimova@iom.int', event: 'Workplan report sent', outcome: 'Sent' },
    ],
  };
}

/** The same network under the Azerbaijan ToR, keeping every rule on 2026-06-15. */
export function azerbaijan(): Spec {
  const spec = uzbekistan();
  spec.settings = { torProfile: 'azerbaijan', foundedOn: '2026-01-01' };
  spec.members = spec.members.map((m) =>
    m.agency === 'IOM' ? { ...m, roles: ['Co-chair', 'Coordinator', 'Secretariat'] } : m,
  );
  spec.meetings.push({ id: 'M-2026-03', date: '2026-11-20', kind: 'Annual', status: 'Planned' });
  spec.log.push({
    timestamp: '2026-03-01T09:00:00',
    actor: 'akarimova@iom.int',
    event: 'Member list shared',
    outcome: 'Sent',
  });
  return spec;
}
