/**
 * Set up / repair workbook: on an empty workbook, every tab of WORKBOOK.md with its headers, layout and
 * the ToR profile's Settings; on an existing one, whatever of that is missing, and nothing else. A
 * user's rows, values and own columns are never deleted, moved or rewritten: repair only writes into
 * cells that are blank (new tabs, new columns after the last used one, new Settings rows below the last
 * used one) and header cells that already name the same column in another case or spacing.
 *
 * Layouts (dropdowns, checkboxes, formats) are re-applied to the contract columns at every run,
 * wherever they stand: the port cannot read validation back, and re-applying the same layout changes
 * nothing. Widths are set only on the columns setup creates, so a column a secretariat widened stays
 * so. The report lists only changes to cells, tabs and protection.
 */
import type { Cell, Column } from '../domain/cells';
import { t } from '../domain/i18n';
import { mapHeader, normalizeHeader } from '../domain/codec';
import { decodeNetwork, type Grids, type Network } from '../domain/network';
import { PROFILES } from '../domain/profiles';
import { secretariatEmails } from '../domain/secretariat';
import {
  settingColumns,
  settingKeys,
  settingKeyOf,
  type ProfileId,
  type SettingKey,
  type Settings,
} from '../domain/settings';
import { ComplianceTable, SettingsTable, TABLES, type AnyTable } from '../domain/tables';
import type { Ports, ProtectionChange, ProtectionPort, WorkbookPort } from '../ports';
import { requireSecretariat } from './authorize';
import { writeCompliance } from './check';
import { tabLayout } from './layout';
import { writeRows } from './repository';

export interface SetupOptions {
  /** The ToR profile of a new workbook, and of a repaired one whose Settings name none. */
  readonly profile?: ProfileId;
  /** The network's name for a new workbook (the profile's name when blank). */
  readonly networkName?: string;
}

export interface SetupReport {
  /** What setup changed, one line each. */
  readonly changes: string[];
  /** What it left alone and why, and what it cannot do here. */
  readonly notes: string[];
  /** What to show the user: the changes ("Nothing to repair" when none), then the notes. */
  readonly lines: string[];
}

/** Completes "Only the Secretariat can …". */
export function setupWhat(): string {
  return t('app.setup.what');
}

/** The Compliance tab's summary line until the first check. */
export function noCheckYet(): string {
  return t('app.setup.no-check-yet', { group: t('menu.group.check'), command: t('menu.command.run-compliance-check') });
}

/** The description of a protected tab, as Sheets lists it under Protected sheets and ranges. */
export function protectionDescription(addonOnly: boolean): string {
  return addonOnly ? t('app.setup.protected-addon') : t('app.setup.protected-secretariat');
}

/** What setup needs to run for a user: protection where the runtime has any. */
export type SetupPorts = Pick<Ports, 'workbook' | 'clock' | 'user' | 'lock' | 'protection'>;

function isPorts(target: SetupPorts | WorkbookPort): target is SetupPorts {
  return 'workbook' in target && 'user' in target;
}

/**
 * With ports (Google Sheets, the playground): refuses anyone but the secretariat (bootstrap rule of
 * authorize.ts), works under the document lock and brings protection in line with the register.
 * Protection of the tabs already there comes first: a secretariat member whom the protection does
 * not list yet cannot write to them, so setup then stops with a note before writing anything.
 * With a bare workbook (`unmn init` on a new local file): nobody to authorize and nothing to protect.
 */
export function setupWorkbook(target: SetupPorts | WorkbookPort, options: SetupOptions = {}): SetupReport {
  if (!isPorts(target)) return finish(repair(target, readAll(target), options));
  const ports = target;
  return ports.lock.withDocumentLock(() => {
    const state = readAll(ports.workbook);
    const email = requireSecretariat(ports, state.network, setupWhat(), { bootstrap: true });
    const port = ports.protection;
    if (port === undefined) {
      const result = repair(ports.workbook, state, options);
      result.notes.push(t('app.setup.protection-sheets-only'));
      return finish(result);
    }
    const editors = secretariatEmails(state.network, {
      owner: ports.user.owner(),
      setupUser: email,
      today: ports.clock.today(),
    });
    const existing = TABLES.filter((def) => state.grids[def.name] !== null);
    const changes: string[] = [];
    const blocked = protect(port, existing, editors, changes);
    if (blocked.length > 0) {
      const notes = [t('app.setup.not-an-editor', { email, tabs: blocked.join(', ') })];
      return finish({ changes, notes, present: existing });
    }
    const result = repair(ports.workbook, state, options);
    protect(
      port,
      result.present.filter((def) => !existing.includes(def)),
      editors,
      changes,
    );
    return finish({ ...result, changes: [...result.changes, ...changes] });
  });
}

