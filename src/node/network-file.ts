/** The network of an .xlsx file, for a command that only reads it (check, report). */
import { decodeTabs, type Network } from '../domain/network';
import { collectGarbage } from './memory';
import { readTabsOnce } from './xlsx/workbook';

/**
 * Each tab read and decoded in turn (readTabsOnce), the file refused as open() refuses it, then the
 * memory of the grids and the XML given back at once, before the command builds what it shows from
 * the records.
 */
export async function networkOfFile(file: string): Promise<Network> {
  const tabs = await readTabsOnce(file);
  const network = await decodeTabs(tabs);
  await tabs.rest();
  collectGarbage();
  return network;
}
