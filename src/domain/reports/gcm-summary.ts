/**
 * The GCM summary: what the network's workplans and decisions contribute to each of the 23 objectives
 * of the Global Compact, the objectives it has not touched, and the SDG targets its workplans serve.
 * An input to the GCM regional reviews and the International Migration Review Forum.
 */
import type { IsoDay } from '../dates';
import { GCM_OBJECTIVES } from '../gcm';
import type { Network } from '../network';
import type { WorkplanRow } from '../tables';
import { funding, groupBy, networkName } from './figures';
import type { Report, ReportTable } from './report';

/** The target the Compact serves most directly ("facilitate orderly, safe, regular and responsible migration"). */
export const SDG_MIGRATION_TARGET = '10.7';

/** "10.7" → [10, 7]; a lettered target ("10.c") comes after the numbered ones of its goal. */
function targetOrder(target: string): [number, number, string] {
  const [goal = '', sub = ''] = target.split('.');
  const number = Number(sub);
  return [Number(goal) || Infinity, Number.isInteger(number) && sub !== '' ? number : Infinity, sub];
}

function compareTargets(a: string, b: string): number {
  if (a === SDG_MIGRATION_TARGET || b === SDG_MIGRATION_TARGET)
    return Number(b === SDG_MIGRATION_TARGET) - Number(a === SDG_MIGRATION_TARGET);
  const [ga, na, sa] = targetOrder(a);
  const [gb, nb, sb] = targetOrder(b);
  return ga - gb || na - nb || sa.localeCompare(sb);
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).join(', ');

function sdgTable(items: readonly WorkplanRow[]): ReportTable {
  const groups = groupBy(items, (w) => w.sdgTargets.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''));
  const targets = [...new Set([SDG_MIGRATION_TARGET, ...groups.keys()])].sort(compareTargets);
  return {
    id: 'sdg-targets',
    title: 'SDG targets',
    columns: [
      { header: 'SDG target', kind: 'text', width: 100 },
      { header: 'Workplan items', kind: 'count', width: 110 },
      { header: 'Budget (USD)', kind: 'money' },
      { header: 'Funded (USD)', kind: 'money' },
      { header: 'Workplan IDs', kind: 'text', width: 320 },
    ],
    rows: targets.map((t) => {
      const f = funding(groups.get(t) ?? []);
      return [t, f.items, f.budget, f.funded, ids(groups.get(t) ?? [])];
    }),
    totals: null,
    note: `Target ${SDG_MIGRATION_TARGET} first, the one the Compact serves most directly; then every target a workplan item names.`,
    empty: '',
  };
}

export function gcmSummary(network: Network, { today }: { today: IsoDay }): Report {
  const items = network.workplan.records.filter((w) => w.status !== 'Dropped');
  const decisions = network.decisions.records.filter((d) => d.outcome === 'Adopted');
  const itemsBy = groupBy(items, (w) => w.gcmObjectives);
  const decisionsBy = groupBy(decisions, (d) => d.gcmObjectives);
  const objectives: ReportTable = {
    id: 'objectives',
    title: 'The 23 objectives',
    columns: [
      { header: 'GCM objective', kind: 'text', width: 110 },
      { header: 'Objective', kind: 'text', width: 360 },
      { header: 'Workplan items', kind: 'count', width: 110 },
      { header: 'Budget (USD)', kind: 'money' },
      { header: 'Funded (USD)', kind: 'money' },
      { header: 'Decisions', kind: 'count' },
      { header: 'Workplan IDs', kind: 'text', width: 240 },
      { header: 'Decision IDs', kind: 'text', width: 240 },
    ],
    rows: GCM_OBJECTIVES.map((o) => {
      const w = itemsBy.get(o.number) ?? [];
      const d = decisionsBy.get(o.number) ?? [];
      const f = funding(w);
      return [String(o.number), o.title, f.items, f.budget, f.funded, d.length, ids(w), ids(d)];
    }),
    totals: null,
    note: 'Workplan items of every year except Dropped ones, and Adopted decisions. An item or decision that serves several objectives counts under each.',
    empty: '',
  };
  const untouched = GCM_OBJECTIVES.filter((o) => !itemsBy.has(o.number) && !decisionsBy.has(o.number));
  const untouchedTable: ReportTable = {
    id: 'untouched',
    title: 'Objectives the network has not touched',
    columns: [
      { header: 'GCM objective', kind: 'text', width: 110 },
      { header: 'Objective', kind: 'text', width: 360 },
    ],
    rows: untouched.map((o) => [String(o.number), o.title]),
    totals: null,
    note: 'No workplan item (Dropped aside) and no Adopted decision names them.',
    empty: 'The network has touched every objective.',
  };
  return {
    id: 'gcm-summary',
    title: 'GCM summary',
    network: networkName(network),
    year: null,
    today,
    subtitle:
      'What the network’s workplans and decisions contribute to each objective of the Global Compact for Migration: an input to the GCM regional reviews and the International Migration Review Forum.',
    notice: network.settings.confidentialityNotice,
    tables: [objectives, untouchedTable, sdgTable(items)],
    charts: [
      { title: 'Workplan items and decisions by GCM objective', table: objectives.id, category: 0, series: [2, 5] },
    ],
  };
}