interface WorkbookState {
  readonly tabs: string[];
  readonly grids: Grids;
  readonly network: Network;
}

/**
 * Every contract tab, and the names of all tabs: a call per tab in Sheets, where naming them lets the
 * commands after setup find every tab in one call (see GasWorkbook's directory).
 */
function readAll(workbook: WorkbookPort): WorkbookState {
  const tabs = workbook.tabNames();
  const grids: Grids = {};
  // The check's output: setup only adds it when it is missing, so it needs to know no more than that.
  for (const def of TABLES)
    grids[def.name] = def !== ComplianceTable ? workbook.read(def.name) : workbook.hasTab(def.name) ? [] : null;
  return { tabs, grids, network: decodeNetwork(grids) };
}

interface RepairResult {
  readonly changes: string[];
  readonly notes: string[];
  /** The contract tabs that stand in the workbook after repair. */
  readonly present: AnyTable[];
}

function finish(result: RepairResult): SetupReport {
  const lines = [...(result.changes.length === 0 ? [t('app.setup.nothing')] : result.changes), ...result.notes];
  return { changes: result.changes, notes: result.notes, lines };
}

function repair(workbook: WorkbookPort, state: WorkbookState, options: SetupOptions): RepairResult {
  const changes: string[] = [];
  const notes: string[] = [];
  const present: AnyTable[] = [];
  const tabs = [...state.tabs];
  for (const def of TABLES) {
    const grid = state.grids[def.name] ?? null;
    if (grid === null) {
      const clash = tabs.find((t) => normalizeHeader(t) === normalizeHeader(def.name));
      if (clash !== undefined) {
        notes.push(t('app.setup.misnamed-tab', { actual: clash, tab: def.name }));
        continue;
      }
      const position = insertPosition(tabs, def);
      workbook.addTab(def.name, position);
      tabs.splice(position, 0, def.name);
      changes.push(t('app.setup.added-tab', { tab: def.name }));
    }
    if (def === ComplianceTable) {
      // The check's output, replaced whole at every run with its summary above the header: setup only adds it.
      if (grid === null) writeCompliance(workbook, [], noCheckYet());
      present.push(def);
      continue;
    }
    const positions = repairHeader(workbook, def, grid ?? [], grid !== null, changes, notes);
    if (positions === null) continue;
    if (def === SettingsTable) repairSettings(workbook, state, grid ?? [], positions, options, changes);
    workbook.format(def.name, tabLayout(def, positions, existingColumns(def, grid)));
    present.push(def);
  }
  return { changes, notes, present };
}

/** The contract columns a tab already had before setup: they keep the widths they have. */
function existingColumns(def: AnyTable, grid: readonly (readonly Cell[])[] | null): Set<string> {
  if (grid === null || isBlankRow(grid[0])) return new Set();
  return new Set(mapHeader(def, grid[0] ?? []).header.index.keys());
}

/** Just after the nearest contract tab before it, so that a user's own tabs keep their places. */
function insertPosition(tabs: readonly string[], def: AnyTable): number {
  const before = TABLES.slice(0, TABLES.indexOf(def)).map((t) => t.name as string);
  for (let i = tabs.length - 1; i >= 0; i--) if (before.includes(tabs[i] ?? '')) return i + 1;
  return 0;
}

function gridWidth(grid: readonly (readonly Cell[])[]): number {
  return grid.reduce((w, row) => Math.max(w, row.length), 0);
}

function isBlankRow(row: readonly Cell[] | undefined): boolean {
  return (row ?? []).every((c) => c === '' || (typeof c === 'string' && c.trim() === ''));
}

/** Writes one row's cells at 1-based `row`, given by 0-based column. */
function writeCells(workbook: WorkbookPort, tab: string, row: number, cells: ReadonlyMap<number, Cell>): void {
  const line: Cell[] = [];
  for (const [at, cell] of cells) line[at] = cell;
  writeRows(workbook, tab, new Map([[row, line]]), [...cells.keys()]);
}

/**
 * Writes the headers a tab lacks and fixes the case or spacing of those it has. Returns where each
 * contract column stands (field key → 0-based column), or null when the tab is left alone.
 */
