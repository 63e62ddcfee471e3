/** Reads the network from the workbook: one batch read per tab, nothing else. */
import { decodeNetwork, NETWORK_TABLES, type Grids, type Network } from '../domain/network';
import type { AnyTable } from '../domain/tables';
import type { WorkbookPort } from '../ports';

/** The tabs given (every tab of the network by default); a use case that needs fewer reads fewer. */
export function readGrids(workbook: WorkbookPort, tables: readonly AnyTable[] = NETWORK_TABLES): Grids {
  const grids: Grids = {};
  for (const def of tables) grids[def.name] = workbook.read(def.name);
  return grids;
}

export function readNetwork(workbook: WorkbookPort, tables?: readonly AnyTable[]): { network: Network; grids: Grids } {
  const grids = readGrids(workbook, tables);
  return { network: decodeNetwork(grids), grids };
}
