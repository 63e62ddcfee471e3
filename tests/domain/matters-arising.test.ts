import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readNetwork } from '../../src/app/network';
import { mattersBlocks } from '../../src/domain/email/agenda';
import { minutesMessage } from '../../src/domain/email/minutes';
import { LISTED_AT_MOST, mattersArising } from '../../src/domain/matters-arising';
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

  it('lists at most LISTED_AT_MOST open action points in a message and points to the tab for the rest', () => {
    const template = network.actions.records.find((a) => a.id === 'A-2026-004')!;
    const many: Network = {
      ...network,
      actions: {
        ...network.actions,
        records: Array.from({ length: 500 }, (_, i) => ({ ...template, id: `A-2026-${String(100 + i)}` })),
      },
    };
    const minutes = minutesMessage(many, meeting('M-2026-05'));
    expect(minutes.text).toContain('And 460 more open action points: see the Actions tab.');
    expect(minutes.text).not.toContain('A-2026-140');
    expect(minutes.html.length).toBeLessThan(60_000);
    const agenda = mattersBlocks(many, meeting('M-2027-01'));
    const table = agenda.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.length).toBe(LISTED_AT_MOST);
    expect(agenda).toContainEqual({ kind: 'paragraph', text: 'And 460 more open action points: see the Actions tab.' });
  });
});
