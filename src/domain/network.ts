/**
 * The whole network as the rules and reports see it: every tab decoded once, the effective settings,
 * and every problem found on the way.
 */
import type { Cell } from './cells';
import { decodeTable, TableDecoder, type DecodedTable, type Problem, type RowsInto } from './codec';
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

/** A tab's values, header row first. */
type Grid = readonly (readonly Cell[])[];

/** Raw grids by tab name, header row first; a missing tab is null or absent. */
export type Grids = Partial<Record<TabName, Grid | null>>;

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
  return assemble(grids[SettingsTable.name] ?? null, (_, def) => decodeTable(def, grids[def.name] ?? null));
}

/** How a network's tabs are read, each once; a reader of a file gives each when it has read it. */
export interface TabReader {
  /** A tab's grid, header row first; null when the tab is missing. */
  grid(tab: TabName): Grid | null | Promise<Grid | null>;
  /**
   * A tab's rows given to what `into` makes as they are read, so that its grid is never held; null when
   * the tab is missing. A reader that must give them anew (it found them out of order) starts again with
   * another `into()`.
   */
  rows?<R>(tab: TabName, into: () => RowsInto<R>): Promise<R | null>;
}

/**
 * The network from each tab of NETWORK_TABLES read in turn, once, and decoded before the next is read:
 * a reader that gives each tab's rows as it reads them, or lets go of each grid it hands over, never
 * holds a large workbook's grids and their records at once.
 */
export async function decodeTabs(read: TabReader): Promise<Network> {
  const settings = settingsFollowed(await read.grid(SettingsTable.name));
  const tables: Partial<Record<keyof RecordTables, DecodedTable<unknown>>> = {};
  for (const [key, def] of Object.entries(RECORD_TABLES) as [keyof RecordTables, AnyTable][])
    tables[key] = read.rows
      ? ((await read.rows(def.name, () => new TableDecoder(def))) ?? decodeTable(def, null))
      : decodeTable(def, await read.grid(def.name));
  return networkOf(settings, tables as Tables);
}

/** A network decoded from some grids, and those grids. */
export interface Decoded {
  readonly network: Network;
  readonly grids: Grids;
}

/**
 * The network of `grids`, each tab's table taken as it is from an earlier network decoded from the very
 * same grid (the same array) and the same Settings grid (the same language) rather than decoded again:
 * the tick decodes a few tabs to see whether anything is due, then the rest, then needs them as one.
 */
export function decodeNetworkReusing(grids: Grids, earlier: readonly Decoded[]): Network {
  const settings = grids[SettingsTable.name];
  const alike = earlier.filter((e) => e.grids[SettingsTable.name] === settings);
  return assemble(settings ?? null, (key, def) => {
    const grid = grids[def.name] ?? null;
    const same = grid === null ? undefined : alike.find((e) => e.grids[def.name] === grid);
    return same === undefined ? decodeTable(def, grid) : same.network[key];
  });
}

type Tables = { [K in keyof RecordTables]: DecodedTable<RecordOf<RecordTables[K]>> };

/** The network of a Settings grid and each tab's table, made in the order of RECORD_TABLES. */
function assemble(
  settingsGrid: Grid | null,
  table: (key: keyof RecordTables, def: AnyTable) => DecodedTable<unknown>,
): Network {
  const settings = settingsFollowed(settingsGrid);
  const tables = Object.fromEntries(
    Object.entries(RECORD_TABLES).map(([key, def]) => [key, table(key as keyof RecordTables, def)]),
  ) as Tables;
  return networkOf(settings, tables);
}

/** The settings of a Settings grid, whose language whatever is written from here on (findings, emails, reports) is in. */
function settingsFollowed(settingsGrid: Grid | null): EffectiveSettings {
  const settings = effectiveSettings(settingsGrid);
  followSettings(languageOfSetting(settings.settings.language));
  return settings;
}

function networkOf(settings: EffectiveSettings, tables: Tables): Network {
  const allProblems = [...settings.problems, ...Object.values(tables).flatMap((t) => t.problems)];
  return { ...settings, ...tables, allProblems };
}
