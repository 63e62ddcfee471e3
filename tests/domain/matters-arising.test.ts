import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readNetwork } from '../../src/app/network';
import { mattersArising } from '../../src/domain/matters-arising';
import type { Network } from '../../src/domain/network';
import { XlsxWorkbook } from '../../src/node/xlsx/workbook';

const FILE = path.resolve(__dirname, '../../examples/uzbekistan.xlsx');

describe('matters arising on the example workbook', () => {
  let network: Network;
  beforeAll(async () => {
    network = readNetwork(await XlsxWorkbook.open(FILE)).network;
  });

  const meeting = (id: string) => network.meetings.records.find((m) => m.id === id)!;

  it("carries June's open action into September's minutes, with June's decision", () => {
    const matters = mattersArising(network, meeting('M-2026-05'));
    expect(matters.since?.id).toBe('M-2026-04');
    expect(matters.actions.map((a) => [a.id, a.owner, a.due])).toEqual([['A-2026-004', 'OHCHR', '2026-10-15']]);
    expect(matters.decisions.map((d) => d.id)).toEqual(['D-2026-04']);
  });

  it('gives the next planned meeting every open action and the decisions since the last held meeting', () => {
    const matters = mattersArising(network, meeting('M-2027-01'));
    expect(matters.since?.id).toBe('M-2026-06');
    expect(matters.actions.map((a) => a.id)).toEqual(['A-2026-004', 'A-2026-005', 'A-2026-006']);
    expect(matters.decisions.map((d) => d.id)).toEqual(['D-2026-06']);
  });
});
