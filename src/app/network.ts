/** Reads the whole network from the workbook: one batch read per tab, nothing else. */
import { decodeNetwork, DATA_TABLES, type Grids, type Network } from '../domain/network';
import { SettingsTable } from '../domain/tables';
import type { WorkbookPort } from '../ports';

export function readGrids(workbook: WorkbookPort): Grids {
  const grids: Grids = {};
  for (const def of [SettingsTable, ...DATA_TABLES]) grids[def.name] = workbook.read(def.name);
  return grids;
}

export function readNetwork(workbook: WorkbookPort): { network: Network; grids: Grids } {
  const grids = readGrids(workbook);
  return { network: decodeNetwork(grids), grids };
}
