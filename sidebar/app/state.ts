/** What every panel of the sidebar renders from: the data of one opening call, and the tabs decoded once. */
import { decodeNetwork, type Network } from '../../src/domain/network';
import type { DecisionSidebarData } from '../../src/domain/rpc';
import { call } from '../lib/rpc';

export interface SidebarState {
  readonly data: DecisionSidebarData;
  readonly network: Network;
}

export async function fetchState(): Promise<SidebarState> {
  const data = await call('getDecisionSidebarData');
  return { data, network: decodeNetwork(data.tabs) };
}
