/** The network a read-only command decodes from a file: the one the workbook port gives, memory given back on the way. */
import { describe, expect, it } from 'vitest';
import { readGrids } from '../../src/app/network';
import { decodeNetwork } from '../../src/domain/network';
import { collectGarbage } from '../../src/node/memory';
import { networkOfFile } from '../../src/node/network-file';
import { XlsxWorkbook } from '../../src/node/xlsx/workbook';
import { EXAMPLE } from './xlsx/parts';

describe('the network of a file', () => {
  it('is the network of the grids the workbook port reads', async () => {
    const workbook = await XlsxWorkbook.open(EXAMPLE);
    expect(await networkOfFile(EXAMPLE)).toEqual(decodeNetwork(readGrids(workbook)));
  });

  it('collects the garbage whenever asked, the collector found once', () => {
    expect(() => {
      collectGarbage();
      collectGarbage();
    }).not.toThrow();
  });
});
