/**
 * The whole network as the rules and reports see it: every tab decoded once, the effective settings,
 * and every problem found on the way.
 */
import type { Cell } from './cells';
import { decodeTable, type DecodedTable, type Problem } from './codec';
import { effectiveSettings, type EffectiveSettings } from './profiles';
import {
  ActionsTable,
  DecisionsTable,
  FocalPointsTable,
  LogTable,
  MeetingsTable,
  MembersTable,
  SettingsTable,
  WorkingGroupsTable,
  WorkplanTable,
  type Action,
  type Decision,
  type FocalPoint,
  type LogEntry,
  type Meeting,
  type Member,
  type TabName,
  type WorkingGroup,
  type WorkplanRow,
} from './tables';

/** Raw grids by tab name, header row first; a missing tab is null or absent. */
export type Grids = Partial<Record<TabName, readonly (readonly Cell[])[] | null>>;

/** The tabs a network's records live in (Compliance is output only). */
export const DATA_TABLES = [
  MembersTable,
  FocalPointsTable,
  MeetingsTable,
  DecisionsTable,
  ActionsTable,
  WorkplanTable,
  WorkingGroupsTable,
  LogTable,
] as const;

export interface Network extends EffectiveSettings {
  readonly members: DecodedTable<Member>;
  readonly focalPoints: DecodedTable<FocalPoint>;
  readonly meetings: DecodedTable<Meeting>;
  readonly decisions: DecodedTable<Decision>;
  readonly actions: DecodedTable<Action>;
  readonly workplan: DecodedTable<WorkplanRow>;
  readonly groups: DecodedTable<WorkingGroup>;
  readonly log: DecodedTable<LogEntry>;
  /** Every cell and tab that breaks WORKBOOK.md, Settings included. */
  readonly allProblems: Problem[];
}

export function decodeNetwork(grids: Grids): Network {
  const grid = (name: TabName) => grids[name] ?? null;
  const settings = effectiveSettings(grid(SettingsTable.name));
  const members = decodeTable(MembersTable, grid(MembersTable.name));
  const focalPoints = decodeTable(FocalPointsTable, grid(FocalPointsTable.name));
  const meetings = decodeTable(MeetingsTable, grid(MeetingsTable.name));
  const decisions = decodeTable(DecisionsTable, grid(DecisionsTable.name));
  const actions = decodeTable(ActionsTable, grid(ActionsTable.name));
  const workplan = decodeTable(WorkplanTable, grid(WorkplanTable.name));
  const groups = decodeTable(WorkingGroupsTable, grid(WorkingGroupsTable.name));
  const log = decodeTable(LogTable, grid(LogTable.name));
  const allProblems = [
    ...settings.problems,
    ...[members, focalPoints, meetings, decisions, actions, workplan, groups, log].flatMap((t) => t.problems),
  ];
  return { ...settings, members, focalPoints, meetings, decisions, actions, workplan, groups, log, allProblems };
}
