/**
 * The whole network as the rules and reports see it: every tab decoded once, the effective settings,
 * and every problem found on the way.
 */
import type { Cell } from './cells';
import { decodeTable, type DecodedTable, type Problem } from './codec';
import { effectiveSettings, type EffectiveSettings } from './profiles';
import { followSettings, languageOfSetting } from './i18n';
import {
  ActionsTable,
  AnswersTable,
  ConsultationsTable,
  DecisionsTable,
  FocalPointsTable,
  LogTable,
  MeetingsTable,
  MembersTable,
  SettingsTable,
  WorkingGroupsTable,
  WorkplanTable,
  type AnyTable,
  type RecordOf,
  type TabName,
} from './tables';

/** Raw grids by tab name, header row first; a missing tab is null or absent. */
export type Grids = Partial<Record<TabName, readonly (readonly Cell[])[] | null>>;

/** The tabs a network's records live in, by the name the Network gives each (Settings and Compliance aside). */
const RECORD_TABLES = {
  members: MembersTable,
  focalPoints: FocalPointsTable,
  meetings: MeetingsTable,
  decisions: DecisionsTable,
  actions: ActionsTable,
  workplan: WorkplanTable,
  groups: WorkingGroupsTable,
  consultations: ConsultationsTable,
  answers: AnswersTable,
  log: LogTable,
} as const;

type RecordTables = typeof RECORD_TABLES;

/** The tabs a network is read from: Settings and every tab of records (Compliance is output only). */
export const NETWORK_TABLES: readonly AnyTable[] = [SettingsTable, ...Object.values(RECORD_TABLES)];

export type Network = EffectiveSettings & {
  readonly [K in keyof RecordTables]: DecodedTable<RecordOf<RecordTables[K]>>;
} & {
  /** Every cell and tab that breaks WORKBOOK.md, Settings included. */
  readonly allProblems: Problem[];
};

export function decodeNetwork(grids: Grids): Network {
  return decodeTabs((tab) => grids[tab] ?? null);
}

/** A tab's grid, header row first; null when the tab is missing. */
export type TabReader = (tab: TabName) => readonly (readonly Cell[])[] | null;

/**
 * The network from each tab of NETWORK_TABLES read in turn, once, and decoded before the next is read:
 * a reader that lets go of each grid it hands over never holds a large workbook's grids and their
 * records at once.
 */
export function decodeTabs(read: TabReader): Network {
  const settings = effectiveSettings(read(SettingsTable.name));
  // Whatever is written from here on (findings, emails, reports) is in the network's language.
  followSettings(languageOfSetting(settings.settings.language));
  const tables = Object.fromEntries(
    Object.entries(RECORD_TABLES).map(([key, def]) => [key, decodeTable(def, read(def.name))]),
  ) as {
    [K in keyof RecordTables]: DecodedTable<RecordOf<RecordTables[K]>>;
  };
  const allProblems = [...settings.problems, ...Object.values(tables).flatMap((t) => t.problems)];
  return { ...settings, ...tables, allProblems };
}
