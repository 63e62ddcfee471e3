/**
 * A network decoded in parts, as the tick decodes it: the tables decoded from the same grids under the
 * same Settings are taken as they are, and the network is the one decoding every grid anew gives.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeNetwork,
  decodeNetworkReusing,
  decodeTabs,
  NETWORK_TABLES,
  type Grids,
  type TabReader,
} from '../../src/domain/network';
import { rowsOfGrid } from '../../src/domain/codec';
import { currentLanguage, useLanguage } from '../../src/domain/i18n';
import { gridsOf, uzbekistan } from './rules/support';

describe('a network decoded in parts', () => {
  it('takes the tables decoded from the same grids under the same Settings, and is the network of all the grids', () => {
    const all = gridsOf(uzbekistan());
    const glance = { Settings: all.Settings, Meetings: all.Meetings, Actions: all.Actions };
    const rest = { Members: all.Members, Log: all.Log };
    const first = { grids: glance, network: decodeNetwork(glance) };
    const second = { grids: rest, network: decodeNetwork(rest) };
    const grids = { ...glance, ...rest };
    const network = decodeNetworkReusing(grids, [first, second]);
    expect(network).toEqual(decodeNetwork(grids));
    expect(network.meetings).toBe(first.network.meetings);
    expect(network.actions).toBe(first.network.actions);
    // Decoded without the Settings tab, in whatever language that gave: decoded again.
    expect(network.members).not.toBe(second.network.members);
    expect(network.members).toEqual(second.network.members);
  });

  it('decodes again a table whose grid is another array, even with the same cells', () => {
    const all = gridsOf(uzbekistan());
    const earlier = { grids: all, network: decodeNetwork(all) };
    const copy = { ...all, Meetings: all.Meetings.map((row) => [...row]) };
    const network = decodeNetworkReusing(copy, [earlier]);
    expect(network.meetings).not.toBe(earlier.network.meetings);
    expect(network.meetings).toEqual(earlier.network.meetings);
    expect(network.members).toBe(earlier.network.members);
  });

  /** The network decodeTabs makes of the Uzbekistan example through a reader, what the reader was asked, and the grids. */
  async function decodedThrough(reader: (all: Grids, asked: string[]) => TabReader) {
    const all = gridsOf(uzbekistan());
    const before = currentLanguage();
    const asked: string[] = [];
    try {
      return { network: await decodeTabs(reader(all, asked)), asked, all };
    } finally {
      useLanguage(before);
    }
  }

  it('reads the Settings tab first, then each tab of records once', async () => {
    const { network, asked, all } = await decodedThrough((grids, asked) => ({
      grid(tab) {
        asked.push(tab);
        return grids[tab] ?? null;
      },
    }));
    expect(asked[0]).toBe('Settings');
    expect(new Set(asked).size).toBe(asked.length);
    expect(network).toEqual(decodeNetwork(all));
  });

  it('takes Settings as a grid and every tab of records row by row, begun again where the reader begins again', async () => {
    const { network, asked, all } = await decodedThrough((grids, asked) => ({
      grid(tab) {
        asked.push(`grid ${tab}`);
        return grids[tab] ?? null;
      },
      async rows(tab, into) {
        asked.push(`rows ${tab}`);
        const grid = grids[tab];
        if (!grid) return null;
        // A reader that finds a tab's rows out of order halfway gives them all again to a new decoder.
        if (tab === 'Meetings') rowsOfGrid(grid.slice(0, 3), into());
        return rowsOfGrid(grid, into());
      },
    }));
    expect(asked).toEqual(['grid Settings', ...NETWORK_TABLES.slice(1).map((table) => `rows ${table.name}`)]);
    expect(network).toEqual(decodeNetwork(all));
  });
});
