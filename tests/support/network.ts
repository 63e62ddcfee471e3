/**
 * The workbooks of the setup and authorization tests: a set-up network, and helpers to compare a
 * workbook before and after.
 */
import { headerRow } from '../../src/domain/codec';
import type { Cell } from '../../src/domain/cells';
import { settingsRows } from '../../src/domain/settings';
import { PROFILES } from '../../src/domain/profiles';
import { FocalPointsTable, MembersTable, SettingsTable, TABLES } from '../../src/domain/tables';
import { MemoryWorkbook } from './memory-workbook';

export { memoryPorts, OWNER, type TestPorts } from './ports';

/** A set-up workbook with IOM (Coordinator, Secretariat) and UNRC (Co-chair) and one ordinary member, UNDP. */
export function networkWorkbook(): MemoryWorkbook {
  const tabs: Record<string, Cell[][]> = {};
  for (const def of TABLES) tabs[def.name] = [headerRow(def)];
  tabs[SettingsTable.name] = [headerRow(SettingsTable), ...settingsRows(PROFILES.uzbekistan.defaults)];
  tabs[MembersTable.name] = [
    headerRow(MembersTable),
    ['IOM', 'International Organization for Migration', 'Coordinator, Secretariat', 'Active', '', '', '', ''],
    ['UNRC', 'UN Resident Coordinator', 'Co-chair', 'Active', '', '', '', ''],
    ['UNDP', 'UN Development Programme', 'Member', 'Active', '', '', '', ''],
  ];
  tabs[FocalPointsTable.name] = [
    headerRow(FocalPointsTable),
    ['IOM', 'Aziza Karimova', 'Programme Officer', 'akarimova@iom.int', 'Primary', true],
    ['UNRC', 'Jonas Berg', 'Coordination Officer', 'jberg@un.org', 'Primary', true],
    ['UNDP', 'Dilnoza Yusupova', 'Analyst', 'dyusupova@undp.org', 'Primary', true],
  ];
  return new MemoryWorkbook(tabs);
}

/** A deep copy of every tab, to compare before and after. */
export function snapshot(workbook: MemoryWorkbook): Record<string, Cell[][]> {
  return Object.fromEntries([...workbook.tabs].map(([name, grid]) => [name, grid.map((row) => [...row])]));
}

export function writes(workbook: MemoryWorkbook): number {
  const c = workbook.calls;
  return (c.write ?? 0) + (c.writeLinks ?? 0) + (c.paint ?? 0) + (c.clearFrom ?? 0) + (c.addTab ?? 0);
}