function repairHeader(
  workbook: WorkbookPort,
  def: AnyTable,
  grid: readonly (readonly Cell[])[],
  existed: boolean,
  changes: string[],
  notes: string[],
): Map<string, number> | null {
  const columns = Object.entries(def.columns as Record<string, Column>);
  if (isBlankRow(grid[0])) {
    if (grid.slice(1).some((row) => !isBlankRow(row))) {
      notes.push(t('app.setup.blank-header', { tab: def.name }));
      return null;
    }
    workbook.write(def.name, 1, 1, [columns.map(([, c]) => c.header)]);
    if (existed) changes.push(t('app.setup.added-headers', { tab: def.name }));
    return new Map(columns.map(([key], i) => [key, i]));
  }
  const { header } = mapHeader(def, grid[0] ?? []);
  const positions = new Map(header.index);
  const cells = new Map<number, Cell>();
  for (const [key, at] of header.index) {
    const wanted = (def.columns as Record<string, Column>)[key]?.header ?? '';
    const actual = header.headers[at] ?? '';
    if (actual === wanted) continue;
    cells.set(at, wanted);
    changes.push(t('app.setup.renamed-header', { from: actual, to: wanted, tab: def.name }));
  }
  let next = gridWidth(grid);
  for (const [key, column] of columns) {
    if (positions.has(key)) continue;
    positions.set(key, next);
    cells.set(next, column.header);
    next++;
    changes.push(t('app.setup.added-column', { column: column.header, tab: def.name }));
  }
  writeCells(workbook, def.name, 1, cells);
  return positions;
}

/** Adds the settings the tab lacks, with the profile's defaults; never touches a row that is there. */
function repairSettings(
  workbook: WorkbookPort,
  state: WorkbookState,
  grid: readonly (readonly Cell[])[],
  positions: ReadonlyMap<string, number>,
  options: SetupOptions,
  changes: string[],
): void {
  const settingAt = positions.get('setting') ?? 0;
  const valueAt = positions.get('value') ?? 1;
  const present = new Set<SettingKey>();
  for (const row of grid.slice(1)) {
    const name = row[settingAt];
    const key = typeof name === 'string' ? settingKeyOf(name) : undefined;
    if (key !== undefined) present.add(key);
  }
  const missing = settingKeys().filter((k) => !present.has(k));
  if (missing.length === 0) return;
  const profileId = present.has('torProfile') ? state.network.profile.id : (options.profile ?? 'custom');
  const profile = PROFILES[profileId];
  const name = options.networkName?.trim() ?? '';
  const values: Settings = { ...profile.defaults, networkName: name === '' ? profile.defaults.networkName : name };
  const fresh = present.size === 0;
  const firstRow = Math.max(grid.length, 1) + 1;
  // The missing settings go below the last row, as one block.
  const rows = new Map<number, Cell[]>();
  missing.forEach((key, i) => {
    const column = settingColumns()[key] as Column;
    const value = column.encode(values[key] as never);
    const line: Cell[] = [];
    line[settingAt] = column.header;
    line[valueAt] = value;
    rows.set(firstRow + i, line);
    if (!fresh) changes.push(t('app.setup.added-setting', { setting: column.header, value: describeDefault(value) }));
  });
  writeRows(workbook, SettingsTable.name, rows, [settingAt, valueAt]);
  if (fresh) changes.push(t('app.setup.filled-settings', { profile: profile.torName, id: profile.id }));
}

function describeDefault(cell: Cell): string {
  if (cell === '') return t('app.setup.default-blank');
  if (typeof cell === 'boolean') return cell ? t('app.setup.default-yes') : t('app.setup.default-no');
  return t('app.setup.default-value', { value: String(cell) });
}

/** Brings the tabs' protection in line and reports it; returns the tabs the user may not change. */
function protect(
  port: ProtectionPort,
  tabs: readonly AnyTable[],
  editors: readonly string[],
  changes: string[],
): string[] {
  const created: string[] = [];
  const added = new Map<string, string[]>();
  const removed = new Map<string, string[]>();
  const tightened: string[] = [];
  const blocked: string[] = [];
  for (const def of tabs) {
    const change: ProtectionChange = port.protectTab(def.name, editors, protectionDescription(def.addonOnly));
    if (change.blocked) blocked.push(def.name);
    if (change.created) created.push(def.name);
    for (const email of change.added) added.set(email, [...(added.get(email) ?? []), def.name]);
    for (const email of change.removed) removed.set(email, [...(removed.get(email) ?? []), def.name]);
    if (!change.created && (change.domainEditOff || change.enforced)) tightened.push(def.name);
  }
  const where = (names: readonly string[]) =>
    names.length === TABLES.length ? t('app.setup.every-protected-tab') : names.join(', ');
  if (created.length > 0) changes.push(t('app.setup.protected', { tabs: created.join(', '), n: created.length }));
  for (const [email, names] of added) changes.push(t('app.setup.can-edit', { email, tabs: where(names) }));
  for (const [email, names] of removed) changes.push(t('app.setup.cannot-edit', { email, tabs: where(names) }));
  if (tightened.length > 0) changes.push(t('app.setup.tightened', { tabs: tightened.join(', ') }));
  return blocked;
}
