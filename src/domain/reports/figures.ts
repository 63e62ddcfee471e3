/** How the reports count: shares, sums of dollars, agencies in register order, links to the rows counted. */
import type { Located } from '../codec';
import type { Network } from '../network';
import type { TabName, WorkplanRow } from '../tables';
import { t } from '../i18n';
import { keyOf } from '../words';
import type { ReportCell, RowLink } from './report';

/** part / whole to three decimals (a share shown as a percentage); null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

export function sum(values: readonly (number | null)[]): number {
  return values.reduce<number>((total, v) => total + (v ?? 0), 0);
}

export function rowLink(sheet: TabName, row: number, text: string): RowLink {
  return { text, sheet, row };
}

/** The network's name as Settings give it, or a plain description when blank. */
export function networkName(network: Network): string {
  return network.settings.networkName.trim() || t('reports.network.unnamed');
}

/**
 * Agency codes in the order the register lists them (how the network is used to reading its members),
 * codes the register lacks after them alphabetically; each code once, as the register spells it.
 */
export function inRegisterOrder(network: Network, codes: Iterable<string>): string[] {
  const position = new Map<string, { index: number; code: string }>();
  network.members.records.forEach((m, index) => {
    const k = keyOf(m.agency);
    if (k !== '' && !position.has(k)) position.set(k, { index, code: m.agency.trim() });
  });
  const wanted = new Map<string, string>();
  for (const code of codes) {
    const k = keyOf(code);
    if (k !== '' && !wanted.has(k)) wanted.set(k, position.get(k)?.code ?? code.trim());
  }
  return [...wanted.entries()]
    .sort(([a, ca], [b, cb]) => {
      const pa = position.get(a)?.index ?? Infinity;
      const pb = position.get(b)?.index ?? Infinity;
      return pa === pb ? ca.localeCompare(cb) : pa - pb;
    })
    .map(([, code]) => code);
}

/** The money of some workplan items: budget, funded, and the gap still to fund (never below zero per item). */
export interface Funding {
  readonly items: number;
  readonly budget: number;
  readonly funded: number;
  readonly gap: number;
}

/** What is still to fund for one item: budget less funded, nothing when it is fully funded or has no budget. */
export function fundingGap(w: WorkplanRow): number | null {
  if (w.budgetUsd === null) return null;
  return Math.max(0, w.budgetUsd - (w.fundedUsd ?? 0));
}

export function funding(items: readonly WorkplanRow[]): Funding {
  return {
    items: items.length,
    budget: sum(items.map((w) => w.budgetUsd)),
    funded: sum(items.map((w) => w.fundedUsd)),
    gap: sum(items.map(fundingGap)),
  };
}

export function fundingCells(f: Funding): ReportCell[] {
  return [f.items, f.budget, f.funded, f.gap];
}

/** Items grouped by a key, each group in the items' order; an item may fall under several keys. */
export function groupBy<T, K>(items: readonly T[], keys: (item: T) => readonly K[]): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    for (const k of new Set(keys(item))) {
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
  }
  return out;
}

/** The workplan items of one year, in sheet order. */
export function workplanOf(network: Network, year: number): Located<WorkplanRow>[] {
  return network.workplan.records.filter((w) => w.year === year);
}
